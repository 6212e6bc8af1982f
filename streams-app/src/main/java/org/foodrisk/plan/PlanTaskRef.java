package org.foodrisk.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A responsible plan task as an alert names it (contract: planTasks[] = {taskId, plan, number,
 * title, leadUnits, coUnits}); {@code match} says why it was chosen (specific / owner / fallback).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanTaskRef(String taskId, String plan, String number, String title, List<String> leadUnits,
                          List<String> coUnits, String match) {

    public static PlanTaskRef of(Plan plan, PlanTask task, String match) {
        return new PlanTaskRef(task.taskId(), plan.title(), task.number(), task.title(), task.leadUnits(),
                task.coUnits(), match);
    }
}
