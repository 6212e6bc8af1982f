package org.foodrisk.detect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * Opinion posts of one district × category in one hour: how many, their reach-weighted volume,
 * and the posts themselves (bounded) for the alert's evidence.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HourlyVolume(long posts, double weightedVolume, List<Evidence> evidence) {

    static final int MAX_EVIDENCE = 30;

    public HourlyVolume {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static HourlyVolume empty() {
        return new HourlyVolume(0, 0, List.of());
    }

    /**
     * Reach enters as 1 + log10(1 + reach): a post read by a million counts about seven times a
     * post nobody read, not a million times — otherwise one viral post would swamp the baseline's
     * standard deviation and no spike could ever be seen after it.
     */
    public static double weightOf(long reach) {
        return 1 + Math.log10(1 + Math.max(0, reach));
    }

    public HourlyVolume add(int sign, long reach, Evidence post) {
        List<Evidence> kept = new ArrayList<>(evidence);
        kept.removeIf(e -> e.id().equals(post.id()));
        if (sign > 0 && kept.size() < MAX_EVIDENCE) {
            kept.add(post);
        }
        return new HourlyVolume(Math.max(0, posts + sign), Math.max(0, weightedVolume + sign * weightOf(reach)), kept);
    }
}
