package org.foodrisk.topology;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.foodrisk.ingest.Signal;

/**
 * What the dedup store remembers of a record id: the fingerprint of its latest accepted version
 * (to recognise a re-delivery) and the signal it produced (to retract it when a correction
 * replaces it).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeenRecord(String fingerprint, Signal signal) {
}
