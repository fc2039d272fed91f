package org.openmdms.web.meter;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.openmdms.meter.boundary.MeterRegistry;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;
import org.openmdms.meter.store.UsagePointQuery;
import org.openmdms.meter.store.UsagePointSummary;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.openmdms.web.LazyPages;
import org.openmdms.web.PagedRows;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;

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

    private class Rows extends PagedRows<UsagePointSummary> {

        private static final long serialVersionUID = 1L;

        @Override
        protected Page<UsagePointSummary> page(Map<String, FilterMeta> filterBy, PageRequest request) {
            return registry.searchUsagePoints(query(filterBy), request);
        }

        @Override
        protected String key(UsagePointSummary row) {
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
