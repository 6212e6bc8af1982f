package org.foodrisk.topology;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertIds;
import org.foodrisk.alert.AlertLifecycle;
import org.foodrisk.exchange.ExchangedAlert;
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.plan.PlanRouter;
import org.foodrisk.topic.TypedTopics;

/**
 * <pre>
 *                                        detections ─┐
 *  foodrisk.alert-actions.v1 ─ intake-alert-actions ─┴ [by alertId] ─ alert-state ─► foodrisk.alerts.v1
 *        └─► dead letters (invalid actions)   (wall-clock punctuation: overdue)  ├─► dead letters (refused actions)
 *                                                                 shared alerts' versions ─┴─► foodrisk.alert-exchange.v1
 * </pre>
 * Detections and people's actions meet in one repartition topic keyed by alertId, so one task owns each alert.
 */
final class AlertWiring {

    private AlertWiring() {
    }

    static void wire(StreamsBuilder builder, Detections detections, TopologySettings settings, PlanCatalog catalog,
                     OutputCounters counters) {
        PlanRouter router = new PlanRouter(catalog);
        KStream<String, AlertCommand> detected = detections.merged()
                .mapValues(AlertCommand::of, Named.as("as-detection-command"));
        KStream<String, ActionOutcome> actionIntake = builder
                .stream(TypedTopics.ALERT_ACTIONS.name(), TypedTopics.ALERT_ACTIONS.consumed("source-alert-actions"))
                .process(ActionIntakeProcessor::new, Named.as("intake-alert-actions"));
        KStream<String, AlertCommand> actions = actionIntake
                .filter((key, value) -> value.alertCommand() != null, Named.as("filter-accepted-actions"))
                .mapValues(ActionOutcome::alertCommand, Named.as("as-action-command"));
        DeadLetterWiring.wire(actionIntake, "alert-actions", counters);

        KStream<String, AlertOutcome> alertOutput = detected
                .merge(actions, Named.as("merge-alert-commands"))
                .selectKey((key, command) -> command.detection() != null
                        ? AlertIds.of(command.detection().dedupKey()) : command.action().alertId(), Named.as("key-by-alert"))
                .repartition(Repartitioned.with(TopologySerdes.KEY, TopologySerdes.ALERT_COMMAND)
                        .withName("alert-commands-by-alert"))
                .process(WithStores.of(() -> new AlertProcessor(router, settings.zone(), AlertLifecycle.defaults(),
                                settings.overdueCheckEvery(), settings.deadlines()),
                        StateStores.json(StoreNames.ALERTS, TopologySerdes.ALERT)), Named.as("alert-state"));
        KStream<String, Alert> alerts = alertOutput.filter((key, value) -> value.alert() != null, Named.as("filter-alerts"))
                .mapValues(AlertOutcome::alert, Named.as("as-alert"));
        alerts.peek((key, alert) -> counters.alert(alert), Named.as("count-alerts"))
                .to(TypedTopics.ALERTS.name(), TypedTopics.ALERTS.produced("sink-alerts"));
        // In the same transaction as the alert version itself: a shared alert's version is on both topics or neither.
        String region = settings.exchange().region();
        alerts.flatMapValues(alert -> ExchangedAlert.of(alert, region).stream().toList(), Named.as("as-exchanged-alert"))
                .to(TypedTopics.ALERT_EXCHANGE.name(), TypedTopics.ALERT_EXCHANGE.produced("sink-alert-exchange"));
        DeadLetterWiring.wire(alertOutput, "alert-state", counters);
    }
}
