package org.openmdms.report.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.openmdms.admin.entity.Role;
import org.openmdms.billing.entity.BillingCycle;
import org.openmdms.billing.store.TariffStore;
import org.openmdms.meter.boundary.MeterRegistry;
import org.openmdms.meter.boundary.RegistryNotFound;
import org.openmdms.report.control.Column;
import org.openmdms.report.control.ReportSheet;
import org.openmdms.report.store.ReportStore;

/**
 * The Excel reports for auditors and analysts (DOMAIN.md §6): VEE exceptions, the edit audit log,
 * the registry change log, data completeness by usage point and day (from the daily totals, never the
 * raw reads) and the billing determinants of a cycle. Each is streamed from the database into a
 * streaming workbook and written to the given stream; returns the number of rows. Times are UTC.
 */
@Stateless
@RolesAllowed({Role.AUDITOR, Role.ADMIN, Role.ANALYST})
public class Reports {

    /** The reports by the name the API and the pages use. */
    public static final List<String> NAMES = List.of("exceptions", "edits", "registry-changes", "completeness",
            "determinants");
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final int MAX_DAYS = 400;

    @Inject
    ReportStore store;

    @Inject
    TariffStore tariffs;

    /** VEE exceptions of local days [from, to). */
    public int exceptions(LocalDate from, LocalDate to, OutputStream out) {
        check(from, to);
        try (ReportSheet sheet = new ReportSheet("VEE exceptions", List.of(Column.date("Day"),
                Column.text("Usage point", 18), Column.text("Feeder", 12), Column.text("Rule", 22),
                Column.text("Severity", 10), Column.text("Status", 13), Column.dateTime("First interval end"),
                Column.dateTime("Last interval end"), Column.decimal("Found"), Column.decimal("Limit"),
                Column.text("Message", 60), Column.text("Assignee", 14), Column.dateTime("Raised"),
                Column.dateTime("Updated"), Column.text("Updated by", 14), Column.text("Note", 40)), UTC)) {
            store.exceptions(from, to, r -> sheet.row(r.getDate(1).toLocalDate(), r.getString(2), r.getString(3),
                    r.getString(4), r.getString(5), r.getString(6), ReportStore.instantAt(r, 7),
                    ReportStore.instantAt(r, 8), r.getBigDecimal(9), r.getBigDecimal(10), r.getString(11),
                    r.getString(12), ReportStore.instantAt(r, 13), ReportStore.instantAt(r, 14), r.getString(15),
                    r.getString(16)));
            sheet.write(out);
            return sheet.rows();
        }
    }

    /** Edits of reads recorded in [from, to) (UTC days): who, when, why, before and after. */
    public int edits(LocalDate from, LocalDate to, OutputStream out) {
        return audit("Edits", from, to, "reading.", new String[0], out);
    }

    /** Changes of the registry recorded in [from, to) (UTC days). */
    public int registryChanges(LocalDate from, LocalDate to, OutputStream out) {
        return audit("Registry changes", from, to, null,
                new String[] {MeterRegistry.METER, MeterRegistry.USAGE_POINT, "REGISTRY_IMPORT"}, out);
    }

    private int audit(String name, LocalDate from, LocalDate to, String actionPrefix, String[] types, OutputStream out) {
        check(from, to);
        try (ReportSheet sheet = new ReportSheet(name, List.of(Column.dateTime("Recorded"), Column.text("Who", 14),
                Column.text("Action", 22), Column.text("Subject", 16), Column.text("Key", 28),
                Column.text("Before", 80), Column.text("After", 80)), UTC)) {
            store.audit(from.atStartOfDay(UTC).toInstant(), to.atStartOfDay(UTC).toInstant(), actionPrefix, types,
                    r -> sheet.row(ReportStore.instantAt(r, 1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7)));
            sheet.write(out);
            return sheet.rows();
        }
    }

