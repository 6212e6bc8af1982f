package org.foodrisk.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SyndromeInferenceTest {

    @Test
    void neurologicalSignsWinOverVomitingAndDiarrhoeaMarksTheGut() {
        assertEquals("胃肠道", SyndromeInference.fromSymptoms(List.of("腹泻")));
        assertEquals("胃肠道", SyndromeInference.fromSymptoms(List.of("发热", " 呕吐 ")));
        assertEquals("神经系统", SyndromeInference.fromSymptoms(List.of("恶心", "呕吐", "视物模糊")));
        assertEquals("神经系统", SyndromeInference.fromSymptoms(List.of("幻觉")));
        assertNull(SyndromeInference.fromSymptoms(List.of("头晕", "乏力")));
        assertNull(SyndromeInference.fromSymptoms(null));
    }
}
