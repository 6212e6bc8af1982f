package org.foodrisk.api.limits;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard in a connection's pipeline as the server builds it (deadline watcher, Netty's HTTP
 * codec, the guard), with a stand-in for Micronaut behind it that records what reaches it.
 */
class RequestGuardTest {

    private static final String SIGN_IN = "/api/v1/session";
    private static final String INGEST = "/api/v1/sampling-results";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final App app = new App();
    private EmbeddedChannel channel;

    /** What Micronaut would get: the heads and the body bytes; answers 200 once a request is whole. */
    private static final class App extends ChannelInboundHandlerAdapter {
        final List<String> uris = new ArrayList<>();
        int bodyBytes;
        boolean answers = true;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest head) {
                uris.add(head.uri());
            }
            if (msg instanceof HttpContent content) {
                bodyBytes += content.content().readableBytes();
            }
            if (msg instanceof LastHttpContent && answers) {
                DefaultFullHttpResponse ok = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                ok.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
                ctx.writeAndFlush(ok);
            }
            ReferenceCountUtil.release(msg);
        }
    }

    private EmbeddedChannel connection(int requestsPerSecond) {
        ReadDeadline deadline = new ReadDeadline(Duration.ofSeconds(60), () -> { });
        HttpRefusals refusals = new HttpRefusals(meters);
        BodyLimits limits = new BodyLimits(List.of(INGEST), SIGN_IN, 4096, 65536);
        RequestGuard guard = new RequestGuard(InetAddress.getLoopbackAddress(),
                new RequestRates(requestsPerSecond, System::currentTimeMillis), limits, deadline, refusals);
        channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(deadline.watchBytes(), new HttpServerCodec(), guard, app);
        return channel;
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private void send(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    private static String post(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static String chunkedHead(String path) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
    }

    private String answered() {
        StringBuilder out = new StringBuilder();
        for (Object written; (written = channel.readOutbound()) != null; ) {
            out.append(((ByteBuf) written).toString(StandardCharsets.UTF_8));
            ReferenceCountUtil.release(written);
        }
        return out.toString();
    }

    private double refused(String reason) {
        return meters.counter("foodrisk.http.refused", "reason", reason).count();
    }

    @Test
    void aSignInOf5KiBIs413FromItsContentLengthAndNeverReachesTheApp() {
        connection(0);
        send(post(SIGN_IN, "{\"token\":\"" + "x".repeat(5 * 1024) + "\"}"));
        String answer = answered();
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("\"error\":\"too-large\"") && answer.contains("at most 4096"), answer);
        assertTrue(answer.contains("connection: close"), answer);
        assertFalse(channel.isOpen(), "the rest of the body is not read");
        assertEquals(List.of(), app.uris);
        assertEquals(1, refused("too-large"));
    }

    @Test
    void aNormalSignInReachesTheApp() {
        connection(0);
        send(post(SIGN_IN, "{\"token\":\"demo-analyst\"}"));
        assertTrue(answered().startsWith("HTTP/1.1 200"));
        assertEquals(List.of(SIGN_IN), app.uris);
        assertTrue(channel.isOpen());
    }

    @Test
    void aChunkedSignInIsRefusedTheMomentItPassesTheLimit() {
        connection(0);
        send(chunkedHead(SIGN_IN));
        send(chunk("x".repeat(4000)));
        assertEquals("", answered(), "within the limit so far: held");
        send(chunk("x".repeat(1000)));
        String answer = answered();
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertFalse(channel.isOpen());
        assertEquals(List.of(), app.uris, "held, so the app never saw the head");
    }

    @Test
    void aChunkedSignInWithinTheLimitReachesTheAppWhole() {
        connection(0);
        send(chunkedHead(SIGN_IN) + chunk("{\"token\":") + chunk("\"demo-analyst\"}") + "0\r\n\r\n");
        assertTrue(answered().startsWith("HTTP/1.1 200"));
        assertEquals(List.of(SIGN_IN), app.uris);
        assertEquals("{\"token\":\"demo-analyst\"}".length(), app.bodyBytes);
    }

    @Test
    void aChunkedSignInExpectingContinueIsToldToGoOnOnce() {
        connection(0);
        send(chunkedHead(SIGN_IN).replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n"));
        assertTrue(answered().startsWith("HTTP/1.1 100 Continue"));
        send(chunk("{}") + "0\r\n\r\n");
        assertTrue(answered().startsWith("HTTP/1.1 200"));
    }

    @Test
    void otherRoutesTakeAtMost64KiB() {
        connection(0);
        send(post("/api/v1/alerts/A-1/actions", "x".repeat(70_000)));
        assertTrue(answered().startsWith("HTTP/1.1 413"));
    }

    @Test
    void ingestionIsLeftToTheServersLimit() {
        connection(0);
        send(post(INGEST, "x".repeat(1_000_000)));
        assertTrue(answered().startsWith("HTTP/1.1 200"));
        assertEquals(1_000_000, app.bodyBytes);
    }

    @Test
    void requestsAboveTheAddressRateAre429WithRetryAfter() {
        connection(2);
        send(post(SIGN_IN, "{}"));
        send(post(SIGN_IN, "{}"));
        assertEquals(2, app.uris.size());
        answered();
        send(post(SIGN_IN, "{}"));
        String answer = answered();
        if (app.uris.size() == 3) {
            return; // the second turned over between the requests: nothing to judge
        }
        assertTrue(answer.startsWith("HTTP/1.1 429"), answer);
        assertTrue(answer.contains("retry-after: 1"), answer);
        assertEquals(1, refused("too-many-requests"));
    }

    @Test
    void aRequestThatTricklesInPastTheDeadlineLosesItsConnection() {
        connection(0);
        send("POST " + SIGN_IN + " HTTP/1.1\r\nHost: x\r\nContent-Length: 20\r\n\r\n{\"tok");
        channel.advanceTimeBy(59, TimeUnit.SECONDS);
        send("en\"");
        channel.runScheduledPendingTasks();
        assertTrue(channel.isOpen(), "still within the deadline from its first byte");
        channel.advanceTimeBy(2, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertFalse(channel.isOpen(), "60 s after its first byte, whatever trickled in since");
    }

    @Test
    void theDeadlineCountsOnlyTheReadingNotTheTimeBetweenRequests() {
        connection(0);
        send(post(SIGN_IN, "{}"));
        channel.advanceTimeBy(120, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertTrue(channel.isOpen(), "idle connections are the idle timeout's business");
        send(post(SIGN_IN, "{}"));
        assertEquals(2, app.uris.size());
    }

    @Test
    void aRefusalWhileAnEarlierAnswerIsOwedClosesWithoutAnswering() {
        connection(0);
        app.answers = false;
        send(post(SIGN_IN, "{}"));
        send(post(SIGN_IN, "x".repeat(5000)));
        assertEquals("", answered(), "an answer now would be taken for the first request's");
        assertFalse(channel.isOpen());
    }
}
