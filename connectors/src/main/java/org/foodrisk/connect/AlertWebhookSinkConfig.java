package org.foodrisk.connect;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;
import org.foodrisk.topics.Topics;

/** Configuration of {@link AlertWebhookSinkConnector}. */
public final class AlertWebhookSinkConfig extends AbstractConfig {

    public static final String WEBHOOK_URL = "webhook.url";
    public static final String WEBHOOK_FORMAT = "webhook.format";
    public static final String DINGTALK_SECRET = "webhook.dingtalk.secret";
    public static final String TIMEOUT_MS = "webhook.timeout.ms";
    public static final String MAX_RETRIES = "webhook.max.retries";
    public static final String BACKOFF_INITIAL_MS = "webhook.backoff.initial.ms";
    public static final String BACKOFF_MAX_MS = "webhook.backoff.max.ms";
    public static final String PUT_MAX_MS = "webhook.batch.max.ms";
    public static final String FILTER_DISTRICT_CODES = "filter.district.codes";
    public static final String FILTER_MIN_LEVEL = "filter.min.level";
    public static final String FILTER_UNITS = "filter.units";
    public static final String DETAIL_URL_TEMPLATE = "detail.url.template";
    public static final String DEAD_LETTER_TOPIC = "dead.letter.topic";
    public static final String DEAD_LETTER_BOOTSTRAP = "dead.letter.bootstrap.servers";
    public static final String DEAD_LETTER_PRODUCER_PREFIX = "dead.letter.producer.";

    /** Alert levels from lowest to highest. */
    static final List<String> LEVELS = List.of("BLUE", "YELLOW", "ORANGE", "RED");

    static final ConfigDef DEF = new ConfigDef()
            .define(WEBHOOK_URL, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "Webhook URL. A robot URL carries its key, so it is a password: never logged.")
            .define(WEBHOOK_FORMAT, Type.STRING, "wecom", ConfigDef.ValidString.in("wecom", "dingtalk", "json"),
                    Importance.HIGH, "Body: wecom (企业微信 robot markdown), dingtalk (钉钉 robot markdown) or json (the alert as is).")
            .define(DINGTALK_SECRET, Type.PASSWORD, "", Importance.MEDIUM,
                    "钉钉 robot signing secret (加签, SEC...); when set, timestamp and sign are added to the URL.")
            .define(TIMEOUT_MS, Type.LONG, 10_000L, ConfigDef.Range.atLeast(100), Importance.LOW,
                    "Connect and request timeout of one attempt.")
            .define(MAX_RETRIES, Type.INT, 5, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "Retries after a 5xx, 429, timeout, I/O error or robot rate limit; then the alert is a dead letter.")
            .define(BACKOFF_INITIAL_MS, Type.LONG, 500L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Wait before the first retry; doubled on every further retry.")
            .define(BACKOFF_MAX_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Longest wait between retries.")
            .define(PUT_MAX_MS, Type.LONG, 60_000L, ConfigDef.Range.atLeast(1000), Importance.LOW,
                    "Longest time spent on one batch of alerts; the rest of the batch is handed back to the worker "
                            + "(and redelivered without re-sending what was already sent), so that a slow or failing "
                            + "webhook never exceeds the consumer's max.poll.interval.ms.")
            .define(FILTER_DISTRICT_CODES, Type.LIST, "", Importance.MEDIUM,
                    "Deliver only alerts of these districtCodes (empty: every district).")
            .define(FILTER_MIN_LEVEL, Type.STRING, "BLUE", ConfigDef.CaseInsensitiveValidString.in("BLUE", "YELLOW", "ORANGE", "RED"),
                    Importance.MEDIUM, "Deliver only alerts of this level or higher (BLUE < YELLOW < ORANGE < RED).")
            .define(FILTER_UNITS, Type.LIST, "", Importance.MEDIUM,
                    "Deliver only alerts with a planTask whose leadUnits or coUnits name one of these units (empty: all).")
            .define(DETAIL_URL_TEMPLATE, Type.STRING, "", Importance.LOW,
                    "Link added to chat messages, {alertId} replaced, e.g. https://dash.example/alerts/{alertId}.")
            .define(DEAD_LETTER_TOPIC, Type.STRING, Topics.DEAD_LETTERS, Importance.MEDIUM,
                    "Topic of alerts that cannot be delivered (contract dead letters).")
            .define(DEAD_LETTER_BOOTSTRAP, Type.STRING, "", Importance.MEDIUM,
                    "Brokers for the dead-letter producer (further settings: dead.letter.producer.*). Empty: the "
                            + "worker's errant record reporter (errors.tolerance=all, errors.deadletterqueue.topic.name) "
                            + "is used, which writes the alert as received rather than a contract dead letter.");

    public AlertWebhookSinkConfig(Map<String, String> props) {
        super(DEF, props);
    }

    String url() {
        return getPassword(WEBHOOK_URL).value();
    }

    String format() {
        return getString(WEBHOOK_FORMAT);
    }

    String dingtalkSecret() {
        Password p = getPassword(DINGTALK_SECRET);
        return p == null ? "" : p.value();
    }

    int minLevelRank() {
        return LEVELS.indexOf(getString(FILTER_MIN_LEVEL).toUpperCase(Locale.ROOT));
    }
}
