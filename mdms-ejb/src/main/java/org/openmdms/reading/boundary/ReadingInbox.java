package org.openmdms.reading.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import org.openmdms.admin.entity.Role;
import org.openmdms.config.Settings;
import org.openmdms.operations.boundary.ClusterNode;
import org.openmdms.reading.control.ReadingFormat;
import org.openmdms.reading.entity.ImportStatus;

/**
 * The watched inbox folder for reading files that head-ends drop: {@code inbox/<format>/file}
 * (lcl, cmep, nem12; {@code .gz} files are unzipped on the fly). A file is claimed by an atomic
 * move into {@code processing/<node>/} — so of several nodes sharing the folder exactly one takes it —
 * imported, and moved to {@code archive/<day>/} or, if the import failed, to {@code error/} with a
 * {@code .reason} file beside it. Files in a node's processing folder when it stopped — this node's
 * at its start, a dead node's when another takes over ({@link InterruptedImports}) — are reclaimed:
 * moved atomically into this node's folder, and their cut-off import resumed (the chunks it had
 * committed are skipped), or imported afresh if the node had not begun it. Senders write under a
 * temporary name ({@code .part}, {@code .tmp}, or hidden) and rename when done; such files are left
 * alone.
 */
@Singleton
@Startup
@DependsOn("InterruptedImports")
@PermitAll // reclaim is called by InterruptedImports' timer, as nobody in particular
@RunAs(Role.ADMIN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReadingInbox {

    private static final Logger LOG = Logger.getLogger(ReadingInbox.class.getName());

    /** Separates a claimed file's format, claim time and name: {@code cmep__1767225600000__reads.csv}. */
    private static final String SEPARATOR = "__";

    private final AtomicBoolean scanning = new AtomicBoolean();

    /** Files reclaimed from a stopped node, to import before new ones. */
    private final Queue<Reclaimed> reclaimed = new ConcurrentLinkedQueue<>();

    @Inject
    ReadingImporter importer;

    @Inject
    IntervalWriter writer;

    @Inject
    ClusterNode node;

    private Path root;

    /** A claimed file taken over from the node that had claimed it. */
    private record Reclaimed(Path file, String fromNode) {
    }

    @PostConstruct
    void prepare() {
        root = Settings.inboxDir();
        try {
            for (ReadingFormat format : ReadingFormat.values()) {
                Files.createDirectories(inbox(format));
            }
            Files.createDirectories(processing(node.name()));
            Files.createDirectories(root.resolve("archive"));
            Files.createDirectories(root.resolve("error"));
            // Files claimed before nodes had folders of their own go back to the inbox.
            try (DirectoryStream<Path> interrupted = Files.newDirectoryStream(root.resolve("processing"),
                    Files::isRegularFile)) {
                for (Path file : interrupted) {
                    String[] parts = file.getFileName().toString().split(SEPARATOR, 2);
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
        reclaim(node.name());
        LOG.info(() -> "Reading inbox: " + root + " (node " + node.name() + ")");
    }

    /**
     * Takes over the files a stopped node had claimed (this node's own after a restart): each is moved
     * atomically into this node's processing folder — of several nodes taking over, one gets each —
     * and imported by the next scan, resuming the node's import of it.
     */
    public void reclaim(String stoppedNode) {
        Path folder = processing(stoppedNode);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, Files::isRegularFile)) {
            for (Path file : files) {
                Path mine = processing(node.name()).resolve(file.getFileName());
                if (!mine.equals(file)) {
                    try {
                        Files.move(file, mine, StandardCopyOption.ATOMIC_MOVE);
                    } catch (NoSuchFileException | FileAlreadyExistsException e) {
                        continue; // another node took it over
                    }
                }
                reclaimed.add(new Reclaimed(mine, stoppedNode));
                LOG.warning(() -> "Inbox: " + file.getFileName() + " was being imported by node " + stoppedNode
                        + " when it stopped; node " + node.name() + " takes it over");
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Inbox: cannot take over the files of node " + stoppedNode + " in " + folder, e);
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void scan() {
        if (!scanning.compareAndSet(false, true)) {
            return;
        }
        try {
            for (Reclaimed file = reclaimed.poll(); file != null; file = reclaimed.poll()) {
                resume(file);
            }
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
        Path claimed = processing(node.name()).resolve(format.name().toLowerCase() + SEPARATOR
                + System.currentTimeMillis() + SEPARATOR + name);
        try {
            Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException | FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            return; // another server took it, or it cannot be claimed safely
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Inbox: cannot claim " + file, e);
            return;
        }
        importClaimed(claimed, format, name);
    }

    /** A reclaimed file: its cut-off import resumed if the stopped node had begun one, else imported. */
    private void resume(Reclaimed file) {
        String[] parts = file.file().getFileName().toString().split(SEPARATOR, 3);
        ReadingFormat format;
        Instant claimedAt;
        try {
            if (parts.length != 3) {
                throw new IllegalArgumentException("no format and claim time in its name");
            }
            format = ReadingFormat.of(parts[0]);
            claimedAt = Instant.ofEpochMilli(Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            park(file.file(), file.file().getFileName().toString(), "error", "not a claimed inbox file: " + e);
            return;
        }
        String name = parts[2];
        Optional<Long> cutOff = writer.unfinishedImportOf(source(format, name), file.fromNode(), claimedAt);
        if (cutOff.isPresent()) {
            ReadingImportView result;
            try (InputStream in = open(file.file())) {
                result = importer.resumeFile(cutOff.get(), file.fromNode(), source(format, name), format.name(), in);
            } catch (IOException | RuntimeException e) {
                park(file.file(), name, "error", e.toString());
                return;
            }
            if (result != null) {
                settle(file.file(), name, result);
                return;
            }
        }
        importClaimed(file.file(), format, name);
    }

    private void importClaimed(Path claimed, ReadingFormat format, String name) {
        ReadingImportView result;
        try (InputStream in = open(claimed)) {
            result = importer.importFile(source(format, name), format.name(), in);
        } catch (IOException | RuntimeException e) {
            park(claimed, name, "error", e.toString());
            return;
        }
        settle(claimed, name, result);
    }

    private void settle(Path claimed, String name, ReadingImportView result) {
        if (result.status() == ImportStatus.COMPLETED) {
            park(claimed, name, "archive/" + LocalDate.now(ZoneOffset.UTC), null);
        } else {
            park(claimed, name, "error", "import " + result.id() + ": " + result.failure());
        }
    }

    private static String source(ReadingFormat format, String name) {
        return "inbox/" + format.name().toLowerCase() + "/" + name;
    }

    private Path processing(String nodeName) {
        return root.resolve("processing").resolve(nodeName);
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
