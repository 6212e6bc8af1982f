package org.foodrisk.topology;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertUpdater;
import org.foodrisk.detect.Detection;
import org.foodrisk.plan.PlanRouter;
import org.foodrisk.plan.PlanTaskRef;
import org.foodrisk.plan.RoutingQuery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Keeps the current version of every alert (keyed by alertId) and turns detections into new
 * versions: a new risk becomes version 1 with its responsible plan tasks, a known one is updated
 * only when the detection adds something. Under exactly-once processing the store and the
 * alerts topic move together, so a crash neither loses nor repeats a version.
 */
final class AlertProcessor extends ContextualProcessor<String, Detection, String, Alert> {

    private final PlanRouter router;
    private final ZoneId zone;
    private KeyValueStore<String, Alert> alerts;

    AlertProcessor(PlanRouter router, ZoneId zone) {
        this.router = router;
        this.zone = zone;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        super.init(context);
        alerts = context.getStateStore(StoreNames.ALERTS);
    }

    @Override
    public void process(Record<String, Detection> record) {
        Detection detection = record.value();
        String alertId = record.key();
        Alert current = alerts.get(alertId);
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.ofEpochMilli(context().currentSystemTimeMs()), zone);
        List<PlanTaskRef> planTasks = current == null || current.planTasks().isEmpty() ? route(detection) : List.of();
        AlertUpdater.apply(current, detection, planTasks, now).ifPresent(next -> {
            alerts.put(alertId, next);
            context().forward(new Record<>(alertId, next, record.timestamp()));
        });
    }

    private List<PlanTaskRef> route(Detection detection) {
        OffsetDateTime when = detection.windowEnd() != null ? detection.windowEnd() : detection.windowStart();
        int year = when == null ? OffsetDateTime.now(zone).getYear() : when.atZoneSameInstant(zone).getYear();
        return router.route(new RoutingQuery(detection.districtCode(), detection.districtName(), year,
                detection.signalType().wireName(), detection.foodCategory(), detection.foodName(), detection.hazard(),
                detection.substance(), detection.stage()));
    }
}
