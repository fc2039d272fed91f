package org.openmdms.meter.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.openmdms.admin.boundary.AuditTrail;
import org.openmdms.admin.entity.Role;
import org.openmdms.config.Settings;
import org.openmdms.meter.control.ImportResult;
import org.openmdms.meter.control.RegistryCsv;
import org.openmdms.meter.control.RegistryRow;
import org.openmdms.meter.control.RowError;

/**
 * Bulk import of the registry from the CIS / asset-system file. Rows are written in chunks, each in
 * its own transaction; a chunk that fails is redone row by row so that exactly the bad rows are
 * rejected, each with its line and reason, and every good row is stored.
 */
@Stateless
@RolesAllowed(Role.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RegistryImport {

    private static final Logger LOG = Logger.getLogger(RegistryImport.class.getName());

    @Inject
    RegistryRowWriter writer;

    @Inject
    AuditTrail audit;

    public ImportResult importCsv(String source, InputStream csv) {
        long started = System.currentTimeMillis();
        Tally tally = new Tally();
        List<RegistryRow> chunk = new ArrayList<>();
        int chunkSize = Settings.registryImportChunk();
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        RegistryCsv.read(reader, row -> {
            tally.received++;
            chunk.add(row);
            if (chunk.size() >= chunkSize) {
                write(chunk, tally);
                chunk.clear();
            }
        }, error -> {
            tally.received++;
            tally.reject(error);
        });
        write(chunk, tally);
        ImportResult result = new ImportResult(source, tally.received, tally.created, tally.updated, tally.unchanged,
                tally.rejected, tally.errors, System.currentTimeMillis() - started);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("received", result.received());
        summary.put("created", result.created());
        summary.put("updated", result.updated());
        summary.put("unchanged", result.unchanged());
        summary.put("rejected", result.rejected());
        audit.record("IMPORT", "REGISTRY_IMPORT", source, null, summary);
        LOG.info(() -> "Registry import " + source + ": " + summary + " in " + result.millis() + " ms");
        return result;
    }

    private void write(List<RegistryRow> rows, Tally tally) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            writer.apply(rows).forEach(tally::count);
        } catch (RuntimeException chunkFailed) {
            for (RegistryRow row : rows) {
                try {
                    writer.apply(List.of(row)).forEach(tally::count);
                } catch (RuntimeException rowFailed) {
                    tally.reject(new RowError(row.line(), reason(rowFailed)));
                }
            }
        }
    }

    /** The innermost message, which is the one that names the rule or constraint that failed. */
    static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 500 ? message.substring(0, 500) + "…" : message;
    }

    private static final class Tally {
        long received;
        long created;
        long updated;
        long unchanged;
        long rejected;
        final List<RowError> errors = new ArrayList<>();

        void count(RegistryRowWriter.Outcome outcome) {
            switch (outcome) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }

        void reject(RowError error) {
            rejected++;
            if (errors.size() < ImportResult.MAX_ERRORS) {
                errors.add(error);
            }
        }
    }
}
