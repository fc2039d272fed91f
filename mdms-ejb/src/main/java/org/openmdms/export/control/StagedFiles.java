package org.openmdms.export.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Files written for another system to pick up from a folder, all or nothing: each is written as
 * {@code <name>.part} and, when every one of them is complete, renamed to its name (atomically where
 * the file system can). Closing without {@link #commit()} — an export that failed midway — deletes
 * the temporary files, so the folder never holds half a file, nor a file of a run that failed.
 * Files of an earlier run with the same names are replaced only at the commit.
 */
public final class StagedFiles implements AutoCloseable {

    static final String PART = ".part";

    private final Path folder;
    private final Set<String> names = new LinkedHashSet<>();
    private boolean committed;

    /** Files for the folder, which must exist (see {@link ExportFolder#whyNotWritable}). */
    public StagedFiles(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** A new temporary file for {@code name}; the caller writes it and closes the stream. */
    public OutputStream create(String name) throws IOException {
        if (committed) {
            throw new IllegalStateException("the files of " + folder + " are already committed");
        }
        if (!names.add(name)) {
            throw new IllegalArgumentException(name + " is already written in this run");
        }
        return Files.newOutputStream(folder.resolve(name + PART));
    }

    /** Writes a small file whole. */
    public void write(String name, byte[] content) throws IOException {
        try (OutputStream out = create(name)) {
            out.write(content);
        }
    }

    /** Renames every temporary file to its name, in the order they were created; returns the files. */
    public List<Path> commit() {
        List<Path> files = new ArrayList<>();
        try {
            for (String name : names) {
                Path target = folder.resolve(name);
                move(folder.resolve(name + PART), target);
                files.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Renaming the finished files in " + folder + " failed", e);
        }
        committed = true;
        return files;
    }

    /** Deletes the temporary files that were not renamed (all of them unless committed). */
    @Override
    public void close() {
        for (String name : names) {
            try {
                Files.deleteIfExists(folder.resolve(name + PART));
            } catch (IOException e) {
                // the failure that brought us here matters more; a left-over .part is ignored by readers
            }
        }
    }

    /**
     * Moves a completely written temporary file to its name, atomically where the file system can, so
     * that a reader of the folder never sees half a file.
     */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
