package org.openmdms.meter.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import org.openmdms.meter.entity.Channel;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;

/** A channel of a usage point as screens and the API show it. */
public record ChannelView(long id, Unit unit, Integer intervalMinutes, FlowDirection flowDirection,
        BigDecimal multiplier, String label) implements Serializable {

    static ChannelView of(Channel c) {
        return new ChannelView(c.id(), c.readingType().unit(), c.readingType().intervalMinutes(),
                c.readingType().flowDirection(), c.multiplier(), c.readingType().label());
    }
}
