package org.openmdms.export.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export folder is an absolute path the server can create and write into; otherwise the reason is given. */
class ExportFolderTest {

    @Test
    void anAbsolutePathIsTakenNormalised() {
        assertEquals(Path.of("/srv/mdms/billing"), ExportFolder.parse("  /srv/mdms/exports/../billing/ "));
    }

    @Test
    void aRelativeOrEmptyPathIsRefusedWithTheReason() {
        IllegalArgumentException relative = assertThrows(IllegalArgumentException.class,
                () -> ExportFolder.parse("exports/billing"));
        assertEquals("The folder must be an absolute path (starting with / on Linux), not 'exports/billing'",
                relative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExportFolder.parse(" "));
        assertThrows(IllegalArgumentException.class, () -> ExportFolder.parse(null));
        assertThrows(IllegalArgumentException.class, () -> ExportFolder.parse("/srv/a\0b"));
    }

    @Test
    void aMissingFolderIsCreated(@TempDir Path root) {
        Path folder = root.resolve("exports/billing");

        assertEquals(Optional.empty(), ExportFolder.whyNotWritable(folder));
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRefused(@TempDir Path root) throws IOException {
        Path file = Files.writeString(root.resolve("billing"), "not a folder");

        assertEquals(Optional.of(file + " exists and is not a folder"), ExportFolder.whyNotWritable(file));
        Optional<String> below = ExportFolder.whyNotWritable(file.resolve("in"));
        assertTrue(below.isPresent() && below.get().contains(file.toString()), below.toString());
    }
}
