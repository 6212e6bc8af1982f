package org.foodrisk.topology;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.ingest.Signal;

import java.time.Duration;

/**
 * An input task's arrival clock, and the ticks that carry it downstream. Every signal passes through
 * unchanged; the clock is the latest time at which this task's records became known
 * ({@link Signal#knownAt()}: a lab's report time, not its sampling time). When the clock has moved
 * {@link TimeModel#tickEvery()} since the last tick, a tick follows the record that moved it — after it,
 * so that no stage hears of a time before the records of that time.
 *
 * <p>A task that receives nothing for {@link TimeModel#idleAfter()} of wall-clock time, with its partitions
 * read to their end ({@link InputBacklog}), ticks the wall clock: a quiet partition must not hold every day
 * open. Ticks from records depend only on the records, so a replay ticks as live traffic did, at any speed;
 * only idle ticks depend on the wall clock, and a task with records waiting is never idle — also not
 * while it cannot read them (a broker restart).
 *
 * <p>The clock is kept in a store so that a restarted or moved task goes on from where it was.
 */
final class ArrivalClockProcessor extends ContextualProcessor<String, Signal, String, Signal> {

    static final String CLOCK = "clock";
    static final String TICKED = "ticked";

    private final TimeModel time;
    private KeyValueStore<String, Long> store;
    private String tickKey;
    private int partition;
    private InputBacklog backlog;
    private long lastRecordWallMillis;

    ArrivalClockProcessor(TimeModel time) {
        this.time = time;
    }

    @Override
    public void init(ProcessorContext<String, Signal> context) {
        super.init(context);
        store = context.getStateStore(StoreNames.ARRIVAL_CLOCK);
        partition = context.taskId().partition();
        tickKey = ClockTicks.keyOf(partition);
        backlog = InputBacklog.of(context.appConfigs());
        lastRecordWallMillis = context.currentSystemTimeMs();
        Duration check = time.idleAfter().dividedBy(2);
        context.schedule(check.isZero() ? Duration.ofSeconds(1) : check, PunctuationType.WALL_CLOCK_TIME, this::tickIfIdle);
    }

    @Override
    public void process(Record<String, Signal> record) {
        context().forward(record);
        long wall = context().currentSystemTimeMs();
        lastRecordWallMillis = wall;
        Signal signal = record.value();
        long eventTime = signal.eventTime().toInstant().toEpochMilli();
        // A report time after the wall clock (a publisher's clock, or a typo) must not close days ahead of time.
        long known = Math.min(signal.knownAt().toInstant().toEpochMilli(), Math.max(eventTime, wall));
        advance(known);
    }

    private void tickIfIdle(long wallMillis) {
        if (wallMillis - lastRecordWallMillis >= time.idleAfter().toMillis() && backlog.caughtUp(partition)) {
            advance(wallMillis);
        }
    }

    private void advance(long candidate) {
        Long clock = store.get(CLOCK);
        if (clock != null && candidate <= clock) {
            return;
        }
        store.put(CLOCK, candidate);
        Long ticked = store.get(TICKED);
        if (ticked == null || candidate - ticked >= time.tickEvery().toMillis()) {
            store.put(TICKED, candidate);
            context().forward(new Record<String, Signal>(tickKey, null, candidate));
        }
    }
}
