package org.foodrisk.ingest;

import java.util.List;
import java.util.Set;

/**
 * The clinical syndrome of a case report that names only symptoms, so that cases without a
 * {@code syndrome} can still be judged "similar illness" (the outbreak definition's condition).
 * Following the symptom-first grouping of IAFP's Procedures to Investigate Foodborne Illness
 * (Table B) and FDA's Bad Bug Book appendix: a neurological sign (visual disturbance, paraesthesia,
 * paralysis, hallucination …) marks the neurological group even beside vomiting, since poisonous
 * mushrooms and botulism begin with both; otherwise vomiting, diarrhoea or abdominal pain mark the
 * gastro-intestinal group. Dizziness, fatigue or fever alone say nothing.
 */
public final class SyndromeInference {

    public static final String GASTROINTESTINAL = "胃肠道";
    public static final String NEUROLOGICAL = "神经系统";

    private static final Set<String> NEUROLOGICAL_SIGNS = Set.of("视物模糊", "复视", "幻觉", "抽搐", "昏迷", "麻木",
            "口唇发麻", "口舌麻木", "四肢麻木", "肢体麻木", "吞咽困难", "言语不清", "眼睑下垂", "瞳孔缩小", "流涎",
            "肌无力", "意识障碍", "谵妄", "共济失调", "呼吸肌麻痹", "瘫痪");
    private static final Set<String> GASTROINTESTINAL_SIGNS = Set.of("腹泻", "呕吐", "腹痛", "恶心", "腹胀",
            "水样便", "黏液便", "脓血便", "便血", "里急后重");

    private SyndromeInference() {
    }

    /** 神经系统, 胃肠道 or null when the symptoms do not tell. */
    public static String fromSymptoms(List<String> symptoms) {
        if (symptoms == null) {
            return null;
        }
        boolean gastro = false;
        for (String raw : symptoms) {
            if (raw == null) {
                continue;
            }
            String symptom = raw.strip();
            if (NEUROLOGICAL_SIGNS.contains(symptom)) {
                return NEUROLOGICAL;
            }
            gastro |= GASTROINTESTINAL_SIGNS.contains(symptom);
        }
        return gastro ? GASTROINTESTINAL : null;
    }
}
