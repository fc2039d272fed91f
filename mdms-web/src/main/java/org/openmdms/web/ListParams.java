package org.openmdms.web;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.openmdms.paging.PageRequest;

/** Paging and sorting query parameters shared by every list endpoint. */
public class ListParams {

    @QueryParam("offset")
    @DefaultValue("0")
    int offset;

    @QueryParam("limit")
    @DefaultValue("50")
    int limit;

    @QueryParam("sort")
    String sort;

    @QueryParam("order")
    @DefaultValue("asc")
    String order;

    public PageRequest page() {
        return new PageRequest(offset, limit, sort, "desc".equalsIgnoreCase(order));
    }
}
