package org.openmdms.web.report;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.openmdms.billing.boundary.Tariffs;
import org.openmdms.billing.entity.BillingCycle;

/**
 * The Reports page: an auditor or analyst picks a report and its days (or a billing cycle and period)
 * and downloads the Excel file from {@code /api/reports/{name}.xlsx} with the session they are signed
 * in with.
 */
@Named
@ViewScoped
public class ReportPage implements Serializable {

    /** A report as offered on the page. */
    public record Offered(String name, String title, String description, boolean byCycle) {
    }

    static final List<Offered> REPORTS = List.of(
            new Offered("exceptions", "VEE exceptions", "every exception of the days, by day, usage point and rule, with"
                    + " its status, values and who handled it", false),
            new Offered("edits", "Edit audit log", "every edit of reads: who, when, why, the values before and after",
                    false),
            new Offered("registry-changes", "Registry change log", "changes of meters and usage points and registry"
                    + " imports, with the state before and after", false),
            new Offered("completeness", "Data completeness", "reads present against the intervals each day has, by usage"
                    + " point, channel and day, from the daily totals", false),
            new Offered("determinants", "Billing determinants", "the current determinants of a billing cycle's usage"
                    + " points for one period, one row per TOU period", true));

    @Inject
    Tariffs tariffs;

    private String report = "exceptions";
    private LocalDate from = LocalDate.now().minusDays(30);
    private LocalDate to = LocalDate.now().plusDays(1);
    private String cycle;
    private LocalDate periodStart;
    private transient List<BillingCycle> cycles;

    public List<Offered> getReports() {
        return REPORTS;
    }

    public Offered getChosen() {
        return REPORTS.stream().filter(r -> r.name().equals(report)).findFirst().orElse(REPORTS.get(0));
    }

    public List<BillingCycle> getCycles() {
        if (cycles == null) {
            cycles = tariffs.cycles();
        }
        return cycles;
    }

    /** The read dates of the chosen cycle that start a period (all but the last). */
    public List<LocalDate> getPeriodStarts() {
        return getCycles().stream().filter(c -> c.code().equals(cycle)).findFirst()
                .map(c -> c.readDates().subList(0, Math.max(0, c.readDates().size() - 1))).orElse(List.of());
    }

    /** The download address, relative to the application. */
    public String getHref() {
        Offered chosen = getChosen();
        if (chosen.byCycle()) {
            if (cycle == null || periodStart == null) {
                return null;
            }
            return "/api/reports/" + chosen.name() + ".xlsx?cycle=" + URLEncoder.encode(cycle, StandardCharsets.UTF_8)
                    + "&periodStart=" + periodStart;
        }
        return from == null || to == null ? null : "/api/reports/" + chosen.name() + ".xlsx?from=" + from + "&to=" + to;
    }

    public String getReport() {
        return report;
    }

    public void setReport(String report) {
        this.report = report;
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
