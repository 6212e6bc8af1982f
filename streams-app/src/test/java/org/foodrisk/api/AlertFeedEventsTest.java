package org.foodrisk.api;

import org.foodrisk.query.AlertQuery;
import io.micronaut.http.sse.Event;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A browser that connects to the live feed hears from it at once, even when no alert comes: until the
 * first event the dashboard's indicator said 连接中 for the 20 s of the first ping (issue 16).
 */
class AlertFeedEventsTest {

    private static final AlertQuery EVERYTHING = new AlertQuery(null, null, null, null, null, null, null, null);

    @Test
    void aQuietFeedSendsAnEventAsSoonAsItIsConnected() {
        Event<?> first = AlertFeedController.events(Flux.never(), EVERYTHING).blockFirst(Duration.ofSeconds(2));
        assertNotNull(first);
        assertEquals("ping", first.getName());
    }

    @Test
    void thenItPingsEveryTwentySecondsNotMoreOften() {
        Long within = AlertFeedController.events(Flux.never(), EVERYTHING)
                .take(Duration.ofSeconds(3)).count().block(Duration.ofSeconds(5));
        assertEquals(1L, within, "the first event only, in the first three seconds");
    }
}
