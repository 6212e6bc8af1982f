package org.foodrisk.topology;

/**
 * Settings of the opinion detectors — the 24 h spike ({@code opinion.spike}) and the suspected rumour
 * ({@code opinion.rumour}) — configured as {@code foodrisk.detect.opinion-alpha}, {@code opinion-min-posts}
 * and {@code rumour-min-reach}.
 *
 * @param opinionAlpha    α of the epitweetr threshold
 * @param opinionMinPosts fewest posts in 24 h before a spike is judged
 * @param rumourMinReach  reach from which a suspected rumour is flagged at once
 */
public record OpinionSettings(double opinionAlpha, int opinionMinPosts, long rumourMinReach) {

    public static OpinionSettings defaults() {
        return new OpinionSettings(0.025, 3, 100_000);
    }
}
