package org.openmdms.web;

import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.openmdms.paging.PageRequest;

/** Reads PrimeFaces lazy table state (filters, sort, page) into the boundaries' terms. */
public final class LazyPages {

    private LazyPages() {
    }

    public static PageRequest page(int first, int pageSize, Map<String, SortMeta> sortBy) {
        SortMeta sort = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
        return new PageRequest(first, Math.max(1, Math.min(pageSize, PageRequest.MAX_LIMIT)),
                sort == null ? null : sort.getField(), sort != null && sort.getOrder() == SortOrder.DESCENDING);
    }

    /** The text of a column filter, or null when the column is not filtered. */
    public static String text(Map<String, FilterMeta> filterBy, String field) {
        FilterMeta meta = filterBy == null ? null : filterBy.get(field);
        Object value = meta == null ? null : meta.getFilterValue();
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    public static <E extends Enum<E>> E choice(Map<String, FilterMeta> filterBy, String field, Class<E> type) {
        String text = text(filterBy, field);
        return text == null ? null : Enum.valueOf(type, text);
    }
}
