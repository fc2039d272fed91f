package org.openmdms.meter.store;

import java.util.Map;
import org.openmdms.paging.PageRequest;

/** Turns a requested sort field into a whitelisted JPQL order-by clause, never into raw input. */
final class SortOrder {

    private SortOrder() {
    }

    static String clause(PageRequest page, Map<String, String> sortable, String defaultPath, String tieBreaker) {
        String path = page.sortField() == null ? null : sortable.get(page.sortField());
        if (path == null) {
            path = defaultPath;
        }
        String direction = page.descending() ? " desc" : " asc";
        return " order by " + path + direction + (path.equals(tieBreaker) ? "" : ", " + tieBreaker + " asc");
    }
}
