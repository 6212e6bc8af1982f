package org.foodrisk.runtime;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.foodrisk.demo.DemoDataGenerator;
import org.foodrisk.demo.DemoRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Demo traffic for the embedded default run: publishes a realistic generated stream on the four
 * input topics — the last {@value #BACKFILL_DAYS} days at one day per {@code foodrisk.demo-day-every},
 * with planted incidents a few days ago, then today's records as their event time passes — so
 * that the API and dashboard show live alerts. Records go through the same intake as any
 * publisher's; ids are deterministic, so a restart re-sends the same records and dedup drops
 * them instead of counting them twice.
 */
@Singleton
@Requires(bean = KafkaRuntime.class)
public class DemoFeeder implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFeeder.class);
    static final int BACKFILL_DAYS = 45;
    private static final long SEED = 20241;

    private final FoodRiskSettings settings;
    private final KafkaRuntime runtime;
    private volatile boolean running = true;
    private Thread thread;

    public DemoFeeder(FoodRiskSettings settings, KafkaRuntime runtime) {
        this.settings = settings;
        this.runtime = runtime;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (!settings.demoEnabled()) {
            return;
        }
        thread = new Thread(this::feed, "demo-feeder");
        thread.setDaemon(true);
        thread.start();
    }

    private void feed() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        DemoDataGenerator generator = new DemoDataGenerator(SEED, zone);
        Map<String, Object> config = runtime.kafka().durableProducer("foodrisk-demo");
        config.put("linger.ms", 20);
        config.put("compression.type", "lz4");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            LocalDate today = LocalDate.now(zone);
            LOG.info("Demo data: replaying {} days of generated traffic, then following the clock", BACKFILL_DAYS);
            for (LocalDate day = today.minusDays(BACKFILL_DAYS); day.isBefore(today) && running; day = day.plusDays(1)) {
                List<DemoRecord> records = new ArrayList<>(generator.day(day));
                if (day.equals(today.minusDays(3))) {
                    records.addAll(generator.scenarios(day));
                }
                send(producer, records);
                sleep(settings.demoDayEvery().toMillis());
            }
            followTheClock(generator, producer, zone);
        } catch (RuntimeException e) {
            LOG.warn("Demo feeder stopped: {}", e.toString());
        }
    }

    /** Today's (and each following day's) records, each sent once its event time has come. */
    private void followTheClock(DemoDataGenerator generator, KafkaProducer<String, String> producer, ZoneId zone) {
        LocalDate day = LocalDate.now(zone);
        List<DemoRecord> pending = sorted(generator.day(day));
        while (running) {
            Instant now = Instant.now();
            List<DemoRecord> due = pending.stream().filter(r -> !r.eventTime().isAfter(now)).toList();
            if (!due.isEmpty()) {
                send(producer, due);
                pending = new ArrayList<>(pending.subList(due.size(), pending.size()));
            }
            LocalDate current = LocalDate.now(zone);
            if (!current.equals(day)) {
                day = current;
                pending.addAll(sorted(generator.day(day)));
            }
            sleep(2_000);
        }
    }

    private static List<DemoRecord> sorted(List<DemoRecord> records) {
        List<DemoRecord> copy = new ArrayList<>(records);
        copy.sort(Comparator.comparing(DemoRecord::eventTime));
        return copy;
    }

    /** Sends a batch and says so when the broker did not take all of it (the producer retries first). */
    private static void send(KafkaProducer<String, String> producer, List<DemoRecord> records) {
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Exception> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        for (DemoRecord record : records) {
            producer.send(new ProducerRecord<>(record.topic(), record.key(), record.json()), (metadata, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                    firstError.compareAndSet(null, error);
                }
            });
        }
        producer.flush();
        if (failed.get() > 0) {
            LOG.warn("Demo data: {} of {} records not delivered: {}", failed.get(), records.size(), firstError.get().toString());
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the feeder finish its current batch (it checks the flag every few seconds) rather than interrupt a send. */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(10_000);
        }
    }
}
