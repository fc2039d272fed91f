package org.openmdms.export.control;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder an export writes to, as an administrator types it and as the server finds it: an
 * absolute path (a relative one would depend on the server's working directory), which the server
 * can create if missing and write into. Checked when it is set and again by every run, since a
 * folder can disappear or turn read-only between the two.
 */
public final class ExportFolder {

    private ExportFolder() {
    }

    /** The typed path as an absolute, normalised folder; refused with the reason otherwise. */
    public static Path parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Give the folder as an absolute path on the server, e.g. /srv/mdms/exports/billing");
        }
        Path path;
        try {
            path = Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a path: " + e.getReason());
        }
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("The folder must be an absolute path (starting with / on Linux), not '"
                    + text.strip() + "'");
        }
        return path.normalize();
    }

    /**
     * Creates the folder if it is missing and tells why the server cannot write files into it, or
     * nothing when it can.
     */
    public static Optional<String> whyNotWritable(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            return Optional.of((e.getFile() == null ? folder.toString() : e.getFile()) + " exists and is not a folder");
        } catch (AccessDeniedException e) {
            return Optional.of("the server may not create " + (e.getFile() == null ? folder : e.getFile())
                    + " (permission denied)");
        } catch (FileSystemException e) {
            return Optional.of("the server cannot create " + (e.getFile() == null ? folder : e.getFile())
                    + (e.getReason() == null ? "" : ": " + e.getReason()));
        } catch (IOException | SecurityException e) {
            return Optional.of("the server cannot create it: " + e);
        }
        if (!Files.isDirectory(folder)) {
            return Optional.of(folder + " is not a folder");
        }
        if (!Files.isWritable(folder)) {
            return Optional.of("the server may not write into it (permission denied or a read-only file system)");
        }
        return Optional.empty();
    }
}
