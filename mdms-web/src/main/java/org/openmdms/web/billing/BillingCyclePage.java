package org.openmdms.web.billing;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.openmdms.billing.boundary.Tariffs;
import org.openmdms.billing.entity.BillingCycle;
import org.openmdms.web.Messages;

/**
 * admin/billing-cycles.xhtml: the billing cycles with their read dates (each pair of consecutive
 * dates is a billing period); an administrator edits a cycle's name and dates, adds a cycle, and puts
 * usage points in it.
 */
@Named
@ViewScoped
public class BillingCyclePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Tariffs tariffs;

    private List<BillingCycle> cycles = List.of();
    private String code;
    private String newCode;
    private String name;
    private String readDates;
    private String usagePoints;

    public void load() {
        cycles = tariffs.cycles();
        if (code == null && !cycles.isEmpty()) {
            code = cycles.get(0).code();
        }
        show();
    }

    public void show() {
        name = null;
        readDates = null;
        cycles.stream().filter(c -> c.code().equals(code)).findFirst().ifPresent(c -> {
            name = c.name();
            readDates = c.readDates().stream().map(LocalDate::toString).collect(Collectors.joining("\n"));
        });
    }

    public void edit(String cycle) {
        code = cycle;
        show();
    }

    public void startNew() {
        code = null;
        newCode = null;
        show();
    }

    public void save() {
        try {
            String saving = code == null ? (newCode == null ? null : newCode.strip()) : code;
            BillingCycle saved = tariffs.saveCycle(saving, name == null || name.isBlank() ? saving : name.strip(),
                    dates(readDates));
            Messages.info("Billing cycle " + saved.code() + " saved: " + saved.readDates().size() + " read dates");
            cycles = tariffs.cycles();
            code = saved.code();
            show();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    /** Read dates as typed: ISO dates, one per line (commas and blanks also separate). */
    static List<LocalDate> dates(String text) {
        List<LocalDate> dates = new ArrayList<>();
        if (text != null) {
            for (String word : text.split("[\\s,;]+")) {
                if (word.isBlank()) {
                    continue;
                }
                try {
                    dates.add(LocalDate.parse(word.strip()));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("Not a date such as 2013-05-30: " + word.strip());
                }
            }
        }
        return dates;
    }

    /** Puts the usage points typed (one code per line) in the chosen cycle. */
    public void assign() {
        try {
            if (code == null) {
                throw new IllegalArgumentException("Save the cycle first");
            }
            List<String> codes = UsagePointCodes.parse(usagePoints);
            int changed = tariffs.assign(codes, null, code);
            Messages.info(changed + " of " + codes.size() + " usage points put in " + code
                    + (changed < codes.size() ? " (the others were already in it)" : ""));
            usagePoints = null;
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    /** "2013-01-01 to 2013-12-01, 12 periods". */
    public String span(BillingCycle cycle) {
        List<LocalDate> dates = cycle.readDates();
        return dates.isEmpty() ? "" : dates.get(0) + " to " + dates.get(dates.size() - 1) + ", "
                + (dates.size() - 1) + (dates.size() == 2 ? " period" : " periods");
    }

    public List<BillingCycle> getCycles() {
        return cycles;
    }

    public String getCode() {
        return code;
    }

    public String getNewCode() {
        return newCode;
    }

    public void setNewCode(String newCode) {
        this.newCode = newCode;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getReadDates() {
        return readDates;
    }

    public void setReadDates(String readDates) {
        this.readDates = readDates;
    }

    public String getUsagePoints() {
        return usagePoints;
    }

    public void setUsagePoints(String usagePoints) {
        this.usagePoints = usagePoints;
    }
}
