package org.foodrisk.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.demo.DemoCatalog.Item;
import org.foodrisk.demo.DemoCatalog.Pick;
import org.foodrisk.demo.DemoIdentity.Enterprise;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/** Writing contract values: times, test items with results as labs write them, enterprises. */
final class DemoJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private DemoJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ISO-8601 with the zone's offset, e.g. 2024-05-06T09:30:00+08:00. */
    static String iso(ZonedDateTime t) {
        return t.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static ObjectNode enterprise(Enterprise e, boolean withLicense) {
        ObjectNode n = object();
        n.put("name", e.name());
        n.put("creditCode", e.creditCode());
        if (withLicense && e.licenseNo() != null) {
            n.put("licenseNo", e.licenseNo());
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------
    // Test items
    // ------------------------------------------------------------------------------------------

    /** An item with a given result text (used by the planted scenarios). */
    static ObjectNode item(Item it, String result, boolean pass) {
        ObjectNode n = object();
        n.put("item", it.item());
        n.put("hazardClass", it.hazardClass());
        n.put("result", result);
        n.put("unit", it.unit());
        n.put("limit", limitText(it));
        n.put("limitType", it.limitType());
        n.put("standard", it.standard());
        n.put("pass", pass);
        return n;
    }

    /** An item with a drawn result that passes or fails its limit. */
    static ObjectNode item(Item it, boolean pass, SplittableRandom rnd) {
        return item(it, pass ? passingResult(it, rnd) : failingResult(it, rnd), pass);
    }

    static String limitText(Item it) {
        return switch (it.kind()) {
            case MAX -> "≤" + plain(it.a());
            case MIN -> "≥" + plain(it.a());
            case NOT_DETECTED -> it.limitText();
            case RANGE -> plain(it.a()) + "～" + plain(it.b());
            case PLAN -> "n=" + it.n() + ",c=" + it.c() + ",m=" + power(it.a()) + ",M=" + power(it.b());
        };
    }

    static String failingResult(Item it, SplittableRandom rnd) {
        return switch (it.kind()) {
            case MAX -> {
                boolean quality = it.cause().equals("质量指标");
                double factor = quality ? Pick.between(rnd, 1.05, 1.9) : Pick.logBetween(rnd, 1.2, 9);
                yield sig(it.a() * factor);
            }
            case MIN -> sig(it.a() * Pick.between(rnd, 0.55, 0.93));
            case RANGE -> rnd.nextBoolean()
                    ? sig(it.a() * Pick.between(rnd, 0.55, 0.95))
                    : sig(it.b() * Pick.between(rnd, 1.05, 1.4));
            case NOT_DETECTED -> {
                if (it.item().equals("商业无菌")) {
                    yield "非商业无菌";
                }
                yield it.a() < 0 ? "检出" : sig(Pick.logBetween(rnd, it.a(), it.b()));
            }
            case PLAN -> planValues(it, false, rnd);
        };
    }

    static String passingResult(Item it, SplittableRandom rnd) {
        return switch (it.kind()) {
            case MAX -> {
                String cause = it.cause();
                double notDetected = switch (cause) {
                    case "农药残留", "兽药残留" -> 0.7;
                    case "食品添加剂", "生物毒素", "有机物污染" -> 0.55;
                    case "重金属" -> 0.25;
                    case "微生物" -> 0.6;
                    default -> 0.0;
                };
                if (rnd.nextDouble() < notDetected) {
                    yield it.cause().equals("微生物") ? "<10" : "未检出";
                }
                if (cause.equals("微生物")) {
                    yield count(it.a() * Pick.between(rnd, 0.05, 0.8), it.a());
                }
                double lo = cause.equals("质量指标") ? 0.25 : 0.03;
                yield sig(it.a() * Pick.between(rnd, lo, 0.8));
            }
            case MIN -> sig(it.a() * Pick.between(rnd, 1.03, 1.45));
            case RANGE -> sig(Pick.between(rnd, it.a() + (it.b() - it.a()) * 0.1, it.b() - (it.b() - it.a()) * 0.1));
            case NOT_DETECTED -> it.item().equals("商业无菌") ? "商业无菌" : "未检出";
            case PLAN -> planValues(it, true, rnd);
        };
    }

    /** n comma-separated plate counts judged by n, c, m, M (e.g. GB 7099-2015). */
    private static String planValues(Item it, boolean pass, SplittableRandom rnd) {
        int n = it.n();
        double m = it.a();
        double bigM = it.b();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble() < 0.5 ? 0 : m * Pick.between(rnd, 0.02, 0.9);
        }
        if (pass) {
            int between = rnd.nextInt(it.c() + 1);
            for (int i = 0; i < between; i++) {
                v[rnd.nextInt(n)] = Pick.between(rnd, m * 1.05, bigM * 0.95);
            }
        } else {
            int above = 1 + rnd.nextInt(2);
            for (int i = 0; i < above && i < n; i++) {
                v[i] = bigM * Pick.logBetween(rnd, 1.2, 12);
            }
            for (int i = above; i < n && i < above + it.c(); i++) {
                if (rnd.nextBoolean()) {
                    v[i] = Pick.between(rnd, m * 1.05, bigM * 0.95);
                }
            }
            // shuffle so the failing plates are not always first
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                double t = v[i];
                v[i] = v[j];
                v[j] = t;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(count(v[i], m));
        }
        return sb.toString();
    }

    /** A plate count as labs write it: "<10", "40", "1.6×10⁴". */
    static String count(double value, double m) {
        double floor = m < 10 ? 1 : 10;
        if (value < floor) {
            return "<" + (int) floor;
        }
        if (value < 100) {
            return String.valueOf((int) Math.round(value));
        }
        return power(value);
    }

    private static final char[] SUPERSCRIPT = {'⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'};

    /** 10000 → "10⁴", 50000 → "5×10⁴", 16300 → "1.6×10⁴", 40 → "40". */
    static String power(double value) {
        if (value < 100) {
            return plain(value);
        }
        int exp = (int) Math.floor(Math.log10(value));
        double mantissa = Math.round(value / Math.pow(10, exp) * 10) / 10.0;
        if (mantissa >= 10) {
            mantissa /= 10;
            exp++;
        }
        StringBuilder e = new StringBuilder();
        for (char c : Integer.toString(exp).toCharArray()) {
            e.append(SUPERSCRIPT[c - '0']);
        }
        return (mantissa == 1.0 ? "" : plain(mantissa) + "×") + "10" + e;
    }

    /** 0.2 → "0.2", 100.0 → "100". */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Two significant figures below 1, three from 1 up: "0.052", "1.26", "23.4", "156". */
    static String sig(double value) {
        int digits = Math.abs(value) < 1 ? 2 : 3;
        return new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}
