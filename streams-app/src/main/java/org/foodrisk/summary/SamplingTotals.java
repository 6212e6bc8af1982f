package org.foodrisk.summary;

import java.util.Map;

/** Sampling results of a district from 1 January to a date: tested and failed, in all and by category. */
public record SamplingTotals(long tested, long failed, Map<String, long[]> byCategory) {
}
