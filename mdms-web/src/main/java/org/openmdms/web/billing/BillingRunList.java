package org.openmdms.web.billing;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openmdms.billing.boundary.BillingRuns;
import org.openmdms.billing.boundary.Tariffs;
import org.openmdms.billing.entity.BillingCycle;
import org.openmdms.billing.entity.BillingRun;
import org.openmdms.web.Messages;

/**
 * billing/runs.xhtml: the latest billing runs with their progress (the page polls while one runs),
 * and for analysts and administrators a run of a cycle's billing period.
 */
@Named
@ViewScoped
public class BillingRunList implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int SHOWN = 50;

    @Inject
    transient BillingRuns runs;

    @Inject
    transient Tariffs tariffs;

    /** A run as listed: the run and its cycle's code. */
    public record Row(BillingRun run, String cycle) implements Serializable {

        /** Done of the run's usage points, in whole percent (100 for a run of none). */
        public int getPercent() {
            return run.usagePoints() == 0 ? 100 : run.done() * 100 / run.usagePoints();
        }
    }

    private List<BillingCycle> cycles = List.of();
    private List<Row> rows = List.of();
    private String cycle;
    private LocalDate periodStart;

    public void load() {
        cycles = tariffs.cycles();
        if (cycle == null && !cycles.isEmpty()) {
            cycle = cycles.get(0).code();
        }
        choosePeriod();
        refresh();
    }

    public void refresh() {
        Map<Long, String> codes = tariffs.cycles().stream().collect(Collectors.toMap(BillingCycle::id, BillingCycle::code));
        rows = runs.latest(SHOWN).stream().map(r -> new Row(r, codes.get(r.cycleId()))).toList();
    }

    /** A new cycle: its latest period that has ended (or its first) is proposed. */
    public void choosePeriod() {
        List<LocalDate> starts = getPeriodStarts();
        LocalDate today = LocalDate.now();
        List<LocalDate> dates = readDates();
        periodStart = null;
        for (int i = 0; i < starts.size(); i++) {
            if (!dates.get(i + 1).isAfter(today) || periodStart == null) {
                periodStart = starts.get(i);
            }
        }
    }

    public void start() {
        try {
            if (cycle == null || periodStart == null) {
                throw new IllegalArgumentException("Choose a billing cycle and the start of one of its periods");
            }
            long id = runs.start(cycle, periodStart);
            Messages.info("Billing run " + id + " of " + cycle + " from " + periodStart + " started");
            refresh();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    /** Whether a run is still going: the page polls only then. */
    public boolean isRunning() {
        return rows.stream().anyMatch(r -> r.run().status() == BillingRun.Status.RUNNING);
    }

    private List<LocalDate> readDates() {
        return cycles.stream().filter(c -> c.code().equals(cycle)).findFirst().map(BillingCycle::readDates)
                .orElse(List.of());
    }

    /** The cycle's read dates that start a billing period: all but the last. */
    public List<LocalDate> getPeriodStarts() {
        List<LocalDate> dates = readDates();
        return dates.size() < 2 ? List.of() : dates.subList(0, dates.size() - 1);
    }

    /** The end of the period starting on this read date (the next read date). */
    public LocalDate endOf(LocalDate start) {
        List<LocalDate> dates = readDates();
        int i = dates.indexOf(start);
        return i < 0 || i + 1 >= dates.size() ? null : dates.get(i + 1);
    }

    public List<BillingCycle> getCycles() {
        return cycles;
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getCycle() {
        return cycle;
    }

    public void setCycle(String cycle) {
        this.cycle = cycle;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public void setPeriodStart(LocalDate periodStart) {
        this.periodStart = periodStart;
    }
}
