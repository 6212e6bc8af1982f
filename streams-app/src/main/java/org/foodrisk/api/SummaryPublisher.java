package org.foodrisk.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.foodrisk.kafka.Json;
import org.foodrisk.reference.District;
import org.foodrisk.reference.Districts;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.summary.Period;
import org.foodrisk.summary.RiskSummary;
import org.foodrisk.topics.Topics;
import org.foodrisk.topology.TopologySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.Map;

/**
 * Publishes the 会商 summaries of every district on foodrisk.risk-summaries.v1 (key
 * {@code <districtCode>|<period>}): by default each Monday at 08:00 the week just ended and on the
 * 1st of each month the month just ended (foodrisk.summaries.weekly-cron / monthly-cron, in
 * foodrisk.zone), and at start the last complete week and month.
 * The summary of a past period is a pure function of the stores, so republishing it (a restart,
 * a second instance) writes the same value under the same key — harmless on the compacted topic.
 */
@Singleton
@Requires(bean = KafkaRuntime.class)
public class SummaryPublisher implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SummaryPublisher.class);

    private final SummaryService summaries;
    private final KafkaRuntime runtime;
    private final TopologySettings settings;
    private final KafkaProducer<String, String> producer;

    public SummaryPublisher(SummaryService summaries, KafkaRuntime runtime, TopologySettings settings) {
        this.summaries = summaries;
        this.runtime = runtime;
        this.settings = settings;
        Map<String, Object> config = runtime.kafka().durableProducer();
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        Thread starter = new Thread(() -> {
            // Wait for the stores: summaries need Kafka Streams RUNNING.
            for (int i = 0; i < 120 && runtime.streams().state() != KafkaStreams.State.RUNNING; i++) {
                sleep(1000);
            }
            sleep(60_000); // let the demo's backlog (if any) arrive before the first summaries
            publishLastPeriods();
        }, "summary-publisher-start");
        starter.setDaemon(true);
        starter.start();
    }

    @Scheduled(cron = "${foodrisk.summaries.weekly-cron:0 0 8 * * MON}", zoneId = "${foodrisk.zone:Asia/Shanghai}")
    void weekly() {
        publishAll(lastWeek());
    }

    @Scheduled(cron = "${foodrisk.summaries.monthly-cron:0 0 8 1 * *}", zoneId = "${foodrisk.zone:Asia/Shanghai}")
    void monthly() {
        publishAll(lastMonth());
    }

    void publishLastPeriods() {
        publishAll(lastWeek());
        publishAll(lastMonth());
    }

    private Period lastWeek() {
        LocalDate day = LocalDate.now(settings.zone()).minusWeeks(1);
        return Period.parse(String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    }

    private Period lastMonth() {
        YearMonth month = YearMonth.now(settings.zone()).minusMonths(1);
        return Period.parse(String.format("%d-%02d", month.getYear(), month.getMonthValue()));
    }

    private void publishAll(Period period) {
        try {
            for (District district : Districts.all()) {
                RiskSummary summary = summaries.summary(district, period);
                producer.send(new ProducerRecord<>(Topics.RISK_SUMMARIES, district.code() + "|" + period.id(),
                        Json.MAPPER.writeValueAsString(summary)));
            }
            producer.flush();
            LOG.info("Published the {} summaries of {} districts on {}", period.id(), Districts.all().size(),
                    Topics.RISK_SUMMARIES);
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.warn("Summaries of {} not published: {}", period.id(), e.toString());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
