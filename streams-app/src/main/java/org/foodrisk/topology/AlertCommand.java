package org.foodrisk.topology;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.foodrisk.alert.AlertAction;
import org.foodrisk.detect.Detection;

/**
 * What the alert-state processor works on, keyed by alertId: a detection, or a person's action
 * together with where it came from (so that a refused action can be dead-lettered with its
 * original topic, partition and offset, not those of the repartition topic).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertCommand(Detection detection, AlertAction action, String sourceTopic, Integer partition,
                           Long offset, String rawValue) implements ActionOutcome {

    static AlertCommand of(Detection detection) {
        return new AlertCommand(detection, null, null, null, null, null);
    }

    @Override
    public AlertCommand alertCommand() {
        return this;
    }
}
