package org.openmdms.paging;

/**
 * Which slice of a sorted list a screen or API client wants. The sort field is a name the store
 * whitelists; an unknown name falls back to the store's default order. A request without total
 * spares the store its count query (the answer's total is then {@link Page#UNCOUNTED}): a paged
 * table asks for the count once and then only for rows.
 */
public record PageRequest(int offset, int limit, String sortField, boolean descending, boolean withTotal) {

    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public PageRequest(int offset, int limit, String sortField, boolean descending) {
        this(offset, limit, sortField, descending, true);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(0, limit, null, false);
    }

    public PageRequest withoutTotal() {
        return new PageRequest(offset, limit, sortField, descending, false);
    }
}
