package org.openmdms.vee.control.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openmdms.vee.control.rules.ContextBuilder.judging;
import static org.openmdms.vee.control.rules.RuleCheck.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmdms.reading.entity.Quality;
import org.openmdms.vee.control.ParameterSpec;
import org.openmdms.vee.control.ParameterType;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.ValidationRule;
import org.openmdms.vee.control.VeeContext;

class VeeRulesTest {

    private static final List<String> DOCUMENTED_ORDER = List.of("missing-intervals", "time-tolerance", "spike",
            "high-low-usage", "zero-consumption", "usage-on-inactive", "negative-consumption", "sum-check",
            "max-demand", "flat-line", "outage-flag", "multiplier-uom");

    @Test
    void theCatalogueHasEveryCheckOfTheDomainTableInOrder() {
        assertEquals(DOCUMENTED_ORDER, VeeRules.all().stream().map(ValidationRule::id).toList());
    }

    @Test
    void rulesAreFoundByIdAndAnUnknownIdIsRefused() {
        for (ValidationRule rule : VeeRules.all()) {
            assertSame(rule, VeeRules.byId(rule.id()));
        }
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> VeeRules.byId("spikes"));
        assertTrue(refused.getMessage().contains("spikes"));
    }

    @Test
    void everyRuleDescribesItselfAndHasValidDefaultsAndASeverity() {
        for (ValidationRule rule : VeeRules.all()) {
            assertTrue(rule.id().matches("[a-z]+(-[a-z]+)*"), rule.id());
            assertFalse(rule.description().isBlank(), rule.id());
            List<ParameterSpec> parameters = rule.parameters();
            assertEquals(parameters.size(), parameters.stream().map(ParameterSpec::name).distinct().count());
            assertTrue(parameters.stream().anyMatch(p -> p.name().equals("severity") && p.type() == ParameterType.SEVERITY),
                    rule.id());
            for (ParameterSpec parameter : parameters) {
                assertFalse(parameter.description().isBlank(), rule.id() + " " + parameter.name());
                RuleParameters.check(parameters, Map.of(parameter.name(), parameter.defaultValue()));
            }
        }
    }

    @Test
    void everyRuleGivesTheSameFindingsInTimeOrderOnABusySeries() {
        SeriesBuilder series = SeriesBuilder.halfHours("2013-03-30", "2013-04-02").all("0.5").missing(3, 2)
                .actual(20, "9").actual(30, 50, "0").outage(90, 3).actual(100, 14, "0.8").estimated(120, 4, "7")
                .actual(130, "-1").flagged(138, 2, Quality.CLOCK_ADJUSTED).actual(141, "2000");
        VeeContext context = judging(series).history(SeriesBuilder.halfHours("2013-03-02", "2013-03-30").all("0.5"))
                .capacityKw("3").installed(series.end(1), series.end(130))
                .register(Instant.parse("2013-03-31T00:00:00Z"), "100").register(Instant.parse("2013-04-01T00:00:00Z"), "150")
                .build();

        for (ValidationRule rule : VeeRules.all()) {
            assertFalse(check(rule, context).isEmpty(), rule.id() + " finds something in the busy series");
        }
    }

    @Test
    void everyRuleHasItsSectionInTheCatalogueDocument() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "vee-rules.md"));
        for (ValidationRule rule : VeeRules.all()) {
            assertTrue(docs.contains("## `" + rule.id() + "`"), rule.id());
            for (ParameterSpec parameter : rule.parameters()) {
                assertTrue(docs.contains("`" + parameter.name() + "`"), rule.id() + " " + parameter.name());
            }
        }
    }
}
