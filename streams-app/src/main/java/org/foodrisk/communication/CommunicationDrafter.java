package org.foodrisk.communication;

import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertStatus;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The first draft of a 消费提示 or 风险警示 from an alert, in the form district offices publish: a title naming the
 * food or the illness, what was found (the district, the period, the food and the hazard, how many results or
 * cases — no business named: that is the office's decision), advice to consumers for the hazard class, and the
 * issuing office. A person edits it and the office approves it; the draft only saves the typing.
 *
 * <p>Only an alert a unit has taken up (处置中) or closed (已办结) may be drafted from: an unreviewed statistical
 * signal is not something to tell the public.
 */
public final class CommunicationDrafter {

    /** Advice by hazard class, in the words of SAMR's and the provinces' 消费提示. */
    private static final Map<String, String> ADVICE = Map.of(
            "农药残留", "到正规农贸市场、超市选购蔬菜水果，并索要、保存购物凭证；食用前用清水浸泡、反复冲洗，能去皮的去皮，"
                    + "叶菜类可焯水后烹调；不要只挑颜色鲜亮、外观完美的产品。",
            "兽药残留", "到正规市场购买经检验检疫合格的畜禽肉、水产品和蛋类，查看检疫合格证明；烹调时烧熟煮透；"
                    + "不购买来源不明、价格明显偏低的产品。",
            "微生物", "生熟食品分开存放和加工，刀具、砧板生熟分用；食物烧熟煮透，剩饭剩菜及时冷藏并彻底加热后食用；"
                    + "饭前便后洗手。",
            "非法添加", "不购买来源不明、无标签或标签不全、宣称有特殊功效的食品；发现可疑产品请拨打12315举报。",
            "重金属", "饮食多样化，不长期大量食用同一产地、同一种类的食品；选购有合格证明的产品。",
            "生物毒素", "不采摘、不购买、不食用野生蘑菇和来历不明的河豚等水产品；粮油食品注意防潮防霉，发霉变质的食品不要食用。",
            "食品添加剂", "选购时查看标签配料表，选择标识规范的产品；不购买色泽异常鲜艳、来源不明的散装食品。");
    private static final String GENERAL_ADVICE = "到正规场所购买食品并索要、保存购物凭证；查看食品标签和保质期；发现食品安全问题请拨打"
            + "12315投诉举报。";
    private static final String ILLNESS_ADVICE = "注意饮食卫生，生熟分开，食物烧熟煮透；集体聚餐注意食材来源和加工卫生；出现腹泻、呕吐、"
            + "发热等症状请及时就医，并主动告知医生近期饮食情况。";

    private final ZoneId zone;

    public CommunicationDrafter(ZoneId zone) {
        this.zone = zone;
    }

    /** Why the alert may not be drafted from, or empty. */
    public static Optional<String> refusal(Alert alert) {
        if (alert.status() == AlertStatus.OPEN) {
            return Optional.of("alert " + alert.alertId() + " is 待处置: a unit takes it up (处置中) or closes it before "
                    + "anything about it is drafted for the public");
        }
        if (alert.judgement() != null && alert.judgement().withdrawn()) {
            return Optional.of("alert " + alert.alertId() + " was withdrawn: late reports took its evidence away");
        }
        return Optional.empty();
    }

    /** The draft's text as a {@code draft} action's fields (id, by, unit and at are the caller's). */
    public CommunicationAction draft(Alert alert, String kind, String communicationId, LocalDate today) {
        boolean illness = alert.kind() != null && alert.kind().startsWith("illness.");
        String what = subject(alert);
        String district = alert.districtName() != null ? alert.districtName() : "本市";
        String title = illness ? "关于预防" + what + "的风险警示" : "关于" + what + "的" + kind;
        String period = alert.window() == null ? "近期" : alert.window().start().atZoneSameInstant(zone).toLocalDate() + "至"
                + alert.window().end().atZoneSameInstant(zone).toLocalDate();
        String body = illness
                ? period + "，" + district + "报告" + evidenceCount(alert) + "例疑似食源性疾病病例"
                        + (alert.foodName() != null ? "，可疑食品为" + alert.foodName() : "")
                        + "。卫生健康、市场监管部门已开展流行病学调查和现场处置。"
                : period + "，" + district + "在食品安全监督抽检和风险监测中发现" + what
                        + (alert.hazard() != null ? "存在" + alert.hazard() + "问题" : "存在质量安全问题")
                        + (alert.substance() != null ? "（检出" + alert.substance() + "）" : "")
                        + "，涉及" + evidenceCount(alert) + "批次（件）。相关部门已依法开展核查处置。";
        String advice = illness ? ILLNESS_ADVICE : ADVICE.getOrDefault(alert.hazard(), GENERAL_ADVICE);
        String issuer = (alert.districtName() != null ? alert.districtName() : "") + "食品安全委员会办公室";
        return new CommunicationAction(communicationId, CommunicationAction.DRAFT, null, null, null, alert.alertId(),
                alert.districtCode(), alert.districtName(), illness ? "风险警示" : kind, title, body, advice, issuer, today,
                "据预警 " + alert.alertId() + " 起草");
    }

    private static String subject(Alert alert) {
        if (alert.kind() != null && alert.kind().startsWith("illness.")) {
            return "食源性疾病";
        }
        return alert.foodName() != null ? alert.foodName() : alert.foodCategory() != null ? alert.foodCategory() : "相关食品";
    }

    private static int evidenceCount(Alert alert) {
        return Math.max(1, alert.evidence().size());
    }
}
