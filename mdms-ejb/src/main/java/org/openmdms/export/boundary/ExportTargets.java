package org.openmdms.export.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmdms.admin.boundary.AuditTrail;
import org.openmdms.admin.boundary.Caller;
import org.openmdms.admin.entity.Role;
import org.openmdms.export.control.ExportFolder;
import org.openmdms.export.control.FileExport;
import org.openmdms.export.entity.ExportTarget;
import org.openmdms.export.store.ExportTargetStore;
import org.openmdms.meter.boundary.RegistryNotFound;

/**
 * The folders the file exports write to. Administrators choose one per export; the folder is checked
 * (absolute, creatable and writable by the server) before it is stored, and the change is audited
 * with the folder before and after. An export nobody configured writes to its setting's folder.
 * The writers ask {@link #folder} at every run, which checks the folder again.
 */
@Stateless
@RolesAllowed(Role.ADMIN)
public class ExportTargets {

    static final String SUBJECT = "export-target";

    @Inject
    ExportTargetStore store;

    @EJB
    AuditTrail audit;

    @Resource
    SessionContext context;

    @RolesAllowed({Role.ADMIN, Role.AUDITOR})
    public List<ExportTargetView> list() {
        return Arrays.stream(FileExport.values()).map(this::view).toList();
    }

    @RolesAllowed({Role.ADMIN, Role.AUDITOR})
    public ExportTargetView target(String name) {
        return view(known(name));
    }

    /** Sets the export's folder; refused (nothing stored) when it is not absolute or the server cannot write there. */
    public ExportTargetView change(String name, String folder) {
        FileExport export = known(name);
        Path path = ExportFolder.parse(folder);
        if (path.toString().length() > ExportTarget.FOLDER_LENGTH) {
            throw new IllegalArgumentException("The folder's path is longer than " + ExportTarget.FOLDER_LENGTH + " characters");
        }
        ExportFolder.whyNotWritable(path).ifPresent(why -> {
            throw new IllegalArgumentException("The server cannot write export files to " + path + ": " + why);
        });
        ExportTargetView before = view(export);
        Instant now = Instant.now();
        store.find(export.key()).ifPresentOrElse(t -> t.change(path.toString(), Caller.name(context), now),
                () -> store.add(new ExportTarget(export.key(), path.toString(), Caller.name(context), now)));
        ExportTargetView after = view(export);
        audit.record("export-target.change", SUBJECT, export.key(), auditState(before), auditState(after));
        return after;
    }

    /** Returns the export to its setting's folder. */
    public ExportTargetView reset(String name) {
        FileExport export = known(name);
        ExportTargetView before = view(export);
        store.find(export.key()).ifPresent(t -> {
            store.remove(t);
            audit.record("export-target.reset", SUBJECT, export.key(), auditState(before),
                    auditState(defaultView(export)));
        });
        return defaultView(export);
    }

    /**
     * The folder a run of the export writes to, created if missing; fails with a reason an
     * administrator can act on when the server cannot write there (the run fails and is retried).
     */
    public Path folder(FileExport export) {
        ExportTargetView target = view(export);
        Path folder = Path.of(target.folder());
        ExportFolder.whyNotWritable(folder).ifPresent(why -> {
            throw new ExportTargetUnusable("Export target " + export.key() + " (" + (target.configured()
                    ? "set by " + target.changedBy() : "setting " + export.setting()) + "): cannot write to "
                    + folder + ": " + why + ". Fix the folder or choose another on Admin > Export targets.");
        });
        return folder;
    }

    private ExportTargetView view(FileExport export) {
        return store.find(export.key()).map(t -> new ExportTargetView(export.key(), export.title(), export.job(),
                t.folder(), true, export.defaultFolder().toString(), export.setting(), t.changedBy(), t.changedAt()))
                .orElseGet(() -> defaultView(export));
    }

    private static ExportTargetView defaultView(FileExport export) {
        String folder = export.defaultFolder().toString();
        return new ExportTargetView(export.key(), export.title(), export.job(), folder, false, folder, export.setting(),
                null, null);
    }

    private static FileExport known(String name) {
        return FileExport.byKey(name).orElseThrow(() -> new RegistryNotFound("No export " + name + "; the exports are "
                + Arrays.stream(FileExport.values()).map(FileExport::key).toList()));
    }

    private static Map<String, Object> auditState(ExportTargetView view) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("folder", view.folder());
        state.put("configured", view.configured());
        return state;
    }
}
