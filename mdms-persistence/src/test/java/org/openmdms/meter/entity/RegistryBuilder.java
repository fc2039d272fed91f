package org.openmdms.meter.entity;

import java.math.BigDecimal;
import java.time.ZoneId;

/** Test data builders for registry entities, with sensible defaults. */
public final class RegistryBuilder {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private RegistryBuilder() {
    }

    public static Meter electricMeter(String serial) {
        Meter meter = new Meter(serial, Commodity.ELECTRIC);
        meter.describe("Landis+Gyr", "E470", Commodity.ELECTRIC, BigDecimal.ONE, "1.2", "HES-1");
        return meter;
    }

    public static UsagePoint residential(String code) {
        return usagePoint(code, "ACC-" + code, "F01", "F01-T01");
    }

    public static UsagePoint usagePoint(String code, String account, String feeder, String transformer) {
        UsagePoint up = new UsagePoint(code, Commodity.ELECTRIC, CustomerClass.RESIDENTIAL, LONDON);
        up.describe(CustomerClass.RESIDENTIAL, LONDON, account, "1 High Street, London", feeder, transformer,
                new BigDecimal("51.500000"), new BigDecimal("-0.120000"));
        return up;
    }
}
