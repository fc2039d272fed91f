package org.openmdms.web.meter;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.openmdms.meter.boundary.MeterRegistry;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;
import org.openmdms.meter.store.UsagePointQuery;
import org.openmdms.meter.store.UsagePointSummary;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.openmdms.web.LazyPages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** usagepoint/list.xhtml: the usage point search, loaded page by page from the registry. */
@Named
@ViewScoped
public class UsagePointList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MeterRegistry registry;

    private String feeder;
    private CustomerClass customerClass;
    private Commodity commodity;
    private final LazyDataModel<UsagePointSummary> usagePoints = new Rows();

    public LazyDataModel<UsagePointSummary> getUsagePoints() {
        return usagePoints;
    }

    public CustomerClass[] getCustomerClasses() {
        return CustomerClass.values();
    }

    public Commodity[] getCommodities() {
        return Commodity.values();
    }

    /** A feeder given in the URL (from the home page) pre-fills the feeder filter. */
    public String getFeeder() {
        return feeder;
    }

    public void setFeeder(String feeder) {
        this.feeder = feeder;
    }

    public CustomerClass getCustomerClass() {
        return customerClass;
    }

    public void setCustomerClass(CustomerClass customerClass) {
        this.customerClass = customerClass;
    }

    public Commodity getCommodity() {
        return commodity;
    }

    public void setCommodity(Commodity commodity) {
        this.commodity = commodity;
    }

    private class Rows extends LazyDataModel<UsagePointSummary> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) registry.searchUsagePoints(query(filterBy), PageRequest.first(1)).total();
        }

        @Override
        public List<UsagePointSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            Page<UsagePointSummary> page = registry.searchUsagePoints(query(filterBy),
                    LazyPages.page(first, pageSize, sortBy));
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(UsagePointSummary row) {
            return row.code();
        }

        private UsagePointQuery query(Map<String, FilterMeta> filterBy) {
            return new UsagePointQuery(LazyPages.text(filterBy, "code"), LazyPages.text(filterBy, "accountId"),
                    LazyPages.text(filterBy, "feeder"), LazyPages.text(filterBy, "transformer"),
                    LazyPages.choice(filterBy, "customerClass", CustomerClass.class),
                    LazyPages.choice(filterBy, "commodity", Commodity.class));
        }
    }
}
