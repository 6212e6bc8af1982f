package org.foodrisk.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Precision and recall of district and 大类 extraction over the labelled complaint set
 * (src/test/resources/foodrisk/text: free-form.tsv written by hand, templated.tsv from
 * generate_templates.py). A prediction where the label is "-" counts against precision; a label
 * the extractor misses counts against recall. The floors are set below the figures measured when
 * the set was written (docs/text-extraction.md), so that a change that loses ground fails here.
 */
class TextExtractionAccuracyTest {

    private record Labelled(String text, String district, String category, String note) {
    }

    private static List<Labelled> load(String resource) throws IOException {
        try (InputStream in = TextExtractionAccuracyTest.class.getResourceAsStream(resource)) {
            List<Labelled> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                rows.add(new Labelled(f[0], dash(f[1]), dash(f[2]), f.length > 3 ? f[3] : ""));
            }
            return rows;
        }
    }

    private static String dash(String value) {
        return "-".equals(value.strip()) ? null : value.strip();
    }

    private record Score(int predicted, int labelled, int correct) {
        double precision() {
            return predicted == 0 ? 0 : (double) correct / predicted;
        }

        double recall() {
            return labelled == 0 ? 0 : (double) correct / labelled;
        }
    }

    private static Score score(List<Labelled> rows, List<TextFacts> facts, Function<Labelled, String> expected,
                               Function<TextFacts, String> actual, String what, List<String> misses) {
        int predicted = 0;
        int labelled = 0;
        int correct = 0;
        for (int i = 0; i < rows.size(); i++) {
            String want = expected.apply(rows.get(i));
            String got = actual.apply(facts.get(i));
            predicted += got != null ? 1 : 0;
            labelled += want != null ? 1 : 0;
            if (got != null && got.equals(want)) {
                correct++;
            } else if (got != null || want != null) {
                misses.add(what + ": want " + want + ", got " + got + " ← " + rows.get(i).text());
            }
        }
        return new Score(predicted, labelled, correct);
    }

    @Test
    void districtAndCategoryPrecisionAndRecallOverTheLabelledSet() throws IOException {
        List<Labelled> rows = new ArrayList<>(load("/foodrisk/text/free-form.tsv"));
        int freeForm = rows.size();
        rows.addAll(load("/foodrisk/text/templated.tsv"));
        assertTrue(rows.size() >= 300, "the set has " + rows.size() + " texts");
        TextExtractor extractor = TextExtractor.bundled();
        List<TextFacts> facts = rows.stream().map(r -> extractor.extract(r.text())).toList();
        List<String> misses = new ArrayList<>();
        Score district = score(rows, facts, Labelled::district,
                f -> f.district() == null ? null : f.district().name(), "district", misses);
        Score category = score(rows, facts, Labelled::category, TextFacts::foodCategory, "category", misses);
        List<Labelled> hand = rows.subList(0, freeForm);
        List<String> ignored = new ArrayList<>();
        Score handDistrict = score(hand, facts.subList(0, freeForm), Labelled::district,
                f -> f.district() == null ? null : f.district().name(), "district", ignored);
        Score handCategory = score(hand, facts.subList(0, freeForm), Labelled::category, TextFacts::foodCategory,
                "category", ignored);
        System.out.printf(Locale.ROOT, "Labelled set: %d texts (%d hand-written, %d templated)%n", rows.size(), freeForm,
                rows.size() - freeForm);
        System.out.printf(Locale.ROOT, "district: precision %.3f (%d/%d) recall %.3f (%d/%d)%n", district.precision(),
                district.correct(), district.predicted(), district.recall(), district.correct(), district.labelled());
        System.out.printf(Locale.ROOT, "category: precision %.3f (%d/%d) recall %.3f (%d/%d)%n", category.precision(),
                category.correct(), category.predicted(), category.recall(), category.correct(), category.labelled());
        System.out.printf(Locale.ROOT, "hand-written only: district P %.3f R %.3f, category P %.3f R %.3f%n",
                handDistrict.precision(), handDistrict.recall(), handCategory.precision(), handCategory.recall());
        misses.forEach(m -> System.out.println("  miss " + m));

        assertTrue(district.precision() >= 0.95, "district precision " + district.precision());
        assertTrue(district.recall() >= 0.90, "district recall " + district.recall());
        assertTrue(category.precision() >= 0.90, "category precision " + category.precision());
        assertTrue(category.recall() >= 0.85, "category recall " + category.recall());
        assertTrue(handDistrict.recall() >= 0.80 && handCategory.recall() >= 0.75,
                "the hand-written texts alone: " + handDistrict + " " + handCategory);
    }
}
