package org.foodrisk.demo.feeder;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.foodrisk.demo.ArrivalMerge;
import org.foodrisk.demo.DemoDataGenerator;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.runtime.FoodRiskSettings;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.topic.Topic;
import org.foodrisk.topic.TypedTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Demo traffic for the embedded default run: publishes a realistic generated stream on the four
 * input topics — the last {@value #BACKFILL_DAYS} days at one day per {@code foodrisk.demo-day-every},
 * with planted incidents {@value #PLANTED_DAYS_AGO} days ago, then each record as its arrival time
 * passes — so that the API and dashboard show live alerts. Records go through the same intake as
 * any publisher's; ids are deterministic, so a restart re-sends the same records and dedup drops
 * them instead of counting them twice.
 *
 * <p>Records are published in arrival order, as real data comes: a lab result when the lab
 * reports it, days after its sample was taken, an illness case when the hospital files it (see
 * {@link DemoDataGenerator#arrivals}). Each backfill day publishes what arrived that day, and the
 * backfill days' lab results that are not reported yet wait for their time like today's records.
 *
 * <p>Not part of the service: this module (demo-feeder) and the generator (demo) are on the
 * classpath only when {@code ./run.sh} puts them there (unless {@code FOODRISK_DEMO=false}); the
 * service's jar has no demo code. Same records, order, ids and pacing as when the bean lived in
 * the service ({@code org.foodrisk.runtime.DemoFeeder} until 2026-12-06).
 */
@Singleton
@Requires(bean = KafkaRuntime.class)
public class DemoFeeder implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFeeder.class);
    static final int BACKFILL_DAYS = 45;
    /**
     * The day the incidents are planted on. Their slowest lab report (S2's second sample) comes 6
     * days after sampling: planted 7 days back, every one of them has arrived when the backfill
     * ends, so the demo shows all of them from the start.
     */
    static final int PLANTED_DAYS_AGO = 7;
    private static final long SEED = 20241;
    /** The four input topics as the demo writes them, by name: JSON text (the service reads the bytes). */
    private static final Map<String, Topic<String, String>> INPUTS = TypedTopics.INPUTS.stream()
            .collect(Collectors.toMap(Topic::name, Topic::asText));

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
        try (KafkaProducer<String, String> producer = TypedTopics.SAMPLING_RESULTS.asText().producer(config)) { // the inputs' text serializers
            LocalDate today = LocalDate.now(zone);
            LocalDate first = today.minusDays(BACKFILL_DAYS);
            ArrivalMerge<DemoRecord> arrivals = generator.arrivalsFrom(first, today.minusDays(PLANTED_DAYS_AGO)::equals);
            LOG.info("Demo data: replaying {} days of generated traffic in arrival order, then following the clock",
                    BACKFILL_DAYS);
            for (LocalDate day = first; day.isBefore(today) && running; day = day.plusDays(1)) {
                send(producer, arrivingBefore(arrivals, day.plusDays(1).atStartOfDay(zone).toInstant()));
                sleep(settings.demoDayEvery().toMillis());
            }
            followTheClock(arrivals, producer);
        } catch (RuntimeException e) {
            LOG.warn("Demo feeder stopped: {}", e.toString());
        }
    }

    /**
     * Every record not yet sent — today's, each following day's, and the lab results of past days
     * still to be reported — sent once its arrival time has come (not its event time).
     */
    private void followTheClock(ArrivalMerge<DemoRecord> arrivals, KafkaProducer<String, String> producer) {
        while (running) {
            List<DemoRecord> due = arrivingBefore(arrivals, Instant.now());
            if (!due.isEmpty()) {
                send(producer, due);
            }
            sleep(2_000);
        }
    }

    /** Takes the records arriving before {@code end}, in arrival order (generating the days it needs). */
    private static List<DemoRecord> arrivingBefore(ArrivalMerge<DemoRecord> arrivals, Instant end) {
        List<DemoRecord> out = new ArrayList<>();
        for (Instant next = arrivals.peekArrival(); next != null && next.isBefore(end); next = arrivals.peekArrival()) {
            out.add(arrivals.next());
        }
        return out;
    }

    /** Sends a batch and says so when the broker did not take all of it (the producer retries first). */
    private static void send(KafkaProducer<String, String> producer, List<DemoRecord> records) {
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<Exception> firstError = new AtomicReference<>();
        for (DemoRecord record : records) {
            producer.send(INPUTS.get(record.topic()).record(record.key(), record.json()), (metadata, error) -> {
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
