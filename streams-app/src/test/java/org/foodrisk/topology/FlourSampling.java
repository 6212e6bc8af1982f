package org.foodrisk.topology;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.streams.TestInputTopic;
import org.foodrisk.kafka.Json;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Flour sampling results of Tianjin districts as labs publish them, for the pooled model's topology tests: six samples
 * a workday and two a weekend day per district, each failing with probability 0.05 (a fixed seed), reported days after
 * sampling, published in arrival order (by report time, never by sampling time).
 */
final class FlourSampling {

    static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    static final List<String> ESTABLISHED = List.of("120114", "120105", "120111", "120119");
    /** 滨海新区: reports from May 20, 2024 (a Monday) on. */
    static final String NEW_DISTRICT = "120116";
    static final LocalDate NEW_FROM = LocalDate.of(2024, 5, 20);
    static final LocalDate FIRST_DAY = LocalDate.of(2024, 4, 1);

    private FlourSampling() {
    }

    record Report(String id, String json, ZonedDateTime reportedAt) {
    }

    static Report result(String id, String district, LocalDate day, boolean failed, double delayDays) {
        ZonedDateTime sampled = day.atTime(10, 0).atZone(TIANJIN);
        ZonedDateTime reported = sampled.plusMinutes(Math.round(delayDays * 24 * 60));
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("sampleId", id);
        record.put("program", "区抽");
        record.put("agency", "区市场监管局");
        record.put("lab", "天津市食品安全检测技术研究院");
        record.put("labCode", "TJFS001");
        record.put("districtCode", district);
        record.put("stage", "流通");
        record.putObject("enterprise").put("name", "粮油店" + id);
        record.put("foodCategory", "粮食加工品");
        record.put("foodName", "小麦粉");
        record.put("sampledAt", TIME.format(sampled));
        record.put("reportedAt", TIME.format(reported));
        record.put("verdict", failed ? "不合格" : "合格");
        ObjectNode item = record.putArray("items").addObject();
        item.put("item", "脱氢乙酸及其钠盐");
        item.put("hazardClass", "食品添加剂");
        item.put("result", failed ? "0.9" : "未检出");
        item.put("unit", "g/kg");
        item.put("limit", "0.5");
        item.put("pass", !failed);
        return new Report(id, record.toString(), reported);
    }

    /**
     * Each district's results from {@link #FIRST_DAY} (the new district's from {@link #NEW_FROM}) through {@code last},
     * reported three days after sampling; {@code neverFailing} (or none) passes every sample.
     */
    static List<Report> background(LocalDate last, String neverFailing) {
        return background(last, neverFailing, 0.05);
    }

    /** The same with each sample failing with probability {@code failing}. */
    static List<Report> background(LocalDate last, String neverFailing, double failing) {
        Random random = new Random(19);
        List<Report> reports = new ArrayList<>();
        for (LocalDate day = FIRST_DAY; !day.isAfter(last); day = day.plusDays(1)) {
            List<String> districts = new ArrayList<>(ESTABLISHED);
            if (!day.isBefore(NEW_FROM)) {
                districts.add(NEW_DISTRICT);
            }
            int samples = day.getDayOfWeek().getValue() >= 6 ? 2 : 6;
            for (String district : districts) {
                for (int i = 0; i < samples; i++) {
                    boolean failed = random.nextDouble() < failing && !district.equals(neverFailing);
                    reports.add(result("BG-" + district + "-" + day + "-" + i, district, day, failed, 3));
                }
            }
        }
        return reports;
    }

    /** {@code failures} failed samples of one district's day, reported {@code delayDays} after sampling. */
    static List<Report> outbreak(String prefix, String district, LocalDate day, int failures, double delayDays) {
        List<Report> reports = new ArrayList<>();
        for (int i = 1; i <= failures; i++) {
            reports.add(result(prefix + "-" + i, district, day, true, delayDays));
        }
        return reports;
    }

    /** Publishes in arrival order, as labs do: by report time, never by sampling time. */
    static void publishInArrivalOrder(TestInputTopic<String, String> sampling, List<Report> reports) {
        reports.stream().sorted(Comparator.comparing((Report r) -> r.reportedAt().toInstant()).thenComparing(Report::id))
                .forEach(r -> sampling.pipeInput(r.id(), r.json(), r.reportedAt().toInstant()));
    }
}
