package org.openmdms.reading.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import org.openmdms.admin.entity.Role;
import org.openmdms.config.Settings;
import org.openmdms.reading.control.ReadingFormat;
import org.openmdms.reading.entity.ImportStatus;

/**
 * The watched inbox folder for reading files that head-ends drop: {@code inbox/<format>/file}
 * (lcl, cmep, nem12; {@code .gz} files are unzipped on the fly). A file is claimed by an atomic
 * move into {@code processing/} — so of several servers sharing the folder exactly one takes it —
 * imported, and moved to {@code archive/<day>/} or, if the import failed, to {@code error/} with a
 * {@code .reason} file beside it. Files still in {@code processing/} at start-up were cut off by a
 * stop and go back to the inbox: importing them again completes them (what was stored counts as
 * duplicates). Senders write under a temporary name ({@code .part}, {@code .tmp}, or hidden) and
 * rename when done; such files are left alone.
 */
@Singleton
@Startup
@RunAs(Role.ADMIN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReadingInbox {

    private static final Logger LOG = Logger.getLogger(ReadingInbox.class.getName());

    private final AtomicBoolean scanning = new AtomicBoolean();

    @Inject
    ReadingImporter importer;

    private Path root;

    @PostConstruct
    void prepare() {
        root = Settings.inboxDir();
        try {
            for (ReadingFormat format : ReadingFormat.values()) {
                Files.createDirectories(inbox(format));
            }
            Files.createDirectories(root.resolve("processing"));
            Files.createDirectories(root.resolve("archive"));
            Files.createDirectories(root.resolve("error"));
            try (DirectoryStream<Path> interrupted = Files.newDirectoryStream(root.resolve("processing"))) {
                for (Path file : interrupted) {
                    String[] parts = file.getFileName().toString().split("__", 2);
                    if (parts.length == 2) {
                        Files.move(file, inbox(ReadingFormat.of(parts[0])).resolve(parts[1]),
                                StandardCopyOption.REPLACE_EXISTING);
                        LOG.warning("Inbox: " + parts[1] + " was cut off by a stop; it goes back to the inbox");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the reading inbox " + root, e);
        }
        LOG.info(() -> "Reading inbox: " + root);
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void scan() {
        if (!scanning.compareAndSet(false, true)) {
            return;
        }
        try {
            for (ReadingFormat format : ReadingFormat.values()) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox(format))) {
                    for (Path file : files) {
                        if (ready(file)) {
                            take(format, file);
                        }
                    }
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Inbox: cannot list " + inbox(format), e);
                }
            }
        } finally {
            scanning.set(false);
        }
    }

    private void take(ReadingFormat format, Path file) {
        String name = file.getFileName().toString();
        Path claimed = root.resolve("processing").resolve(format.name().toLowerCase() + "__" + name);
        try {
            Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException | FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            return; // another server took it, or it cannot be claimed safely
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Inbox: cannot claim " + file, e);
            return;
        }
        ReadingImportView result;
        try (InputStream in = open(claimed)) {
            result = importer.importFile("inbox/" + format.name().toLowerCase() + "/" + name, format.name(), in);
        } catch (IOException | RuntimeException e) {
            park(claimed, name, "error", e.toString());
            return;
        }
        if (result.status() == ImportStatus.COMPLETED) {
            park(claimed, name, "archive/" + LocalDate.now(ZoneOffset.UTC), null);
        } else {
            park(claimed, name, "error", "import " + result.id() + ": " + result.failure());
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private void park(Path claimed, String name, String folder, String reason) {
        try {
            Path target = root.resolve(folder);
            Files.createDirectories(target);
            Files.move(claimed, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            if (reason != null) {
                Files.writeString(target.resolve(name + ".reason"), reason + "\n", StandardCharsets.UTF_8);
                LOG.warning(() -> "Inbox: " + name + " moved to " + folder + ": " + reason);
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Inbox: cannot move " + claimed + " to " + folder, e);
        }
    }

    private static boolean ready(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && !name.startsWith(".") && !name.endsWith(".part") && !name.endsWith(".tmp");
    }

    private Path inbox(ReadingFormat format) {
        return root.resolve("inbox").resolve(format.name().toLowerCase());
    }
}
