package org.openmdms.meter.boundary;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.Meter;

/** What an administrator or the CIS sync says about a meter. */
public record MeterData(
        @NotBlank(message = "serial number is required") @Size(max = 64) String serialNumber,
        @Size(max = 100) String manufacturer,
        @Size(max = 100) String model,
        @NotNull(message = "commodity is required") Commodity commodity,
        @DecimalMin(value = "0", inclusive = false, message = "multiplier must be positive") BigDecimal multiplier,
        @Size(max = 64) String firmware,
        @Size(max = 64) String headEndId) {

    public BigDecimal multiplierOrOne() {
        return multiplier == null ? BigDecimal.ONE : multiplier;
    }

    public Meter newMeter() {
        Meter meter = new Meter(serialNumber, commodity);
        applyTo(meter);
        return meter;
    }

    public void applyTo(Meter meter) {
        meter.describe(manufacturer, model, commodity, multiplierOrOne(), firmware, headEndId);
    }
}
