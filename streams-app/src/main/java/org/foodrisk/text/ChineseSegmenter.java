package org.foodrisk.text;

import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.List;
import java.util.Map;

/**
 * Chinese word segmentation with HanLP (com.hankcs:hanlp, portable edition from Maven Central: its
 * dictionaries are in the jar) and a user dictionary of the domain's words (districts, towns, foods,
 * catering places). A segmenter rather than substring search, because single-character and short
 * food words are everywhere inside other words: 姜某 is a surname, 橙色 a colour, 桃园街道 a street,
 * 盐 in 盐城 a city. HanLP's Viterbi segmentation keeps such words whole, and its user dictionary is
 * combined only at word boundaries (no "forcing"), so a domain word counts only where the text has
 * it as a word.
 *
 * <p>The user dictionary is this instance's own ({@link DynamicCustomDictionary}), not HanLP's global
 * one, so that nothing else in the JVM is changed.
 */
final class ChineseSegmenter {

    /** A word of the text with its offset and HanLP's part-of-speech tag (ns place, nis institution …). */
    record Word(String text, int offset, String nature) {
        boolean isPunctuation() {
            return nature.startsWith("w");
        }
    }

    private final Segment segment;

    /** @param userWords word → HanLP nature (e.g. "ns" for a place, "nf" for a food) */
    ChineseSegmenter(Map<String, String> userWords) {
        DynamicCustomDictionary dictionary = new DynamicCustomDictionary();
        // Frequency 1000: common enough that Viterbi keeps the word whole where it stands as a word.
        userWords.forEach((word, nature) -> dictionary.insert(word, nature + " 1000"));
        this.segment = new ViterbiSegment().enableCustomDictionary(dictionary).enableOffset(true);
    }

    List<Word> segment(String text) {
        List<Term> terms = segment.seg(text);
        return terms.stream().map(t -> new Word(t.word, t.offset, t.nature == null ? "x" : t.nature.toString())).toList();
    }
}
