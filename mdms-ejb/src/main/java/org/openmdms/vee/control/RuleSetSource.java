package org.openmdms.vee.control;

import java.util.List;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;

/** The rules, with their parameters, that apply to usage points of a commodity and customer class. */
public interface RuleSetSource {

    List<ConfiguredRule> rulesFor(Commodity commodity, CustomerClass customerClass);
}
