package org.foodrisk.disposal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Time allowed to take a 核查处置 case to 已处置, by sampling program, counted from when the 不合格
 * verdict was known (the lab's report time).
 *
 * <p>Default: 90 days for every program. SAMR《食品安全抽样检验管理办法》(国家市场监督管理总局令第15号,
 * 2019) obliges the regulator to complete the 核查处置 of a 不合格 food within 90 days of receiving the
 * result (longer only with written approval), and it applies to national, provincial and local
 * supervision sampling alike; none of the five plans sets a shorter time (西青 2021 18. sets the share
 * done in time — 按时完成率 ≥85% — not the time). A province or district that sets its own shorter time
 * for its own program configures it: {@code foodrisk.disposal.deadlines.区抽: P30D}. Programs that
 * open no case (快检, 风险监测, 你点我检, 例行监测) need none.
 */
public final class DisposalDeadlines {

    public static final Duration STATUTORY = Duration.ofDays(90);
    static final String STATUTORY_BASIS = "《食品安全抽样检验管理办法》：收到不合格检验结论后90日内完成核查处置";

    private final Map<String, Duration> byProgram;
    private final Duration otherwise;

    public DisposalDeadlines(Map<String, Duration> byProgram, Duration otherwise) {
        this.byProgram = Map.copyOf(byProgram);
        this.otherwise = otherwise;
    }

    public static DisposalDeadlines defaults() {
        return new DisposalDeadlines(Map.of(), STATUTORY);
    }

    /** These defaults with some programs' allowances replaced (configuration). */
    public DisposalDeadlines with(Map<String, Duration> overrides) {
        Map<String, Duration> merged = new LinkedHashMap<>(byProgram);
        merged.putAll(overrides);
        return new DisposalDeadlines(merged, otherwise);
    }

    public Duration allowance(String program) {
        return byProgram.getOrDefault(program, otherwise);
    }

    public OffsetDateTime dueBy(String program, OffsetDateTime knownAt) {
        return knownAt.plus(allowance(program));
    }

    /** Where the program's allowance comes from, for the case. */
    public String basis(String program) {
        Duration allowance = allowance(program);
        String days = allowance.toDays() * 24 * 3600 == allowance.toSeconds() ? allowance.toDays() + "日" : allowance.toString();
        return byProgram.containsKey(program) ? program + "核查处置时限" + days + "（本地配置）"
                : allowance.equals(STATUTORY) ? STATUTORY_BASIS : "核查处置时限" + days + "（本地配置）";
    }
}
