package org.openmdms.meter.boundary;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;
import org.openmdms.meter.entity.RegistryRuleViolation;
import org.openmdms.meter.entity.UsagePoint;

/**
 * What an administrator or the CIS sync says about a usage point.
 *
 * @param serviceCapacityKw what the connection can carry in kW (breaker, fuse or transformer rating, or
 *     contracted); null when unknown, and then VEE's max-demand rule does not judge the usage point
 */
public record UsagePointData(
        @NotBlank(message = "usage point ID is required") @Size(max = 64) String code,
        @NotNull(message = "commodity is required") Commodity commodity,
        @NotNull(message = "customer class is required") CustomerClass customerClass,
        @NotBlank(message = "time zone is required") String timeZone,
        @Size(max = 64) String accountId,
        @Size(max = 255) String premiseAddress,
        @Size(max = 64) String feeder,
        @Size(max = 64) String transformer,
        @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
        @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
        @DecimalMin(value = "0", inclusive = false, message = "service capacity must be more than 0 kW")
        @Digits(integer = 9, fraction = 3, message = "service capacity has at most 9 digits and 3 decimals (kW)")
        BigDecimal serviceCapacityKw) {

    public UsagePoint newUsagePoint() {
        UsagePoint up = new UsagePoint(code, commodity, customerClass, UsagePoint.parseZone(timeZone));
        applyTo(up);
        return up;
    }

    public void applyTo(UsagePoint up) {
        if (commodity != up.commodity()) {
            throw new RegistryRuleViolation("Usage point " + up.code() + " is " + up.commodity()
                    + "; its commodity cannot change to " + commodity);
        }
        up.describe(customerClass, UsagePoint.parseZone(timeZone), accountId, premiseAddress, feeder, transformer,
                latitude, longitude);
        up.changeServiceCapacity(serviceCapacityKw);
    }
}
