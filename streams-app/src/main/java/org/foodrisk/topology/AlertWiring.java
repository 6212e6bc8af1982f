package org.foodrisk.topology;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertIds;
import org.foodrisk.alert.AlertLifecycle;
import org.foodrisk.detect.Detection;
import org.foodrisk.exchange.ExchangedAlert;
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.plan.PlanRouter;
import org.foodrisk.topic.TypedTopics;

import java.util.Map;

/**
 * <pre>
 *                              intake's detections ─┐
 *  foodrisk.alert-actions.v1 ─ intake-alert-actions ─┴ [by alertId] ─┐
 *        └─► dead letters (invalid actions)                          │
 *  each other stage's detections ─ [by alertId, a topic per stage] ──┴─ alert-state ─► foodrisk.alerts.v1
 *                                          (wall-clock punctuation: overdue)  ├─► dead letters (refused actions)
 *                                                                 shared alerts' versions ─┴─► foodrisk.alert-exchange.v1
 * </pre>
 * Detections and people's actions are keyed by alertId, so one task owns each alert; each stage sends its detections
 * through a repartition topic of its own, so that the stages stay separate sub-topologies ({@link DetectionStage}).
 */
final class AlertWiring {

    private AlertWiring() {
    }

    static void wire(StreamsBuilder builder, Detections detections, TopologySettings settings, PlanCatalog catalog,
                     OutputCounters counters) {
        PlanRouter router = new PlanRouter(catalog);
        KStream<String, ActionOutcome> actionIntake = builder
                .stream(TypedTopics.ALERT_ACTIONS.name(), TypedTopics.ALERT_ACTIONS.consumed("source-alert-actions"))
                .process(ActionIntakeProcessor::new, Named.as("intake-alert-actions"));
        KStream<String, AlertCommand> actions = actionIntake
                .filter((key, value) -> value.alertCommand() != null, Named.as("filter-accepted-actions"))
                .mapValues(ActionOutcome::alertCommand, Named.as("as-action-command"));
        DeadLetterWiring.wire(actionIntake, "alert-actions", counters);

        // Each stage's detections take a repartition topic of their own (DetectionStage says why); the intake's share
        // the alerts' original topic with people's actions. They meet again after the repartitions, in the alert task.
        Map<DetectionStage, KStream<String, Detection>> byStage = detections.mergedByStage();
        if (!byStage.containsKey(DetectionStage.INTAKE)) {
            throw new IllegalStateException("the intake's detectors carry people's actions to the alerts");
        }
        KStream<String, AlertCommand> commands = null;
        for (Map.Entry<DetectionStage, KStream<String, Detection>> stage : byStage.entrySet()) {
            KStream<String, AlertCommand> byAlert = byAlert(stage.getKey(), stage.getValue(), actions);
            commands = commands == null ? byAlert
                    : commands.merge(byAlert, Named.as("merge-alert-commands-" + stage.getKey().nodeSuffix()));
        }
        KStream<String, AlertOutcome> alertOutput = commands
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

    /** A stage's detections as commands keyed by alert id, through the stage's repartition topic. */
    private static KStream<String, AlertCommand> byAlert(DetectionStage stage, KStream<String, Detection> detections,
                                                         KStream<String, AlertCommand> actions) {
        boolean intake = stage == DetectionStage.INTAKE;
        String suffix = intake ? "" : "-" + stage.nodeSuffix();
        KStream<String, AlertCommand> commands = detections.mapValues(AlertCommand::of,
                Named.as("as-detection-command" + suffix));
        if (intake) {
            commands = commands.merge(actions, Named.as("merge-alert-commands"));
        }
        return commands
                .selectKey((key, command) -> command.detection() != null
                        ? AlertIds.of(command.detection().dedupKey()) : command.action().alertId(),
                        Named.as("key-by-alert" + suffix))
                .repartition(Repartitioned.with(TopologySerdes.KEY, TopologySerdes.ALERT_COMMAND)
                        .withName(stage.commandsTopic()));
    }
}
