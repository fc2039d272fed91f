package org.openmdms.web.meter;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.openmdms.meter.boundary.MeterRegistry;
import org.openmdms.meter.entity.MeterStatus;
import org.openmdms.meter.store.MeterQuery;
import org.openmdms.meter.store.MeterSummary;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.openmdms.web.LazyPages;
import org.openmdms.web.PagedRows;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;

/** meter/list.xhtml: the meter search, loaded page by page from the registry. */
@Named
@ViewScoped
public class MeterList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MeterRegistry registry;

    private String serial;
    private MeterStatus status;
    private final LazyDataModel<MeterSummary> meters = new Rows();

    public LazyDataModel<MeterSummary> getMeters() {
        return meters;
    }

    public MeterStatus[] getStatuses() {
        return MeterStatus.values();
    }

    /** A serial number given in the URL (from the header search) pre-fills the serial filter. */
    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }

    public MeterStatus getStatus() {
        return status;
    }

    public void setStatus(MeterStatus status) {
        this.status = status;
    }

    private class Rows extends PagedRows<MeterSummary> {

        private static final long serialVersionUID = 1L;

        @Override
        protected Page<MeterSummary> page(Map<String, FilterMeta> filterBy, PageRequest request) {
            return registry.searchMeters(query(filterBy), request);
        }

        @Override
        protected String key(MeterSummary row) {
            return row.serialNumber();
        }

        private MeterQuery query(Map<String, FilterMeta> filterBy) {
            return new MeterQuery(LazyPages.text(filterBy, "serialNumber"), LazyPages.text(filterBy, "usagePoint"),
                    LazyPages.text(filterBy, "accountId"), LazyPages.text(filterBy, "feeder"),
                    LazyPages.choice(filterBy, "status", MeterStatus.class));
        }
    }
}
