package org.openmdms.export.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files for another system appear whole and together, or not at all. */
class StagedFilesTest {

    @Test
    void committedFilesTakeTheirNamesTogetherAndReplaceAnEarlierRunsFiles(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("a.csv"), "yesterday's");
        try (StagedFiles files = new StagedFiles(folder)) {
            files.write("a.csv", "a".getBytes());
            files.write("b.csv", "b".getBytes());
            assertEquals(List.of("a.csv", "a.csv.part", "b.csv.part"), names(folder), "nothing renamed before the commit");
            assertEquals("yesterday's", Files.readString(folder.resolve("a.csv")));

            assertEquals(List.of(folder.resolve("a.csv"), folder.resolve("b.csv")), files.commit());
        }
        assertEquals(List.of("a.csv", "b.csv"), names(folder));
        assertEquals("a", Files.readString(folder.resolve("a.csv")));
    }

    @Test
    void aRunThatFailsMidwayLeavesNoFileOfItsOwn(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("a.csv"), "yesterday's");
        assertThrows(IllegalStateException.class, () -> {
            try (StagedFiles files = new StagedFiles(folder)) {
                files.write("a.csv", "a".getBytes());
                try (OutputStream out = files.create("b.csv")) {
                    out.write("half of b".getBytes());
                    throw new IllegalStateException("database gone");
                }
            }
        });
        assertEquals(List.of("a.csv"), names(folder));
        assertEquals("yesterday's", Files.readString(folder.resolve("a.csv")), "the earlier run's file is untouched");
    }

    @Test
    void aFolderThatIsGoneFailsAtTheFirstFile(@TempDir Path root) {
        Path gone = root.resolve("gone");
        try (StagedFiles files = new StagedFiles(gone)) {
            assertThrows(IOException.class, () -> files.write("a.csv", "a".getBytes()));
        }
    }

    @Test
    void aNameIsWrittenOncePerRun(@TempDir Path folder) throws IOException {
        try (StagedFiles files = new StagedFiles(folder)) {
            files.write("a.csv", "a".getBytes());
            assertThrows(IllegalArgumentException.class, () -> files.create("a.csv"));
        }
    }

    static List<String> names(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
