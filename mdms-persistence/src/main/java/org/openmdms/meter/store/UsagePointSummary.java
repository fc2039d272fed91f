package org.openmdms.meter.store;

import java.io.Serializable;
import java.math.BigDecimal;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;

/** A row of the usage point search, with the serial of the meter installed now (null if none). */
public record UsagePointSummary(String code, Commodity commodity, CustomerClass customerClass, String timeZone,
        String accountId, String premiseAddress, String feeder, String transformer, BigDecimal latitude,
        BigDecimal longitude, String meterSerialNumber) implements Serializable {
}
