package org.foodrisk.api;

import org.foodrisk.query.AlertQuery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import org.foodrisk.alert.Alert;
import org.foodrisk.exchange.ReceivedAlert;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.Map;

/**
 * GET /api/v1/alerts/stream — the live alert feed as server-sent events: one {@code alert} event
 * per new alert version (the same JSON as GET /api/v1/alerts/{alertId}, event id
 * {@code alertId:version}), optionally filtered like GET /api/v1/alerts, and a {@code ping}
 * on connecting and every 20 s after, so that idle connections are not dropped by proxies; and a {@code received}
 * event per new version of an alert a partner region shared ({@link ReceivedAlertsController}). A client loads the
 * current alerts from GET /api/v1/alerts and applies the events on top (the higher version wins).
 */
@Controller("/api/v1/alerts/stream")
public class AlertFeedController {

    static final Duration PING_EVERY = Duration.ofSeconds(20);
    private static final int BUFFER_PER_CLIENT = 1000;

    private final AlertFeed feed;

    public AlertFeedController(AlertFeed feed) {
        this.feed = feed;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<?>> stream(@Nullable @QueryValue String district, @Nullable @QueryValue String category,
                                      @Nullable @QueryValue String level, @Nullable @QueryValue String status,
                                      @Nullable @QueryValue String kind, @Nullable @QueryValue String unit) {
        AlertQuery query = new AlertQuery(district, category, level, status, kind, unit, null, null);
        return Flux.merge(events(feed.alerts(), query), received(feed.received(), query));
    }

    /**
     * The alerts partner regions shared, as {@code received} events (id {@code origin/alertId:version}), filtered by
     * the same query on the alert they carry: a page filtered to one of our districts does not get Beijing's.
     */
    static Flux<Event<?>> received(Flux<ReceivedAlert> feed, AlertQuery query) {
        return feed.filter(r -> query.predicate().test(r.alert()))
                .onBackpressureBuffer(BUFFER_PER_CLIENT, dropped -> { }, reactor.core.publisher.BufferOverflowStrategy.DROP_OLDEST)
                .map(r -> Event.of(r).name("received").id(r.key() + ":" + r.alert().version()));
    }

    /** The events of one connection: the alert versions that match the query, and the pings. */
    static Flux<Event<?>> events(Flux<Alert> feed, AlertQuery query) {
        Flux<Event<?>> alerts = feed
                .filter(query.predicate())
                // A client that reads slowly loses the oldest events beyond its buffer, never the stream;
                // reloading the list repairs what it missed.
                .onBackpressureBuffer(BUFFER_PER_CLIENT, dropped -> { }, reactor.core.publisher.BufferOverflowStrategy.DROP_OLDEST)
                .map(AlertFeedController::event);
        // The first ping goes at once: the response (and the browser's "open") waits for the first event,
        // and a quiet feed left the dashboard saying 连接中 for the 20 s of the first ping.
        Flux<Event<?>> pings = Flux.interval(Duration.ZERO, PING_EVERY).map(n -> Event.of(Map.of()).name("ping"));
        return Flux.merge(alerts, pings);
    }

    private static Event<?> event(Alert alert) {
        return Event.of(alert).name("alert").id(alert.alertId() + ":" + alert.version());
    }
}
