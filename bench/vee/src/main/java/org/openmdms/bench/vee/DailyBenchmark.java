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
import org.openjdk.jmh.infra.Blackhole;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;
import org.openmdms.vee.control.ConfiguredRule;
import org.openmdms.vee.control.VeeContext;
import org.openmdms.vee.control.estimation.EstimationChain;
import org.openmdms.vee.control.rules.DefaultRuleSet;

/**
 * VEE of one channel-day of a daily file in memory ({@link ChannelDay}), as VeeRunner does it per
 * channel of a batch: the context built from the reads, every rule of the default electric
 * residential set, the estimation chain (nothing to fill). One operation is one judged interval.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ChannelDay.JUDGED_INTERVALS)
public class DailyBenchmark {

    /**
     * Whether the JDK's shared list classes are first used with many list types, as in a server where
     * Hibernate, WildFly and the import use them too: their calls to the wrapped list are then
     * megamorphic (not inlined), as they are in the VEE worker, not monomorphic as in a bare JMH fork.
     */
    @Param({"false", "true"})
    public boolean sharedListsPolluted;

    private ChannelDay day;
    private List<ConfiguredRule> rules;
    private EstimationChain chain;

    @Setup
    public void setUp() {
        if (sharedListsPolluted) {
            SharedLists.pollute();
        }
        day = new ChannelDay();
        rules = DefaultRuleSet.of(Commodity.ELECTRIC, CustomerClass.RESIDENTIAL);
        chain = new EstimationChain();
        VeeContext context = day.context();
        int findings = 0;
        for (ConfiguredRule rule : rules) {
            findings += rule.check(context).size();
        }
        // A clean, complete day: no finding and nothing to estimate, as most days of a daily file.
        if (findings != 0 || !chain.estimate(context).isEmpty()) {
            throw new IllegalStateException(findings + " findings on a clean day");
        }
    }

    /** The context, every rule and the estimation chain: one channel-day of a worker's batch. */
    @Benchmark
    public void channelDay(Blackhole out) {
        VeeContext context = day.context();
        for (ConfiguredRule rule : rules) {
            out.consume(rule.check(context));
        }
        out.consume(chain.estimate(context));
    }
}
