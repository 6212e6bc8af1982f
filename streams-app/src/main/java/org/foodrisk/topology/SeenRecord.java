package org.foodrisk.topology;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.foodrisk.ingest.Signal;

/**
 * What the dedup store remembers of a record id: the fingerprint of its latest accepted version
 * (to recognise a re-delivery), the signal it produced (to retract it when a correction replaces
 * it) and who published it (only that publisher may correct it: {@link org.foodrisk.ingest.Provenance}).
 *
 * @param publisher null for a record stored before publishers were kept: then the next version
 *                  that changes it is accepted as a correction and its publisher becomes the
 *                  record's (nothing is known of the original's publisher; a re-delivery changes
 *                  nothing and records nothing)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeenRecord(String fingerprint, Signal signal, String publisher) {
}
