package org.foodrisk.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** Filters, bodies and retries of the sink task, without a worker. */
class AlertWebhookSinkTaskTest {

    private static AlertWebhookSinkTask task(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of("webhook.url", "http://127.0.0.1:1/none"));
        props.putAll(extra);
        AlertWebhookSinkTask t = new AlertWebhookSinkTask();
        t.start(props);
        return t;
    }

    private static JsonNode alert(String id, String district, String level) throws Exception {
        return DeadLetters.JSON.readTree(ConnectWorkerIntegrationTest.alert(id, district, level));
    }

    @Test
    void filtersByDistrictLevelAndUnit() throws Exception {
        AlertWebhookSinkTask t = task(Map.of("filter.district.codes", "120114,120115", "filter.min.level", "orange",
                "filter.units", "区农业农村委"));
        assertTrue(t.wanted(alert("a", "120114", "ORANGE")));
        assertTrue(t.wanted(alert("a", "120115", "RED")));
        assertFalse(t.wanted(alert("a", "120114", "YELLOW")), "below the minimum level");
        assertFalse(t.wanted(alert("a", "120116", "RED")), "other district");
        AlertWebhookSinkTask other = task(Map.of("filter.units", "区卫生健康委"));
        assertFalse(other.wanted(alert("a", "120114", "RED")), "unit is neither lead nor co-unit");
        assertTrue(task(Map.of()).wanted(alert("a", "120119", "BLUE")), "no filters: everything");
    }

    @Test
    void dingtalkMarkdownAndJsonBodies() throws Exception {
        JsonNode a = alert("ALT-1", "120114", "RED");
        JsonNode ding = DeadLetters.JSON.readTree(task(Map.of("webhook.format", "dingtalk")).body(a, a.toString()));
        assertEquals("markdown", ding.get("msgtype").asText());
        assertEquals("【红色预警】武清区 食用农产品 腐霉利", ding.at("/markdown/title").asText());
        assertTrue(ding.at("/markdown/text").asText().contains("<font color=#FF0000>食品安全风险预警 · 红色</font>"));
        String raw = a.toString();
        assertEquals(raw, task(Map.of("webhook.format", "json")).body(a, raw));
    }

    @Test
    void namesFromOutsideAreInertInBothRobotsMarkdown() throws Exception {
        String forged = "康盛超市[点我](http://evil)\n### 伪造标题\n> 伪造行 <font color=\"info\">**假**</font> <@all>";
        ObjectNode a = (ObjectNode) alert("ALT-1", "120114", "RED");
        a.putObject("enterprise").put("name", forged);
        a.put("foodCategory", "食用农产品\n- 伪造项");
        a.putArray("recommendedActions").add("立即下架[详情](http://evil)");
        for (String format : List.of("wecom", "dingtalk")) {
            JsonNode body = DeadLetters.JSON.readTree(task(Map.of("webhook.format", format)).body(a, a.toString()));
            String md = body.at("wecom".equals(format) ? "/markdown/content" : "/markdown/text").asText();
            assertFalse(md.contains("](http://evil)"), md);
            assertFalse(md.contains("[点我]"), md);
            assertFalse(md.contains("<@all>"), md);
            assertFalse(md.contains("**假**"), md);
            assertEquals(1, md.split("<font", -1).length - 1, "only the service's own colour: " + md);
            for (String line : md.split("\n")) {
                assertFalse(line.startsWith("###") && line.contains("伪造"), "forged heading: " + line);
                assertFalse(line.startsWith("> 伪造") || line.startsWith("- 伪造"), "forged line: " + line);
            }
            assertTrue(md.contains("> 涉及单位：康盛超市［点我］（http://evil） ＃＃＃ 伪造标题 ＞ 伪造行 "
                    + "＜font color=\"info\"＞＊＊假＊＊＜/font＞ ＜@all＞\n"), md);
            assertTrue(md.contains("1. 立即下架［详情］（http://evil）\n"), md);
        }
    }

    @Test
    void wecomContentStaysWithin4096Bytes() {
        String longText = "预警".repeat(5000);
        String cut = AlertFormatter.truncateBytes(longText, AlertFormatter.WECOM_MAX_BYTES);
        assertTrue(cut.getBytes(StandardCharsets.UTF_8).length <= 4096);
        assertTrue(cut.endsWith("…"));
    }

    @Test
    void retriesServerErrorsAndRobotRateLimitsButNotClientErrors() throws Exception {
        List<String> answers = new CopyOnWriteArrayList<>(List.of("503", "200:{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}",
                "200:{\"errcode\":0,\"errmsg\":\"ok\"}", "404", "200:{\"errcode\":310000,\"errmsg\":\"sign not match\"}"));
        List<String> queries = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/robot/send", ex -> {
            ex.getRequestBody().readAllBytes();
            queries.add(ex.getRequestURI().getRawQuery());
            String a = answers.remove(0);
            int status = Integer.parseInt(a.split(":", 2)[0]);
            byte[] body = (a.contains(":") ? a.split(":", 2)[1] : "err").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            AlertWebhookSinkTask t = task(Map.of(
                    "webhook.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send?access_token=t",
                    "webhook.format", "dingtalk", "webhook.dingtalk.secret", "SECtest",
                    "webhook.backoff.initial.ms", "10", "webhook.max.retries", "4"));
            JsonNode a = alert("ALT-1", "120114", "RED");
            AlertWebhookSinkTask.Outcome ok = t.deliver(a, a.toString());
            assertTrue(ok.delivered(), ok.toString());
            assertEquals(3, queries.size(), "503 and robot rate limit retried");
            assertTrue(queries.get(0).matches("access_token=t&timestamp=\\d+&sign=.+"), queries.get(0));
            AlertWebhookSinkTask.Outcome notFound = t.deliver(a, a.toString());
            assertFalse(notFound.delivered());
            assertFalse(notFound.retryable());
            assertEquals(4, queries.size(), "a 404 is not retried");
            AlertWebhookSinkTask.Outcome robotError = t.deliver(a, a.toString());
            assertFalse(robotError.delivered());
            assertTrue(robotError.error().contains("310000"), robotError.error());
            assertEquals(5, queries.size());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aSlowWebhookHandsTheRestOfTheBatchBackWithoutResending() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] ok = "{\"errcode\":0}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, ok.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(ok);
            }
        });
        server.start();
        List<Long> timeouts = new CopyOnWriteArrayList<>();
        try {
            AlertWebhookSinkTask t = new AlertWebhookSinkTask();
            t.initialize(new SinkTaskContext() {
                @Override
                public Map<String, String> configs() {
                    return Map.of();
                }

                @Override
                public void offset(Map<TopicPartition, Long> offsets) {
                }

                @Override
                public void offset(TopicPartition tp, long offset) {
                }

                @Override
                public void timeout(long timeoutMs) {
                    timeouts.add(timeoutMs);
                }

                @Override
                public Set<TopicPartition> assignment() {
                    return Set.of();
                }

                @Override
                public void pause(TopicPartition... partitions) {
                }

                @Override
                public void resume(TopicPartition... partitions) {
                }

                @Override
                public void requestCommit() {
                }

                @Override
                public PluginMetrics pluginMetrics() {
                    return null;
                }
            });
            t.start(Map.of("webhook.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                    "webhook.batch.max.ms", "1000"));
            List<SinkRecord> batch = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                batch.add(new SinkRecord("foodrisk.alerts.v1", 0, null, "ALT-" + i, null,
                        ConnectWorkerIntegrationTest.alert("ALT-" + i, "120114", "RED"), i));
            }
            try {
                t.put(batch);
                throw new AssertionError("expected the batch to be handed back");
            } catch (RetriableException expected) {
                assertEquals(List.of(1000L), timeouts);
            }
            assertEquals(2, bodies.size());
            t.put(batch); // the worker redelivers the same batch
            assertEquals(3, bodies.size(), "ALT-0 and ALT-1 are not sent again");
            assertTrue(bodies.get(2).contains("ALT-2"));
            t.stop();
        } finally {
            server.stop(0);
        }
    }
}
