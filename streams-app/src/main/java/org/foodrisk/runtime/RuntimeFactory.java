package org.foodrisk.runtime;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.foodrisk.detect.AlertLevel;
import org.foodrisk.alert.DeadlinePolicy;
import org.foodrisk.disposal.DisposalDeadlines;
import org.foodrisk.ingest.RecordIntake;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.plan.PlanRouter;
import org.foodrisk.topology.CountAberrationSettings;
import org.foodrisk.topology.SettingsOverrides;
import org.foodrisk.exchange.ExchangeSettings;
import org.foodrisk.topology.TopologySettings;

import java.time.ZoneId;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Beans that are plain objects of the domain packages. */
@Factory
class RuntimeFactory {

    @Singleton
    PlanCatalog planCatalog() {
        return PlanCatalog.bundled();
    }

    @Singleton
    PlanRouter planRouter(PlanCatalog catalog) {
        return new PlanRouter(catalog);
    }

    @Singleton
    ServiceZone serviceZone(TopologySettings settings) {
        return new ServiceZone(settings.zone());
    }

    /** The intake's checks as the topology applies them, for the HTTP ingestion API. */
    @Singleton
    RecordIntake recordIntake(TopologySettings settings) {
        return new RecordIntake(settings.futureTolerance());
    }

    /** The count aberrations' settings, for the API's charts that draw the judged threshold. */
    @Singleton
    CountAberrationSettings countAberrationSettings(TopologySettings settings) {
        return settings.counts();
    }

    @Singleton
    TopologySettings topologySettings(@Value("${foodrisk.zone:Asia/Shanghai}") String zone,
                                      @Value("${foodrisk.deadlines.red:PT24H/P7D}") String red,
                                      @Value("${foodrisk.deadlines.orange:PT48H/P15D}") String orange,
                                      @Value("${foodrisk.deadlines.yellow:PT72H/P30D}") String yellow,
                                      @Value("${foodrisk.deadlines.blue:none}") String blue,
                                      @Value("${foodrisk.exchange.region:天津市}") String region,
                                      @Value("${foodrisk.exchange.partners:}") List<String> partners,
                                      Environment environment) {
        Map<AlertLevel, DeadlinePolicy.Allowance> allowances = new EnumMap<>(AlertLevel.class);
        allowance(AlertLevel.RED, red, allowances);
        allowance(AlertLevel.ORANGE, orange, allowances);
        allowance(AlertLevel.YELLOW, yellow, allowances);
        allowance(AlertLevel.BLUE, blue, allowances);
        TopologySettings configured = SettingsOverrides.apply(TopologySettings.defaults(),
                environment.getProperties("foodrisk.detect", StringConvention.RAW));
        return configured.with(ZoneId.of(zone)).with(new DeadlinePolicy(allowances)).with(new ExchangeSettings(region, partners))
                .with(disposalDeadlines(environment.getProperties("foodrisk.disposal.deadlines",
                        StringConvention.RAW)));
    }

    /**
     * foodrisk.disposal.deadlines.&lt;program&gt;: an ISO-8601 duration per sampling program (e.g. 区抽: P30D);
     * programs not named keep the statutory 90 days ({@link DisposalDeadlines}).
     */
    static DisposalDeadlines disposalDeadlines(Map<String, Object> configured) {
        Map<String, Duration> byProgram = new LinkedHashMap<>();
        configured.forEach((program, written) -> {
            try {
                byProgram.put(program, Duration.parse(String.valueOf(written).strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("foodrisk.disposal.deadlines." + program
                        + " must be an ISO-8601 duration like P30D, got " + written);
            }
        });
        return DisposalDeadlines.defaults().with(byProgram);
    }

    /** "PT24H/P7D" = 24 h to acknowledge, 7 days to close; "none" = no deadline for the level. */
    private static void allowance(AlertLevel level, String written, Map<AlertLevel, DeadlinePolicy.Allowance> into) {
        if ("none".equalsIgnoreCase(written.strip())) {
            return;
        }
        String[] parts = written.strip().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("foodrisk.deadlines." + level.name().toLowerCase()
                    + " must be like PT24H/P7D or none, got " + written);
        }
        into.put(level, new DeadlinePolicy.Allowance(Duration.parse(parts[0]), Duration.parse(parts[1])));
    }
}
