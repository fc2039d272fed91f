package org.openmdms.bench.vee;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;
import org.openmdms.vee.control.ConfiguredRule;
import org.openmdms.vee.control.Estimate;
import org.openmdms.vee.control.VeeContext;
import org.openmdms.vee.control.estimation.EstimationChain;
import org.openmdms.vee.control.rules.DefaultRuleSet;

/**
 * VEE over one channel-month in memory ({@link ChannelMonth}), as VeeRunner does it per channel once
 * the reads are loaded: the default electric residential rule set, the estimation chain, and both.
 * One operation is one judged interval, so the scores are intervals per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ChannelMonth.JUDGED_INTERVALS)
public class VeeBenchmark {

    private VeeContext context;
    private List<ConfiguredRule> rules;
    private EstimationChain chain;

    @Setup
    public void setUp() {
        context = ChannelMonth.context();
        rules = DefaultRuleSet.of(Commodity.ELECTRIC, CustomerClass.RESIDENTIAL);
        chain = new EstimationChain();
        int findings = 0;
        for (ConfiguredRule rule : rules) {
            findings += rule.check(context).size();
        }
        List<Estimate> estimates = chain.estimate(context);
        // The data must give VEE work: the three gaps and the spike at least, and estimates for the 19 missing half-hours.
        if (findings < 4 || estimates.size() != 19) {
            throw new IllegalStateException(findings + " findings and " + estimates.size() + " estimates");
        }
    }

    /** Every rule of the default electric residential set, in catalogue order. */
    @Benchmark
    public void ruleSet(Blackhole out) {
        for (ConfiguredRule rule : rules) {
            out.consume(rule.check(context));
        }
    }

    /** The estimation chain over the month's gaps (linear interpolation, like-day, register scaling). */
    @Benchmark
    public List<Estimate> estimation() {
        return chain.estimate(context);
    }

    /** Both: what one channel's VEE costs in memory. */
    @Benchmark
    public void ruleSetAndEstimation(Blackhole out) {
        for (ConfiguredRule rule : rules) {
            out.consume(rule.check(context));
        }
        out.consume(chain.estimate(context));
    }
}
