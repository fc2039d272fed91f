package org.openmdms.web.vee;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.openmdms.vee.boundary.ExceptionView;
import org.openmdms.vee.boundary.QueueAction;
import org.openmdms.vee.boundary.WorkQueue;
import org.openmdms.vee.entity.ExceptionStatus;
import org.openmdms.vee.store.ExceptionQuery;
import org.openmdms.vee.store.RuleCount;
import org.openmdms.web.Messages;
import org.openmdms.web.PagedRows;
import org.openmdms.web.SignedIn;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;

/**
 * vee/queue.xhtml: the VEE exception work queue. Counts per rule on top; filters by rule, severity,
 * status, feeder, usage point, assignee and days; a lazy table with a selection; acknowledge, assign
 * to me, resolve with a note — for the selection, or for everything the filters select.
 */
@Named
@ViewScoped
public class QueuePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient WorkQueue queue;

    @Inject
    SignedIn signedIn;

    private String rule;
    private String severity;
    private ExceptionStatus status = ExceptionStatus.OPEN;
    private String feeder;
    private String usagePoint;
    private String assignee;
    private LocalDate from;
    private LocalDate to;
    private String note = "accepted as is";
    private List<ExceptionView> selection = new ArrayList<>();
    private List<RuleRow> dashboard = List.of();
    private final LazyDataModel<ExceptionView> rows = new Rows();

    /** One rule's exceptions by status, for the dashboard. */
    public record RuleRow(String ruleId, long open, long acknowledged, long resolved, long errors) implements Serializable {
    }

    @PostConstruct
    void load() {
        Map<String, long[]> byRule = new TreeMap<>();
        for (RuleCount c : queue.counts(ExceptionQuery.all())) {
            long[] n = byRule.computeIfAbsent(c.ruleId(), r -> new long[4]);
            n[c.status().ordinal()] += c.count();
            if ("ERROR".equals(c.severity()) && c.status() != ExceptionStatus.RESOLVED) {
                n[3] += c.count();
            }
        }
        List<RuleRow> table = new ArrayList<>();
        byRule.forEach((r, n) -> table.add(new RuleRow(r, n[0], n[1], n[2], n[3])));
        dashboard = table;
    }

    public ExceptionQuery query() {
        return new ExceptionQuery(rule, severity, status, feeder, usagePoint, assignee, from, to);
    }

    public void acknowledge() {
        act(new QueueAction(QueueAction.Kind.ACKNOWLEDGE, null, null), "acknowledged");
    }

    public void assignToMe() {
        act(new QueueAction(QueueAction.Kind.ASSIGN, signedIn.getUsername(), null), "assigned to you");
    }

    public void resolve() {
        act(new QueueAction(QueueAction.Kind.RESOLVE, null, note), "resolved");
    }

    /** The action on the selected rows, or — with nothing selected — on all the filters select. */
    private void act(QueueAction action, String done) {
        try {
            List<Long> ids = selection.stream().map(ExceptionView::id).toList();
            int changed = queue.applyToAll(ids, query(), action);
            Messages.info(changed + " exception" + (changed == 1 ? "" : "s") + " " + done);
            selection = new ArrayList<>();
            load();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public List<String> getRules() {
        TreeSet<String> ids = new TreeSet<>();
        dashboard.forEach(r -> ids.add(r.ruleId()));
        return new ArrayList<>(ids);
    }

    public ExceptionStatus[] getStatuses() {
        return ExceptionStatus.values();
    }

    public List<RuleRow> getDashboard() {
        return dashboard;
    }

    public LazyDataModel<ExceptionView> getRows() {
        return rows;
    }

    private class Rows extends PagedRows<ExceptionView> {

        private static final long serialVersionUID = 1L;

        @Override
        protected Page<ExceptionView> page(Map<String, FilterMeta> filterBy, PageRequest request) {
            return queue.search(query(), request);
        }

        @Override
        protected String key(ExceptionView row) {
            return Long.toString(row.id());
        }

        @Override
        public ExceptionView getRowData(String rowKey) {
            return getWrappedData() == null ? null : getWrappedData().stream()
                    .filter(r -> Long.toString(r.id()).equals(rowKey)).findFirst().orElse(null);
        }
    }

    public String getRule() {
        return rule;
    }

    public void setRule(String rule) {
        this.rule = rule;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public ExceptionStatus getStatus() {
        return status;
    }

    public void setStatus(ExceptionStatus status) {
        this.status = status;
    }

    public String getFeeder() {
        return feeder;
    }

    public void setFeeder(String feeder) {
        this.feeder = feeder;
    }

    public String getUsagePoint() {
        return usagePoint;
    }

    public void setUsagePoint(String usagePoint) {
        this.usagePoint = usagePoint;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public List<ExceptionView> getSelection() {
        return selection;
    }

    public void setSelection(List<ExceptionView> selection) {
        this.selection = selection == null ? new ArrayList<>() : selection;
    }
}
