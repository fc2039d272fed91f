package org.openmdms.web.reading;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.openmdms.reading.boundary.MeterReadings;
import org.openmdms.reading.boundary.ReadingImportView;
import org.openmdms.web.LazyPages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** readings/imports.xhtml: the reading imports, newest first, loaded page by page. */
@Named
@ViewScoped
public class ImportHistory implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MeterReadings readings;

    private final LazyDataModel<ReadingImportView> imports = new Rows();

    public LazyDataModel<ReadingImportView> getImports() {
        return imports;
    }

    private class Rows extends LazyDataModel<ReadingImportView> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) readings.imports(PageRequest.first(1)).total();
        }

        @Override
        public List<ReadingImportView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            Page<ReadingImportView> page = readings.imports(LazyPages.page(first, pageSize, sortBy));
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(ReadingImportView row) {
            return Long.toString(row.id());
        }
    }
}
