package org.openmdms.web;

import java.util.List;
import java.util.Map;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A lazy PrimeFaces table over a paged boundary search. The table asks for the count, then for
 * the rows: the count query runs once, and the rows are fetched without counting again.
 */
public abstract class PagedRows<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** The boundary search behind the table. */
    protected abstract Page<T> page(Map<String, FilterMeta> filterBy, PageRequest request);

    /** A stable key of a row, for selection. */
    protected abstract String key(T row);

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) page(filterBy, PageRequest.first(1)).total();
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return page(filterBy, LazyPages.page(first, pageSize, sortBy).withoutTotal()).items();
    }

    @Override
    public String getRowKey(T row) {
        return key(row);
    }
}
