package org.openmdms.web.billing;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openmdms.billing.boundary.Tariffs;
import org.openmdms.billing.entity.Holidays;
import org.openmdms.billing.entity.Tariff;

/** admin/tariffs.xhtml: the tariffs, each opening its editor (admin/tariff.xhtml). */
@Named
@ViewScoped
public class TariffList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Tariffs tariffs;

    private List<Tariff> rows = List.of();
    private Map<Long, String> holidays = Map.of();

    public void load() {
        rows = tariffs.tariffs();
        holidays = tariffs.holidayCalendars().stream().collect(Collectors.toMap(Holidays::id, Holidays::code));
    }

    public List<Tariff> getRows() {
        return rows;
    }

    public String holidaysOf(Tariff tariff) {
        return tariff.holidayCalendarId() == null ? "" : holidays.get(tariff.holidayCalendarId());
    }

    /** The prices as "on-peak 30, off-peak 12 p/kWh". */
    public String prices(Tariff tariff) {
        if (tariff.prices().isEmpty()) {
            return "not priced";
        }
        return tariff.prices().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(", ")) + (tariff.priceUnit() == null ? "" : " " + tariff.priceUnit());
    }
}
