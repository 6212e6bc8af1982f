package org.foodrisk.topology;

import java.time.Duration;

/**
 * Settings of the repeat-offender detector ({@code sampling.repeat-offender}), configured as
 * {@code foodrisk.detect.repeat-offender-window} and {@code foodrisk.detect.repeat-offender-min-failures}.
 *
 * @param repeatOffenderWindow      how close two failures of one business must be
 * @param repeatOffenderMinFailures how many failures make a repeat offender
 */
public record RepeatOffenderSettings(Duration repeatOffenderWindow, int repeatOffenderMinFailures) {

    public static RepeatOffenderSettings defaults() {
        return new RepeatOffenderSettings(Duration.ofDays(90), 2);
    }
}
