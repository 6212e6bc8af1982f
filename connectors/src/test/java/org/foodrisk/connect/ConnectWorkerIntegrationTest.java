package org.foodrisk.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;
import org.foodrisk.topics.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import java.util.function.BooleanSupplier;

/**
 * Both connectors in a real Connect worker (connect-runtime's standalone worker, started in
 * this JVM exactly as {@code connect-standalone} starts it) against a real KRaft broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectWorkerIntegrationTest {

    private KafkaClusterTestKit cluster;
    private String bootstrap;

    @BeforeAll
    void startBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        bootstrap = cluster.bootstrapServers();
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(
                    new NewTopic(Topics.SAMPLING_RESULTS, 3, (short) 1),
                    new NewTopic(Topics.DEAD_LETTERS, 1, (short) 1),
                    new NewTopic(Topics.ALERTS, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    void stopBroker() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    // ------------------------------------------------------------------ source connector

    @Test
    void droppedFilesBecomeSamplingRecordsOnceAcrossAWorkerRestart(@TempDir Path work) throws Exception {
        Path in = Files.createDirectories(work.resolve("in"));
        Path offsets = work.resolve("connect.offsets");
        Map<String, String> connector = Map.of(
                "connector.class", SamplingFileSourceConnector.class.getName(),
                "tasks.max", "1",
                "input.dir", in.toString(),
                "file.min.age.ms", "0",
                "poll.interval.ms", "100",
                "batch.size", "10",
                "batch.pause.ms", "40",
                "lab.codes", "天津市武清区食品药品检验所=LAB-120114-01");

        Connect<StandaloneHerder> worker = startWorker(offsets);
        createConnector(worker, "sampling-files", connector);

        // 1. A national notice spreadsheet.
        drop(Path.of("samples/notice.xlsx"), in.resolve("notice.xlsx"));
        List<ConsumerRecord<String, String>> samples = await(Topics.SAMPLING_RESULTS,
                all -> keys(all).containsAll(SampleFiles.NOTICE_IDS), Duration.ofSeconds(60));
        Map<String, JsonNode> byKey = new HashMap<>();
        for (ConsumerRecord<String, String> r : samples) {
            byKey.put(r.key(), DeadLetters.JSON.readTree(r.value()));
        }
        JsonNode first = byKey.get("2024年第12期-1");
        assertEquals("2024年第12期-1", first.get("sampleId").asText());
        assertEquals("120114", first.get("districtCode").asText());
        assertEquals("LAB-120114-01", first.get("labCode").asText());
        assertEquals("韭菜", first.get("foodName").asText());
        assertEquals("不合格", first.get("verdict").asText());
        assertEquals("2024-05-20T00:00:00+08:00", first.get("sampledAt").asText());
        assertEquals("腐霉利", first.at("/items/0/item").asText());
        assertEquals(0.52, first.at("/items/0/result").asDouble());
        assertEquals("120116", byKey.get("2024年第12期-3").get("districtCode").asText());
        assertEquals(2, byKey.get("2024年第12期-2").get("items").size());
        awaitFile(in.resolve("done/notice.xlsx"));

        // 2. A notice CSV with a bad row: the row goes to the dead-letter topic with file and line.
        List<String[]> rows = new ArrayList<>();
        for (String[] r : SampleFiles.noticeRowsWith(2, 4, "上海市浦东新区某路1号")) {
            r[11] = "2024年第13期";
            rows.add(r);
        }
        Path bad = work.resolve("notice-13.csv");
        SampleFiles.writeCsv(bad, SampleFiles.NOTICE_HEADER, rows);
        drop(bad, in.resolve("notice-13.csv"));
        List<ConsumerRecord<String, String>> dead = await(Topics.DEAD_LETTERS,
                all -> all.stream().anyMatch(r -> r.value().contains("file:notice-13.csv")), Duration.ofSeconds(60));
        JsonNode dl = DeadLetters.JSON.readTree(dead.stream()
                .filter(r -> r.value().contains("file:notice-13.csv")).findFirst().orElseThrow().value());
        assertEquals("file:notice-13.csv", dl.get("sourceTopic").asText());
        assertEquals(5, dl.get("offset").asLong());
        assertEquals("2024年第13期-3", dl.get("key").asText());
        assertTrue(dl.get("reason").asText().startsWith("file notice-13.csv line 5: no Tianjin district"),
                dl.get("reason").asText());
        assertTrue(dl.get("value").asText().contains("上海市浦东新区某路1号"));
        await(Topics.SAMPLING_RESULTS, all -> keys(all).containsAll(
                List.of("2024年第13期-1", "2024年第13期-2", "2024年第13期-4")), Duration.ofSeconds(60));
        assertFalse(keys(readAll(Topics.SAMPLING_RESULTS)).contains("2024年第13期-3"));

        // 3. A large LIMS export; the worker is stopped in the middle of it.
        int big = 800;
        Path lims = work.resolve("lims-big.csv");
        writeBigLims(lims, big);
        drop(lims, in.resolve("lims-big.csv"));
        await(Topics.SAMPLING_RESULTS, all -> keys(all).stream().filter(k -> k.startsWith("BIG-")).count() >= 100,
                Duration.ofSeconds(60));
        worker.stop();
        worker.awaitStop();
        long beforeRestart = keys(readAll(Topics.SAMPLING_RESULTS)).stream().filter(k -> k.startsWith("BIG-")).count();
        assertTrue(beforeRestart < big, "the worker stopped in the middle of the file (" + beforeRestart + ")");
        assertTrue(Files.exists(in.resolve("lims-big.csv")), "an unfinished file stays in the directory");

        // The same notice dropped again under the same name while the worker is down.
        drop(Path.of("samples/notice.xlsx"), in.resolve("notice.xlsx"));

        Connect<StandaloneHerder> restarted = startWorker(offsets);
        try {
            createConnector(restarted, "sampling-files", connector);
            awaitFile(in.resolve("done/lims-big.csv"));
            awaitCondition(() -> !Files.exists(in.resolve("notice.xlsx")), "notice.xlsx moved again");
        } finally {
            restarted.stop();
            restarted.awaitStop();
        }

        List<ConsumerRecord<String, String>> all = readAll(Topics.SAMPLING_RESULTS);
        Map<String, Long> counts = all.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        Map<String, Long> duplicates = counts.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), duplicates, "no record published twice");
        assertEquals(big, counts.keySet().stream().filter(k -> k.startsWith("BIG-")).count(), "no row skipped");
        assertEquals(4 + 3 + big, all.size());
        try (Stream<Path> done = Files.list(in.resolve("done"))) {
            assertEquals(4, done.count(), "notice.xlsx (twice), notice-13.csv, lims-big.csv");
        }
        // Every sample of the big file has both its items (rows grouped across batches and the restart).
        for (ConsumerRecord<String, String> r : all) {
            if (r.key().startsWith("BIG-")) {
                assertEquals(2, DeadLetters.JSON.readTree(r.value()).get("items").size(), r.key());
            }
        }
    }

    private static void writeBigLims(Path file, int samples) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", SampleMapper.LIMS_COLUMNS)).append('\n');
        for (int i = 0; i < samples; i++) {
            String id = String.format("BIG-%05d", i);
            for (String item : List.of("毒死蜱", "腐霉利")) {
                Map<String, String> v = new HashMap<>();
                v.put("sampleId", id);
                v.put("program", "区抽");
                v.put("labCode", "LAB-120114-01");
                v.put("districtCode", "120114");
                v.put("foodCategory", "食用农产品");
                v.put("foodName", "韭菜");
                v.put("sampledAt", "2024-05-06 09:30");
                v.put("verdict", "合格");
                v.put("item", item);
                v.put("result", "未检出");
                v.put("unit", "mg/kg");
                sb.append(SampleMapper.LIMS_COLUMNS.stream().map(c -> v.getOrDefault(c, ""))
                        .collect(Collectors.joining(","))).append('\n');
            }
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ sink connector

    @Test
    void alertsReachTheWebhookAsWecomMarkdownWithRetriesAndDeadLetters(@TempDir Path work) throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<Long> times = new CopyOnWriteArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cgi-bin/webhook/send", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            times.add(System.nanoTime());
            int status;
            String answer;
            if (body.contains("ALT-PERM")) {
                status = 400;
                answer = "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}";
            } else if (failuresLeft.getAndDecrement() > 0) {
                status = 500;
                answer = "boom";
            } else {
                status = 200;
                answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        Connect<StandaloneHerder> worker = startWorker(work.resolve("connect.offsets"));
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/cgi-bin/webhook/send?key=secret-key";
            createConnector(worker, "alert-webhook", Map.ofEntries(
                    Map.entry("connector.class", AlertWebhookSinkConnector.class.getName()),
                    Map.entry("tasks.max", "1"),
                    Map.entry("topics", Topics.ALERTS),
                    Map.entry("webhook.url", url),
                    Map.entry("webhook.format", "wecom"),
                    Map.entry("webhook.max.retries", "3"),
                    Map.entry("webhook.backoff.initial.ms", "300"),
                    Map.entry("filter.district.codes", "120114"),
                    Map.entry("filter.min.level", "YELLOW"),
                    Map.entry("detail.url.template", "https://dash.example/alerts/{alertId}"),
                    Map.entry("dead.letter.bootstrap.servers", bootstrap)));

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
                // All on one partition (same key order is irrelevant: the test checks sets).
                for (String[] a : List.of(
                        new String[] {"ALT-A", "120114", "ORANGE"},   // delivered after one 500
                        new String[] {"ALT-B", "120114", "BLUE"},     // below the minimum level
                        new String[] {"ALT-C", "120115", "RED"},      // another district
                        new String[] {"ALT-PERM", "120114", "RED"})) { // webhook answers 400: dead letter
                    producer.send(new ProducerRecord<>(Topics.ALERTS, 0, a[0], alert(a[0], a[1], a[2]))).get();
                }
                producer.send(new ProducerRecord<>(Topics.ALERTS, 0, "ALT-X", "this is not JSON")).get();
            }

            List<ConsumerRecord<String, String>> dead = await(Topics.DEAD_LETTERS,
                    all -> all.stream().filter(r -> r.value().contains("\"sourceTopic\":\"" + Topics.ALERTS + "\"")).count() >= 2,
                    Duration.ofSeconds(60));
            List<JsonNode> alertDead = new ArrayList<>();
            for (ConsumerRecord<String, String> r : dead) {
                JsonNode n = DeadLetters.JSON.readTree(r.value());
                if (Topics.ALERTS.equals(n.get("sourceTopic").asText())) {
                    alertDead.add(n);
                }
            }
            JsonNode perm = alertDead.stream().filter(n -> "ALT-PERM".equals(n.get("key").asText())).findFirst().orElseThrow();
            assertTrue(perm.get("reason").asText().contains("HTTP 400"), perm.toString());
            assertEquals(0, perm.get("partition").asInt());
            assertTrue(perm.get("value").asText().contains("\"alertId\":\"ALT-PERM\""));
            assertTrue(alertDead.stream().anyMatch(n -> "ALT-X".equals(n.get("key").asText())
                    && n.get("reason").asText().contains("not JSON")));

            List<String> toA = bodies.stream().filter(b -> b.contains("ALT-A")).toList();
            assertEquals(2, toA.size(), "the 500 was retried once: " + bodies);
            assertEquals(toA.get(0), toA.get(1));
            long gapMs = (times.get(1) - times.get(0)) / 1_000_000;
            assertTrue(gapMs >= 250, "back-off before the retry: " + gapMs + " ms");
            JsonNode body = DeadLetters.JSON.readTree(toA.get(0));
            assertEquals("markdown", body.get("msgtype").asText());
            String content = body.at("/markdown/content").asText();
            assertTrue(content.startsWith("### <font color=\"warning\">食品安全风险预警 · 橙色</font>"), content);
            assertTrue(content.contains("> 区域：武清区（120114）"), content);
            assertTrue(content.contains("> 危害因素：腐霉利"), content);
            assertTrue(content.contains("牵头 区市场监管局；配合 区农业农村委"), content);
            assertTrue(content.contains("[查看详情](https://dash.example/alerts/ALT-A)"), content);
            assertFalse(bodies.stream().anyMatch(b -> b.contains("ALT-B") || b.contains("ALT-C")), bodies.toString());
            assertEquals(3, bodies.size(), "ALT-A twice, ALT-PERM once (no retry of a 400)");
        } finally {
            worker.stop();
            worker.awaitStop();
            server.stop(0);
        }
    }

    static String alert(String id, String district, String level) {
        Map<String, String> names = Map.of("120114", "武清区", "120115", "宝坻区");
        Map<String, String> levelNames = Map.of("RED", "红色", "ORANGE", "橙色", "YELLOW", "黄色", "BLUE", "蓝色");
        return """
                {"alertId":"%s","version":1,"status":"待处置","level":"%s","levelName":"%s","kind":"sampling.critical-hazard",
                 "districtCode":"%s","districtName":"%s","foodCategory":"食用农产品","hazard":"腐霉利",
                 "enterprise":{"name":"武清区某某蔬菜店"},
                 "window":{"start":"2024-05-06T00:00:00+08:00","end":"2024-05-13T00:00:00+08:00"},
                 "evidence":[{"signal":"sampling","id":"WQ2024-SC-000123","at":"2024-05-06T09:30:00+08:00"}],
                 "planTasks":[{"taskId":"wuqing-2024/(十三)","plan":"武清区2024年食品安全监督管理计划","number":"（十三）",
                   "title":"农兽药残留专项整治","leadUnits":["区市场监管局"],"coUnits":["区农业农村委"]}],
                 "recommendedActions":["对涉事经营户开展监督检查并追溯进货来源。"],
                 "firstDetectedAt":"2024-05-10T16:02:11+08:00","updatedAt":"2024-05-10T16:02:11+08:00"}
                """.formatted(id, level, levelNames.get(level), district, names.get(district)).replace("\n", "");
    }

    // ------------------------------------------------------------------ helpers

    private Connect<StandaloneHerder> startWorker(Path offsets) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrap);
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("offset.storage.file.filename", offsets.toString());
        props.put("offset.flush.interval.ms", "500");
        props.put("listeners", "http://127.0.0.1:0");
        props.put("plugin.discovery", "hybrid_warn");
        return new ConnectStandalone().startConnect(props);
    }

    private static void createConnector(Connect<StandaloneHerder> worker, String name, Map<String, String> config)
            throws Exception {
        Map<String, String> c = new HashMap<>(config);
        c.put("name", name);
        FutureCallback<Herder.Created<ConnectorInfo>> cb = new FutureCallback<>();
        worker.herder().putConnectorConfig(name, c, true, cb);
        cb.get(30, TimeUnit.SECONDS);
    }

    /** Copies a file in under a name the connector ignores, then renames it (as labs should). */
    private static void drop(Path source, Path target) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
        Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> keys(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::key).toList();
    }

    private List<ConsumerRecord<String, String>> readAll(String topic) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private List<ConsumerRecord<String, String>> await(String topic, Predicate<List<ConsumerRecord<String, String>>> until,
                                                       Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, String>> all;
        do {
            all = readAll(topic);
            if (until.test(all)) {
                return all;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("timed out waiting on " + topic + "; have " + keys(all));
    }

    private static void awaitFile(Path file) throws InterruptedException {
        awaitCondition(() -> Files.exists(file), file + " exists");
    }

    private static void awaitCondition(BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