    /**
     * Completeness of every interval channel by local day [from, to): reads present against the
     * intervals the day has in the usage point's zone (46, 48 or 50 half-hours in London), estimated
     * and edited counts, the day's total.
     */
    public int completeness(LocalDate from, LocalDate to, OutputStream out) {
        check(from, to);
        try (ReportSheet sheet = new ReportSheet("Completeness", List.of(Column.text("Usage point", 18),
                Column.integer("Channel"), Column.text("Reading type", 20), Column.date("Day"),
                Column.integer("Expected"), Column.integer("Present"), Column.decimal("Complete %"),
                Column.integer("Estimated"), Column.integer("Edited"), Column.decimal("Total")), UTC)) {
            store.completeness(from, to, r -> {
                ZoneId zone = ZoneId.of(r.getString(2));
                int minutes = r.getInt(5);
                LocalDate day = r.getDate(7).toLocalDate();
                int expected = minutes <= 0 ? 0 : (int) (Duration.between(day.atStartOfDay(zone),
                        day.plusDays(1).atStartOfDay(zone)).toMinutes() / minutes);
                int present = r.getInt(8);
                sheet.row(r.getString(1), r.getLong(3), r.getString(4) + " " + minutes + " min " + r.getString(6), day,
                        expected, present, expected == 0 ? null : java.math.BigDecimal.valueOf(present * 100.0 / expected)
                                .setScale(2, java.math.RoundingMode.HALF_UP), r.getInt(9), r.getInt(10),
                        r.getBigDecimal(11));
            });
            sheet.write(out);
            return sheet.rows();
        }
    }

    /** The current determinants of a cycle's usage points for the period starting on this read date, one row per TOU period. */
    public int determinants(String cycleCode, LocalDate periodStart, OutputStream out) {
        BillingCycle cycle = tariffs.cycle(cycleCode).orElseThrow(() -> new RegistryNotFound("No billing cycle " + cycleCode));
        if (periodStart == null) {
            throw new IllegalArgumentException("Give the period's start (a read date of " + cycleCode + ")");
        }
        try (ReportSheet sheet = new ReportSheet("Determinants", List.of(Column.text("Usage point", 18),
                Column.text("Account", 14), Column.date("Period start"), Column.date("Period end"),
                Column.text("Tariff", 16), Column.integer("Version"), Column.dateTime("Calculated"),
                Column.text("Reason", 10), Column.decimal("kWh delivered"), Column.decimal("kWh received"),
                Column.decimal("kWh net"), Column.decimal("CPP kWh"), Column.integer("Expected"),
                Column.integer("Present"), Column.integer("Estimated"), Column.integer("Edited"),
                Column.text("Final", 6), Column.decimal("Cost"), Column.text("TOU period", 12),
                Column.decimal("Period kWh delivered"), Column.decimal("Period kWh received"),
                Column.decimal("Period max kW"), Column.dateTime("Max kW at (end)"), Column.decimal("Period cost")),
                UTC)) {
            store.determinants(cycle.id(), periodStart, r -> sheet.row(r.getString(1), r.getString(2),
                    r.getDate(3).toLocalDate(), r.getDate(4).toLocalDate(), r.getString(5), r.getInt(6),
                    ReportStore.instantAt(r, 7), r.getString(8), r.getBigDecimal(9), r.getBigDecimal(10),
                    r.getBigDecimal(11), r.getBigDecimal(12), r.getInt(13), r.getInt(14), r.getInt(15), r.getInt(16),
                    r.getBoolean(17) ? "yes" : "no", r.getBigDecimal(18), r.getString(19), r.getBigDecimal(20),
                    r.getBigDecimal(21), r.getBigDecimal(22), ReportStore.instantAt(r, 23), r.getBigDecimal(24)));
            sheet.write(out);
            return sheet.rows();
        }
    }

    private static void check(LocalDate from, LocalDate to) {
        if (from == null || to == null || !to.isAfter(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("Give days from < to, at most " + MAX_DAYS + " days apart");
        }
    }
}
