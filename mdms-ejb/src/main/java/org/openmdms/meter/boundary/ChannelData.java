package org.openmdms.meter.boundary;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;

/** A channel to add: reading type (interval minutes empty for a register) and multiplier. */
public record ChannelData(
        @NotNull(message = "unit is required") Unit unit,
        Integer intervalMinutes,
        @NotNull(message = "flow direction is required") FlowDirection flowDirection,
        @DecimalMin(value = "0", inclusive = false, message = "multiplier must be positive") BigDecimal multiplier) {
}
