package org.openmdms.bench.vee;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;
import org.openmdms.vee.control.ConfiguredRule;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.VeeContext;
import org.openmdms.vee.control.rules.DefaultRuleSet;

/** Each rule of the default electric residential set alone, with the set's parameters: intervals per second. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ChannelMonth.JUDGED_INTERVALS)
public class RuleBenchmark {

    @Param({"missing-intervals", "time-tolerance", "spike", "high-low-usage", "zero-consumption", "usage-on-inactive",
            "negative-consumption", "sum-check", "max-demand", "flat-line", "outage-flag", "multiplier-uom"})
    public String rule;

    private VeeContext context;
    private ConfiguredRule configured;

    @Setup
    public void setUp() {
        context = ChannelMonth.context();
        configured = DefaultRuleSet.of(Commodity.ELECTRIC, CustomerClass.RESIDENTIAL).stream()
                .filter(r -> r.rule().id().equals(rule)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not in the default set: " + rule));
    }

    @Benchmark
    public List<Finding> check() {
        return configured.check(context);
    }
}
