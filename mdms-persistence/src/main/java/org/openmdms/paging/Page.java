package org.openmdms.paging;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** One slice of a longer list, with the total the list would have without paging. */
public record Page<T>(List<T> items, long total) {

    /** The total of a page asked for without it ({@link PageRequest#withoutTotal()}). */
    public static final long UNCOUNTED = -1;

    public Page {
        items = List.copyOf(items);
    }

    /** A page whose total is counted only when the request wants it. */
    public static <T> Page<T> of(List<T> items, PageRequest request, LongSupplier count) {
        return new Page<>(items, request.withTotal() ? count.getAsLong() : UNCOUNTED);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total);
    }
}
