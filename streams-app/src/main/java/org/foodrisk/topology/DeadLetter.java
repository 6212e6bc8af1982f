package org.foodrisk.topology;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/**
 * A record that could not be processed (contract: foodrisk.dead-letters.v1). {@code value} is
 * the record as received: text, or base64 when it is not valid UTF-8 ({@code valueEncoding}
 * then says "base64"). {@code error} is a stable code, {@code reason} the precise sentence.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(String sourceTopic, Integer partition, Long offset, String key, String value,
                         String valueEncoding, String error, String reason, OffsetDateTime at) {
}
