package org.openmdms.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.openmdms.admin.boundary.AuditRecord;
import org.openmdms.admin.boundary.AuditTrail;
import org.openmdms.admin.store.AuditQuery;
import org.openmdms.meter.boundary.MeterRegistry;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.openmdms.web.LazyPages;
import org.openmdms.web.PagedRows;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;

/** audit/list.xhtml: the audit trail of master data, newest first, for auditors and administrators. */
@Named
@ViewScoped
public class AuditList implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The subjects the boundaries audit. */
    private static final List<String> SUBJECT_TYPES = List.of(MeterRegistry.METER, MeterRegistry.USAGE_POINT, "USER",
            "REGISTRY_IMPORT");

    @Inject
    AuditTrail audit;

    private String subjectType;
    private String subjectKey;
    private String actor;
    private final LazyDataModel<AuditRecord> entries = new Rows();

    public LazyDataModel<AuditRecord> getEntries() {
        return entries;
    }

    public List<String> getSubjectTypes() {
        return SUBJECT_TYPES;
    }

    /** Outcome of the page that shows the subject of an entry, or null when there is none. */
    public String subjectPage(AuditRecord entry) {
        if (MeterRegistry.METER.equals(entry.subjectType())) {
            return "/meter/detail";
        }
        if (MeterRegistry.USAGE_POINT.equals(entry.subjectType())) {
            return "/usagepoint/detail";
        }
        return null;
    }

    /** Name of the URL parameter the subject page takes. */
    public String subjectParam(AuditRecord entry) {
        return MeterRegistry.METER.equals(entry.subjectType()) ? "serial" : "code";
    }

    public String getSubjectType() {
        return subjectType;
    }

    public void setSubjectType(String subjectType) {
        this.subjectType = subjectType;
    }

    public String getSubjectKey() {
        return subjectKey;
    }

    public void setSubjectKey(String subjectKey) {
        this.subjectKey = subjectKey;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    private class Rows extends PagedRows<AuditRecord> {

        private static final long serialVersionUID = 1L;

        @Override
        protected Page<AuditRecord> page(Map<String, FilterMeta> filterBy, PageRequest request) {
            return audit.search(query(filterBy), request);
        }

        @Override
        protected String key(AuditRecord row) {
            return Long.toString(row.id());
        }

        private AuditQuery query(Map<String, FilterMeta> filterBy) {
            return new AuditQuery(LazyPages.text(filterBy, "subjectType"), LazyPages.text(filterBy, "subjectKey"),
                    LazyPages.text(filterBy, "actor"), null, null);
        }
    }
}
