package org.foodrisk.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * Sends each alert that passes the filters, one at a time and in order, synchronously: the
 * worker commits an offset only after its alert was delivered or dead-lettered.
 */
public class AlertWebhookSinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(AlertWebhookSinkTask.class);
    /** Robot error codes that mean "slow down, try again": 企业微信 45009 / -1, 钉钉 130101 / 660026. */
    private static final Set<Integer> ROBOT_RETRYABLE = Set.of(-1, 45009, 130101, 660026);

    private AlertWebhookSinkConfig config;
    private HttpClient http;
    private Set<String> districts;
    private Set<String> units;
    private KafkaProducer<String, String> deadLetters;
    private ErrantRecordReporter reporter;
    private volatile boolean stopping;
    /** Per partition, the offset of the last alert handled (sent, filtered or dead-lettered) by this task. */
    private final Map<TopicPartition, Long> handled = new HashMap<>();

    /** Outcome of one delivery. */
    record Outcome(boolean delivered, boolean retryable, String error) {
    }

    @Override
    public String version() {
        return Version.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new AlertWebhookSinkConfig(props);
        http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(config.getLong(AlertWebhookSinkConfig.TIMEOUT_MS)))
                .build();
        districts = new HashSet<>(config.getList(AlertWebhookSinkConfig.FILTER_DISTRICT_CODES));
        units = new HashSet<>(config.getList(AlertWebhookSinkConfig.FILTER_UNITS));
        String bootstrap = config.getString(AlertWebhookSinkConfig.DEAD_LETTER_BOOTSTRAP);
        if (!bootstrap.isBlank()) {
            Map<String, Object> p = new HashMap<>(config.originalsWithPrefix(AlertWebhookSinkConfig.DEAD_LETTER_PRODUCER_PREFIX));
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "foodrisk-alert-webhook-dlq");
            deadLetters = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        } else {
            try {
                reporter = context == null ? null : context.errantRecordReporter();
            } catch (NoSuchMethodError | NoClassDefFoundError oldWorker) {
                reporter = null;
            }
        }
        LOG.info("delivering alerts as {} (districts {}, min level {}, units {})", config.format(),
                districts.isEmpty() ? "all" : districts, config.getString(AlertWebhookSinkConfig.FILTER_MIN_LEVEL),
                units.isEmpty() ? "all" : units);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        long deadline = System.nanoTime() + config.getLong(AlertWebhookSinkConfig.PUT_MAX_MS) * 1_000_000L;
        for (SinkRecord record : records) {
            TopicPartition tp = new TopicPartition(record.topic(), record.kafkaPartition());
            Long last = handled.get(tp);
            if (last != null && record.kafkaOffset() <= last) {
                continue; // a redelivered batch: this alert was already handled
            }
            if (System.nanoTime() > deadline) {
                // Hand the rest back: the worker keeps polling (no rebalance) and redelivers the batch.
                if (context != null) {
                    context.timeout(1000);
                }
                throw new RetriableException("webhook batch time budget used; the rest of the batch is redelivered");
            }
            handle(record);
            handled.put(tp, record.kafkaOffset());
        }
    }

    private void handle(SinkRecord record) {
        String raw = text(record.value());
        JsonNode alert;
        try {
            alert = raw == null ? null : DeadLetters.JSON.readTree(raw);
        } catch (IOException e) {
            deadLetter(record, raw, "not JSON: " + e.getMessage(), "alert is not JSON");
            return;
        }
        if (alert == null || !alert.isObject()) {
            deadLetter(record, raw, "value is not a JSON object", "alert is not a JSON object");
            return;
        }
        if (!wanted(alert)) {
            return;
        }
        Outcome o = deliver(alert, raw);
        if (!o.delivered()) {
            deadLetter(record, raw, o.error(), "webhook delivery failed for alert "
                    + AlertFormatter.text(alert, "alertId") + ": " + o.error());
        }
    }

    /** District, minimum level and unit filters; each one passes when not configured. */
    boolean wanted(JsonNode alert) {
        if (!districts.isEmpty() && !districts.contains(AlertFormatter.text(alert, "districtCode"))) {
            return false;
        }
        String level = AlertFormatter.text(alert, "level");
        int rank = level == null ? -1 : AlertWebhookSinkConfig.LEVELS.indexOf(level.toUpperCase(Locale.ROOT));
        if (rank < config.minLevelRank()) {
            return false;
        }
        if (!units.isEmpty()) {
            for (JsonNode task : alert.path("planTasks")) {
                for (String field : new String[] {"leadUnits", "coUnits"}) {
                    for (JsonNode u : task.path(field)) {
                        if (units.contains(u.asText().strip())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
        return true;
    }

    String body(JsonNode alert, String raw) {
        String template = config.getString(AlertWebhookSinkConfig.DETAIL_URL_TEMPLATE);
        String alertId = AlertFormatter.text(alert, "alertId");
        String link = template.isBlank() || alertId == null ? null
                : template.replace("{alertId}", URLEncoder.encode(alertId, StandardCharsets.UTF_8));
        return switch (config.format()) {
            case "wecom" -> AlertFormatter.wecom(alert, link).toString();
            case "dingtalk" -> AlertFormatter.dingtalk(alert, link).toString();
            default -> raw;
        };
    }

    /** Sends with retries and exponential back-off (with jitter) on 5xx, 429, timeouts, I/O errors and robot rate limits. */
    Outcome deliver(JsonNode alert, String raw) {
        String body = body(alert, raw);
        int maxRetries = config.getInt(AlertWebhookSinkConfig.MAX_RETRIES);
        long backoff = config.getLong(AlertWebhookSinkConfig.BACKOFF_INITIAL_MS);
        long maxBackoff = config.getLong(AlertWebhookSinkConfig.BACKOFF_MAX_MS);
        Outcome last = null;
        for (int attempt = 0; attempt <= maxRetries && !stopping; attempt++) {
            if (attempt > 0) {
                long wait = Math.min(maxBackoff, backoff << Math.min(attempt - 1, 20));
                wait += ThreadLocalRandom.current().nextLong(wait / 5 + 1);
                LOG.info("alert {}: attempt {} failed ({}), retrying in {} ms", AlertFormatter.text(alert, "alertId"),
                        attempt, last.error(), wait);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ConnectException("interrupted while retrying a webhook delivery", e);
                }
            }
            last = attempt(body);
            if (last.delivered() || !last.retryable()) {
                break;
            }
        }
        if (last != null && !last.delivered() && last.retryable()) {
            return new Outcome(false, true, last.error() + " (gave up after " + (maxRetries + 1) + " attempts)");
        }
        return last != null ? last : new Outcome(false, true, "task stopping");
    }

    private Outcome attempt(String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(signedUrl()))
                .timeout(Duration.ofMillis(config.getLong(AlertWebhookSinkConfig.TIMEOUT_MS)))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Outcome(false, true, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted during a webhook delivery", e);
        }
        int status = response.statusCode();
        String answer = DeadLetters.cut(response.body(), 500);
        if (status >= 500 || status == 429 || status == 408) {
            return new Outcome(false, true, "HTTP " + status + ": " + answer);
        }
        if (status < 200 || status >= 300) {
            return new Outcome(false, false, "HTTP " + status + ": " + answer);
        }
        if (!"json".equals(config.format())) {
            // Robots answer 200 with {"errcode":..,"errmsg":..}; errcode 0 is success.
            try {
                JsonNode r = DeadLetters.JSON.readTree(response.body());
                if (r != null && r.has("errcode") && r.get("errcode").asInt() != 0) {
                    int code = r.get("errcode").asInt();
                    return new Outcome(false, ROBOT_RETRYABLE.contains(code),
                            "robot errcode " + code + ": " + AlertFormatter.text(r, "errmsg"));
                }
            } catch (IOException notJson) {
                // a plain 2xx is success
            }
        }
        return new Outcome(true, false, null);
    }

    /** The URL, with 钉钉's timestamp and HmacSHA256 sign when a signing secret is configured. */
    private String signedUrl() {
        String url = config.url();
        String secret = config.dingtalkSecret();
        if (secret.isBlank()) {
            return url;
        }
        try {
            long timestamp = System.currentTimeMillis();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sign = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            String s = URLEncoder.encode(Base64.getEncoder().encodeToString(sign), StandardCharsets.UTF_8);
            return url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign=" + s;
        } catch (GeneralSecurityException e) {
            throw new ConnectException("cannot sign the 钉钉 webhook URL", e);
        }
    }

    private void deadLetter(SinkRecord record, String raw, String error, String reason) {
        LOG.warn("alert at {}-{}@{} not delivered: {}", record.topic(), record.kafkaPartition(), record.kafkaOffset(), reason);
        if (deadLetters != null) {
            String key = text(record.key());
            String value;
            try {
                value = DeadLetters.JSON.writeValueAsString(DeadLetters.of(record.topic(), record.kafkaPartition(),
                        record.kafkaOffset(), key, raw, error, reason));
            } catch (IOException e) {
                throw new ConnectException(e);
            }
            try {
                deadLetters.send(new ProducerRecord<>(config.getString(AlertWebhookSinkConfig.DEAD_LETTER_TOPIC), key,
                        value)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("interrupted while writing a dead letter", e);
            } catch (ExecutionException e) {
                throw new ConnectException("cannot write a dead letter: " + e.getCause(), e.getCause());
            }
        } else if (reporter != null) {
            try {
                reporter.report(record, new ConnectException(reason)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("interrupted while reporting an errant record", e);
            } catch (ExecutionException e) {
                throw new ConnectException("cannot report an errant record: " + e.getCause(), e.getCause());
            }
        } else {
            // Never drop silently: stop the task so that an operator sees it.
            throw new ConnectException(reason + " (no dead-letter destination: set " + AlertWebhookSinkConfig.DEAD_LETTER_BOOTSTRAP
                    + " or errors.tolerance=all with errors.deadletterqueue.topic.name)");
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return DeadLetters.JSON.writeValueAsString(value);
            } catch (IOException e) {
                return value.toString();
            }
        }
        return value.toString();
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        partitions.forEach(handled::remove);
    }

    @Override
    public void stop() {
        stopping = true;
        if (deadLetters != null) {
            deadLetters.close(Duration.ofSeconds(5));
        }
    }
}
