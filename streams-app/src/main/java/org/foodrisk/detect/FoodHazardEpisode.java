package org.foodrisk.detect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;

/**
 * The current episode of one district × food × hazard class: its id (the first day of the run
 * that first signalled) and the last day that signalled. A signal whose run starts within the
 * episode gap after that day belongs to the same episode — the same alert, even when a late
 * report moves the run's first day — and a later one opens a new episode and a new alert.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FoodHazardEpisode(String id, String lastSignal) {

    public FoodHazardEpisode next(LocalDate runStart, LocalDate signalDay, int gapDays) {
        if (id != null && lastSignal != null && !runStart.isAfter(LocalDate.parse(lastSignal).plusDays(gapDays))) {
            LocalDate last = LocalDate.parse(lastSignal);
            return new FoodHazardEpisode(id, (signalDay.isAfter(last) ? signalDay : last).toString());
        }
        return new FoodHazardEpisode(runStart.toString(), signalDay.toString());
    }
}
