package org.openmdms.web;

import java.util.List;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;

/** A page of a list as the API returns it. */
public record PageJson<T>(long total, int offset, int limit, List<T> items) {

    public static <T> PageJson<T> of(Page<T> page, PageRequest request) {
        return new PageJson<>(page.total(), request.offset(), request.limit(), page.items());
    }
}
