package org.foodrisk.evaluation;

/**
 * How one outbreak shows in one stream: {@code cases} extra counts on days
 * {@code firstDay..lastDay} (day indices of the simulated series; the outbreak's period in this
 * stream, from its onset in the stream to its last case).
 */
public record StreamOutbreak(int stream, int firstDay, int lastDay, int cases) {
}
