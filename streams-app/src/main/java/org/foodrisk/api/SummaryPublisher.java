package org.foodrisk.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.foodrisk.reference.District;
import org.foodrisk.reference.Districts;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.query.EventClockReader;
import org.foodrisk.reference.Period;
import org.foodrisk.summary.PublicationSchedule;
import org.foodrisk.summary.RiskSummary;
import org.foodrisk.summary.SummaryRecord;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.runtime.ServiceZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import java.time.ZoneId;
import org.foodrisk.runtime.RepeatingTask;

/**
 * Publishes the 会商 summaries of every district on foodrisk.risk-summaries.v1 (key
 * {@code <districtCode>|<period>}), and those of the city and of each configured region on
 * foodrisk.city-summaries.v1 (key {@code <scope>|<period>}; issue 20), when a week or month closes in event time
 * ({@link PublicationSchedule}: by default 8 hours after the period's end,
 * foodrisk.summaries.publish-after, in foodrisk.zone). Every minute it reads the event-time clock
 * of this instance's input tasks (the event-clock store) and publishes what has become due; at
 * start, the latest closed week and month.
 * The summary of a past period is a pure function of the stores (gathered from all instances), so
 * republishing it (a restart, a second instance whose clock passes the same end) writes the same
 * value under the same key — harmless on the compacted topic.
 */
@io.micronaut.context.annotation.Context
@Requires(bean = KafkaRuntime.class)
public class SummaryPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(SummaryPublisher.class);

    private final SummaryService summaries;
    private final KafkaRuntime runtime;
    private final EventClockReader eventClock;
    private final PublicationSchedule schedule;
    private final ZoneId zone;
    private final KafkaProducer<String, String> producer;
    private final SummaryScopes scopes;
    private Period lastWeek;
    private Period lastMonth;

    public SummaryPublisher(SummaryService summaries, KafkaRuntime runtime, EventClockReader eventClock,
                            ServiceZone zone, SummaryScopes scopes,
                            @Value("${foodrisk.summaries.publish-after:PT8H}") Duration publishAfter,
                            @jakarta.inject.Named(TaskExecutors.SCHEDULED)
                            TaskScheduler scheduler) {
        this.summaries = summaries;
        this.scopes = scopes;
        this.runtime = runtime;
        this.eventClock = eventClock;
        this.schedule = new PublicationSchedule(zone.zone(), publishAfter);
        this.zone = zone.zone();
        this.producer = TypedTopics.RISK_SUMMARIES.producer(runtime.kafka().durableProducer("foodrisk-summaries"));
        this.task = RepeatingTask.start(scheduler, "Publishing due summaries",
                Duration.ofSeconds(30), Duration.ofMinutes(1), this::publishDue);
    }

    private final RepeatingTask task;

    synchronized void publishDue() {
        // Empty while Kafka Streams is not running or its stores are being reassigned: next round.
        Optional<Instant> clock = eventClock.latest();
        if (clock.isEmpty()) {
            return;
        }
        for (Period week : schedule.due(true, lastWeek, clock.get())) {
            if (publishAll(week)) {
                lastWeek = week;
            }
        }
        for (Period month : schedule.due(false, lastMonth, clock.get())) {
            if (publishAll(month)) {
                lastMonth = month;
            }
        }
    }

    /** True once every district's summary of {@code period} is acknowledged by the broker. */
    private boolean publishAll(Period period) {
        try {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (District district : Districts.all()) {
                RiskSummary summary = summaries.summary(district, period);
                // Bounded to what the topic takes (SummaryRecord): a summary the producer refused would be
                // retried every minute and hold back every later period.
                sent.add(producer.send(TypedTopics.RISK_SUMMARIES.record(district.code() + "|" + period.id(),
                        SummaryRecord.json(summary, zone, Instant.now(), SummaryRecord.MAX_BYTES))));
            }
            for (SummaryScopes.Scope scope : scopes.all()) {
                sent.add(producer.send(TypedTopics.CITY_SUMMARIES.record(scope.id() + "|" + period.id(),
                        SummaryRecord.json(summaries.city(scope, period), zone, Instant.now(), SummaryRecord.MAX_BYTES))));
            }
            for (Future<RecordMetadata> send : sent) {
                send.get(); // a failed send is retried next round, never taken as published
            }
            LOG.info("Published the {} summaries of {} districts on {} and of {} on {}", period.id(), Districts.all().size(),
                    TypedTopics.RISK_SUMMARIES.name(), scopes.all().stream().map(SummaryScopes.Scope::name).toList(),
                    TypedTopics.CITY_SUMMARIES.name());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException | ExecutionException e) {
            LOG.warn("Summaries of {} not published (will retry): {}", period.id(), e.toString());
            return false;
        }
    }

    @PreDestroy
    synchronized void close() {
        task.close();
        producer.close();
    }
}
