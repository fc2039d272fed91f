package org.openmdms.paging;

/** How list filters typed by people become query parameters: trimmed, case-insensitive prefixes. */
public final class QueryText {

    private QueryText() {
    }

    public static boolean present(String filter) {
        return filter != null && !filter.isBlank();
    }

    /** A LIKE pattern matching values that start with the filter, ignoring case; wildcards typed are literal. */
    public static String prefixPattern(String filter) {
        return escape(filter.strip().toLowerCase()) + "%";
    }

    /** A LIKE pattern matching values that contain the filter, ignoring case. */
    public static String containsPattern(String filter) {
        return "%" + escape(filter.strip().toLowerCase()) + "%";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * Adds {@code and path = :name} to a JPQL where clause and the value to its parameters, when the
     * filter value is given (blank: no condition).
     */
    public static void equal(StringBuilder where, java.util.Map<String, Object> params, String path, String name,
            String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(path).append(" = :").append(name);
            params.put(name, value.strip());
        }
    }
}
