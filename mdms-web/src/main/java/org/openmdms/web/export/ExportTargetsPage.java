package org.openmdms.web.export;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.openmdms.export.boundary.ExportTargetView;
import org.openmdms.export.boundary.ExportTargets;
import org.openmdms.web.Messages;

/**
 * admin/export-targets.xhtml: the folder each file export writes to and who chose it; an
 * administrator sets another folder (checked by the server before it is kept) or returns an export
 * to its setting's folder. {@code ?export=billing-file} opens that export's editor (the Schedules
 * page links here).
 */
@Named
@ViewScoped
public class ExportTargetsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ExportTargets targets;

    private List<ExportTargetView> exports;
    private String export;
    private String editing;
    private String folder;

    public void load() {
        exports = targets.list();
        if (export != null && editing == null) {
            exports.stream().filter(t -> t.name().equals(export)).findFirst().ifPresent(this::edit);
            export = null;
        }
    }

    public void edit(ExportTargetView target) {
        editing = target.name();
        folder = target.folder();
    }

    public void save() {
        try {
            ExportTargetView saved = targets.change(editing, folder);
            Messages.info(saved.title() + " are now written to " + saved.folder());
            editing = null;
        } catch (RuntimeException e) {
            Messages.refused("editor:folder", e);
        }
        exports = targets.list();
    }

    public void reset(ExportTargetView target) {
        try {
            ExportTargetView reset = targets.reset(target.name());
            Messages.info(reset.title() + " are written to the folder of " + reset.setting() + " again: "
                    + reset.folder());
            if (target.name().equals(editing)) {
                editing = null;
            }
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
        exports = targets.list();
    }

    public void cancel() {
        editing = null;
    }

    public List<ExportTargetView> getExports() {
        return exports;
    }

    public String getExport() {
        return export;
    }

    public void setExport(String export) {
        this.export = export;
    }

    public String getEditing() {
        return editing;
    }

    public ExportTargetView getEditingTarget() {
        return exports == null || editing == null ? null
                : exports.stream().filter(t -> t.name().equals(editing)).findFirst().orElse(null);
    }

    public String getFolder() {
        return folder;
    }

    public void setFolder(String folder) {
        this.folder = folder;
    }
}
