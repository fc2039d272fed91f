package org.openmdms.paging;

import java.util.List;
import java.util.function.Function;

/** One slice of a longer list, with the total the list would have without paging. */
public record Page<T>(List<T> items, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total);
    }
}
