package org.openmdms.web.reading;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.openmdms.reading.boundary.MeterReadings;
import org.openmdms.reading.boundary.ReadingImportView;
import org.openmdms.web.PagedRows;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;

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

    private class Rows extends PagedRows<ReadingImportView> {

        private static final long serialVersionUID = 1L;

        @Override
        protected Page<ReadingImportView> page(Map<String, FilterMeta> filterBy, PageRequest request) {
            return readings.imports(request);
        }

        @Override
        protected String key(ReadingImportView row) {
            return Long.toString(row.id());
        }
    }
}
