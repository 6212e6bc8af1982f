package org.foodrisk.topology;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.foodrisk.disposal.CaseAction;
import org.foodrisk.ingest.Signal;

/**
 * What the case-state processor works on, keyed by caseId: a sampling result of 监督抽检, or a
 * person's action with where it came from (so a refused action is dead-lettered with its own topic,
 * partition and offset, as {@link AlertCommand} does for alerts).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisposalCommand(Signal result, CaseAction action, String sourceTopic, Integer partition, Long offset,
                              String rawValue) implements ActionOutcome {

    static DisposalCommand of(Signal result) {
        return new DisposalCommand(result, null, null, null, null, null);
    }

    @Override
    public DisposalCommand disposalCommand() {
        return this;
    }
}
