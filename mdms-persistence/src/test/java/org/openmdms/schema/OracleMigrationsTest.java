package org.openmdms.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No Oracle database runs on our machines, so sql/oracle is checked the only way it can be here:
 * every version in sql/common has an Oracle twin with the same number, and the twin creates the
 * same sequences, tables, columns, constraints and indexes (by name), in Oracle's types.
 */
class OracleMigrationsTest {

    private static final Pattern VERSION = Pattern.compile("^V(\\d+)__.+\\.sql$");
    private static final Pattern SEQUENCE = Pattern.compile("CREATE\\s+SEQUENCE\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE = Pattern.compile("CREATE\\s+TABLE\\s+(\\w+)\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern INDEX = Pattern.compile("CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(\\w+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONSTRAINT = Pattern.compile("CONSTRAINT\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENT_ON = Pattern.compile("COMMENT\\s+ON\\s+(TABLE|COLUMN)\\s+([\\w.]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_COLUMNS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");
    /** Types of the portable DDL that Oracle spells differently (NUMBER, VARCHAR2). */
    private static final Pattern NON_ORACLE_TYPE = Pattern.compile(
            "\\b(BIGINT|INTEGER|SMALLINT|NUMERIC|DECIMAL|TEXT|VARCHAR)\\b(?!2)", Pattern.CASE_INSENSITIVE);

    @Test
    void everyCommonVersionHasAnOracleTwin() throws IOException {
        Map<Integer, Path> common = versions(sql().resolve("common"));
        Map<Integer, Path> oracle = versions(sql().resolve("oracle"));
        assertFalse(common.isEmpty(), "no migrations found in sql/common");
        for (Map.Entry<Integer, Path> entry : common.entrySet()) {
            assertTrue(oracle.containsKey(entry.getKey()), "sql/common/" + entry.getValue().getFileName()
                    + " has no sql/oracle/V" + entry.getKey() + "__*.sql");
        }
    }

    @Test
    void oracleTwinCreatesTheSameObjects() throws IOException {
        Map<Integer, Path> oracle = versions(sql().resolve("oracle"));
        for (Map.Entry<Integer, Path> entry : versions(sql().resolve("common")).entrySet()) {
            Path twin = oracle.get(entry.getKey());
            if (twin == null) {
                continue; // reported by everyCommonVersionHasAnOracleTwin
            }
            String common = read(entry.getValue());
            String ora = read(twin);
            String what = "V" + entry.getKey() + " (" + twin.getFileName() + ")";
            assertEquals(names(SEQUENCE, common), names(SEQUENCE, ora), what + ": sequences");
            assertEquals(columnsByTable(common), columnsByTable(ora), what + ": tables and their columns");
            assertEquals(names(CONSTRAINT, common), names(CONSTRAINT, ora), what + ": constraint names");
            assertEquals(names(INDEX, common), names(INDEX, ora), what + ": index names");
            assertEquals(comments(common), comments(ora), what + ": COMMENT ON TABLE / COLUMN");
        }
    }

    @Test
    void oracleFilesUseOracleTypesAndSayTheyAreUntested() throws IOException {
        for (Path file : versions(sql().resolve("oracle")).values()) {
            String text = read(file);
            assertTrue(text.startsWith("-- Oracle 23ai. Reviewed, not executed on our machines."),
                    file.getFileName() + " must start with the header comment");
            Matcher m = NON_ORACLE_TYPE.matcher(withoutComments(text));
            if (m.find()) {
                fail(file.getFileName() + " uses " + m.group(1) + "; Oracle uses NUMBER(19), NUMBER(10),"
                        + " NUMBER(p,s) and VARCHAR2(n CHAR)");
            }
            for (Matcher s = SEQUENCE.matcher(withoutComments(text)); s.find(); ) {
                String statement = withoutComments(text).substring(s.start()).split(";", 2)[0];
                assertTrue(statement.matches("(?is).*START\\s+WITH\\s+1\\s+INCREMENT\\s+BY\\s+50\\s*"),
                        file.getFileName() + ": " + s.group(1) + " must START WITH 1 INCREMENT BY 50 (allocationSize)");
            }
        }
    }

    /** Table name to its column names, from the CREATE TABLE blocks. */
    static Map<String, Set<String>> columnsByTable(String sql) {
        String text = withoutComments(sql);
        Map<String, Set<String>> tables = new TreeMap<>();
        Matcher m = TABLE.matcher(text);
        while (m.find()) {
            Set<String> columns = new TreeSet<>();
            for (String element : topLevelElements(text, m.end())) {
                String first = element.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
                if (!first.isEmpty() && !NOT_COLUMNS.contains(first)) {
                    columns.add(first);
                }
            }
            tables.put(m.group(1).toUpperCase(Locale.ROOT), columns);
        }
        return tables;
    }

    /** The comma-separated elements of a parenthesised block that starts just after {@code start}. */
    private static List<String> topLevelElements(String text, int start) {
        List<String> elements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 1;
        for (int i = start; i < text.length() && depth > 0; i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (depth == 0 || (depth == 1 && c == ',')) {
                elements.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        return elements;
    }

    private static Set<String> names(Pattern pattern, String sql) {
        Set<String> names = new TreeSet<>();
        Matcher m = pattern.matcher(withoutComments(sql));
        while (m.find()) {
            names.add(m.group(m.groupCount()).toUpperCase(Locale.ROOT));
        }
        return names;
    }

    private static Set<String> comments(String sql) {
        Set<String> targets = new TreeSet<>();
        Matcher m = COMMENT_ON.matcher(withoutComments(sql));
        while (m.find()) {
            targets.add(m.group(1).toUpperCase(Locale.ROOT) + " " + m.group(2).toUpperCase(Locale.ROOT));
        }
        return targets;
    }

    /** The SQL without "--" line comments (none of our string literals contains "--"). */
    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "");
    }

    private static Map<Integer, Path> versions(Path folder) throws IOException {
        Map<Integer, Path> versions = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return versions;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                Matcher m = VERSION.matcher(file.getFileName().toString());
                if (m.matches()) {
                    Path previous = versions.put(Integer.valueOf(m.group(1)), file);
                    assertEquals(null, previous, "two migrations with version " + m.group(1) + " in " + folder);
                }
            }
        }
        return versions;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The top-level sql/ folder: found by walking up from the module (Maven runs tests in mdms-persistence). */
    private static Path sql() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("sql").resolve("common"))) {
                return dir.resolve("sql");
            }
        }
        throw new IllegalStateException("sql/common not found above " + Path.of("").toAbsolutePath());
    }
}
