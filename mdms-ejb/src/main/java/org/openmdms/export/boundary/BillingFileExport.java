package org.openmdms.export.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.openmdms.admin.entity.Role;
import org.openmdms.export.control.BillingFile;
import org.openmdms.export.control.FileExport;
import org.openmdms.export.control.StagedFiles;
import org.openmdms.report.store.ReportStore;

/**
 * The nightly legacy billing files: for a UTC day, the determinants calculated that day — the latest
 * version of each usage point, billing period and account — in a NEW file (first calculated that
 * day) and a CORRECTION file (recalculated after an earlier version was sent: a late actual, an edit),
 * each in the fixed-width layout and as CSV, written to the export target billing-file ({@link ExportTargets};
 * {@code mdms.export.billing.dir} until an administrator chooses a folder). The files
 * depend only on what was calculated that day, so a re-run for the same day writes the same bytes.
 * Runs nightly for the day before ({@link NightlyBillingFileJob}, Quartz) and on demand (REST).
 */
@Stateless
@RolesAllowed({Role.ADMIN, Role.ANALYST})
@RunAs(Role.ADMIN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class BillingFileExport {

    private static final Logger LOG = Logger.getLogger(BillingFileExport.class.getName());

    @Inject
    ReportStore store;

    @EJB
    ExportTargets targets;

    /** The number of determinants in the day's files (new and corrections). */
    public int count(LocalDate day) {
        return records(day).values().stream().mapToInt(List::size).sum();
    }

    /**
     * Writes the day's files (both kinds, both layouts, each with its checksum file; a kind without
     * records gives header and trailer only) and returns them, without the checksum files.
     */
    public List<Path> export(LocalDate day) {
        if (day == null) {
            throw new IllegalArgumentException("Give the day whose calculations are exported");
        }
        Path folder = targets.folder(FileExport.BILLING_FILE);
        Map<Boolean, List<BillingFile.Record>> byKind = records(day);
        List<Path> written;
        // the day's files appear together, or none of them (a failure midway deletes the temporary files)
        try (StagedFiles files = new StagedFiles(folder)) {
            for (BillingFile.Kind kind : BillingFile.Kind.values()) {
                List<BillingFile.Record> records = byKind.get(kind == BillingFile.Kind.CORRECTION);
                for (BillingFile.Layout layout : BillingFile.Layout.values()) {
                    new BillingFile(day, kind, layout, records).stage(files);
                }
            }
            written = files.commit().stream().filter(f -> !f.getFileName().toString().endsWith(".sha256")).toList();
        }
        LOG.info(() -> "Billing files of " + day + ": " + byKind.get(false).size() + " new and " + byKind.get(true).size()
                + " corrected determinants in " + folder);
        return written;
    }

    /** The file's bytes without writing it (a download). */
    public byte[] file(LocalDate day, BillingFile.Kind kind, BillingFile.Layout layout) {
        return new BillingFile(day, kind, layout, records(day).get(kind == BillingFile.Kind.CORRECTION)).bytes();
    }

    /** The latest version per usage point, period and account part calculated that day, by correction or not. */
    private Map<Boolean, List<BillingFile.Record>> records(LocalDate day) {
        Map<String, BillingFile.Record> latest = new LinkedHashMap<>();
        Map<String, Boolean> correction = new LinkedHashMap<>();
        Map<Long, List<BillingFile.Period>> periods = new LinkedHashMap<>();
        store.determinantsCalculated(day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), r -> {
                    long id = r.getLong(23);
                    String key = r.getLong(24) + "/" + r.getDate(3) + "/" + ReportStore.instantAt(r, 7);
                    List<BillingFile.Period> ps = periods.computeIfAbsent(id, k -> new ArrayList<>());
                    BillingFile.Record record = latest.get(key);
                    if (record == null || record.version() != r.getInt(6) || !ps.isEmpty() && record.periods() != ps) {
                        if (record == null || record.version() < r.getInt(6)) {
                            latest.put(key, new BillingFile.Record(r.getString(1), r.getString(2),
                                    r.getDate(3).toLocalDate(), r.getDate(4).toLocalDate(), r.getInt(6), r.getString(5),
                                    r.getBigDecimal(8), r.getBigDecimal(9), r.getBigDecimal(10), r.getBigDecimal(11),
                                    r.getInt(12), r.getInt(13), r.getInt(14), r.getInt(15), r.getBoolean(16),
                                    r.getBigDecimal(17), ps));
                            correction.put(key, r.getInt(25) == 1);
                        }
                    }
                    if (r.getString(18) != null) {
                        ps.add(new BillingFile.Period(r.getString(18), r.getBigDecimal(19), r.getBigDecimal(20),
                                ReportStore.instantAt(r, 21), r.getBigDecimal(22)));
                    }
                });
        Map<Boolean, List<BillingFile.Record>> byKind = new LinkedHashMap<>();
        byKind.put(false, new ArrayList<>());
        byKind.put(true, new ArrayList<>());
        latest.forEach((key, record) -> byKind.get(correction.get(key)).add(record));
        return byKind;
    }
}
