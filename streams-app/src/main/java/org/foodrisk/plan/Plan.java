package org.foodrisk.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Optional;

/** One district's annual food-safety plan, as loaded from plans/&lt;planId&gt;.json. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Plan(
        String planId,
        String title,
        String docNumber,
        String districtCode,
        String districtName,
        int year,
        boolean template,
        String sourceFile,
        List<PlanTask> tasks) {

    public Plan {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    public Optional<PlanTask> task(String number) {
        return tasks.stream().filter(t -> t.number().equals(number)).findFirst();
    }
}
