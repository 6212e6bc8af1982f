package org.foodrisk.detect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The detector's figures (contract: detector = {name, observed, expected, threshold, statistic,
 * pValue}), as far as the detector defines them; {@code method} cites what it implements.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DetectorNumbers(String name, Double observed, Double expected, Double threshold, Double statistic,
                              Double pValue, String method) {
}
