package org.foodrisk.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.foodrisk.reference.District;
import org.foodrisk.reference.Districts;
import org.foodrisk.reference.FoodCategories;
import org.foodrisk.text.TextExtractor;
import org.foodrisk.text.TextFacts;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Brings a parsed input record to canonical form before it is validated: strings trimmed,
 * blank optional fields removed, enumerated values in the contract's words, district code and
 * name completed from each other, the food category mapped onto the national 大类, and — for
 * complaints and opinion signals, which often carry neither — district and food taken from the
 * text. Fields filled by the service are marked in {@code normalized} so that analysts can tell
 * what the publisher wrote from what was inferred.
 *
 * <p>A conflict the service cannot resolve (a code and a name naming different districts) is
 * returned as an error, never guessed.
 */
final class RecordNormalizer {

    private static final Set<String> ENUM_FIELDS = Set.of("program", "stage", "verdict", "channel", "source");

    private RecordNormalizer() {
    }

    /** Normalizes in place; returns the errors found (empty when the record can go on). */
    static List<String> normalize(InputTopic input, ObjectNode record) {
        trimStrings(record);
        List<String> errors = new ArrayList<>();
        List<String> inferred = new ArrayList<>();
        for (String field : ENUM_FIELDS) {
            JsonNode value = record.get(field);
            if (value != null && value.isTextual()) {
                record.put(field, EnumCanonicalizer.canonical(field, value.asText()));
            }
        }
        JsonNode items = record.get("items");
        if (items instanceof ArrayNode array) {
            for (JsonNode item : array) {
                if (item instanceof ObjectNode object && object.get("hazardClass") != null
                        && object.get("hazardClass").isTextual()) {
                    object.put("hazardClass", EnumCanonicalizer.canonical("hazardClass", object.get("hazardClass").asText()));
                }
            }
        }
        boolean freeText = input == InputTopic.COMPLAINTS || input == InputTopic.OPINION_SIGNALS;
        // Complaints and posts often carry neither district nor food: their text is read once, here.
        TextFacts facts = freeText ? TextExtractor.bundled().extract(joinedText(record)) : null;
        completeDistrict(input, record, errors, inferred, facts);
        completeFood(input, record, inferred, facts);
        if (freeText && !record.hasNonNull("hazardClass") && facts.hazardClass() != null) {
            record.put("hazardClass", facts.hazardClass());
            inferred.add("hazardClass: from text「" + facts.hazardWord() + "」");
        }
        if (freeText && facts.businessName() != null && !record.hasNonNull("enterprise")) {
            // Kept beside, not as, the enterprise: a name read from text is no identity to count repeats on.
            record.put("enterpriseNameInText", facts.businessName());
            inferred.add("enterpriseNameInText: from text「" + facts.businessName() + "」");
        }
        if (!inferred.isEmpty()) {
            ArrayNode marks = record.putArray("normalized");
            inferred.forEach(marks::add);
        }
        return errors;
    }

    private static void completeDistrict(InputTopic input, ObjectNode record, List<String> errors, List<String> inferred,
                                         TextFacts facts) {
        if (hasWrongType(record, "districtCode") || hasWrongType(record, "districtName")) {
            return; // the schema refuses it: completing it would overwrite what the publisher sent
        }
        String code = text(record, "districtCode");
        String name = text(record, "districtName");
        Optional<District> byCode = Districts.byCode(code);
        Optional<District> byName = Districts.byName(name);
        if (byCode.isPresent() && byName.isPresent() && !byCode.get().equals(byName.get())) {
            errors.add("$.districtCode/$.districtName: districtCode " + code + " is " + byCode.get().name()
                    + " but districtName says " + name);
            return;
        }
        if (byCode.isPresent()) {
            District district = byCode.get();
            if (!district.code().equals(code)) {
                inferred.add("districtCode: former code " + code + " → " + district.code());
            }
            record.put("districtCode", district.code());
            if (name == null) {
                inferred.add("districtName: from districtCode");
            }
            record.put("districtName", district.name());
            return;
        }
        if (byName.isPresent()) {
            if (code == null) {
                inferred.add("districtCode: from districtName");
                record.put("districtCode", byName.get().code());
            }
            record.put("districtName", byName.get().name());
            return;
        }
        if (code == null && name == null && facts != null) {
            if (facts.district() != null) {
                record.put("districtCode", facts.district().code());
                record.put("districtName", facts.district().name());
                inferred.add("districtCode, districtName: from text「" + facts.districtWords() + "」");
                if (facts.town() != null && !record.hasNonNull("town")) {
                    record.put("town", facts.town());
                    inferred.add("town: from text「" + facts.districtWords() + "」");
                }
            } else if (facts.ambiguousDistricts() != null) {
                inferred.add("districtCode, districtName: not inferred, the text names "
                        + facts.ambiguousDistricts() + " and none as the place of purchase");
            }
        }
    }

    private static void completeFood(InputTopic input, ObjectNode record, List<String> inferred, TextFacts facts) {
        if (hasWrongType(record, "foodCategory") || hasWrongType(record, "foodName")) {
            return;
        }
        String category = text(record, "foodCategory");
        String foodName = text(record, "foodName");
        if (input == InputTopic.ILLNESS_REPORTS && foodName == null) {
            foodName = text(record, "suspectedFood");
        }
        if (category != null) {
            Optional<String> canonical = FoodCategories.canonical(category);
            if (canonical.isPresent()) {
                if (!canonical.get().equals(category)) {
                    record.put("foodCategoryAsWritten", category);
                    record.put("foodCategory", canonical.get());
                }
                return;
            }
            Optional<String> fromFood = FoodCategories.ofFood(foodName);
            record.put("foodCategoryAsWritten", category);
            record.put("foodCategory", fromFood.orElse("其他"));
            inferred.add("foodCategory: " + category + " is not a national 大类");
            return;
        }
        if (foodName == null && facts != null) {
            if (facts.foodName() != null) {
                foodName = facts.foodName();
                record.put("foodName", foodName);
                inferred.add("foodName: from text「" + foodName + "」");
            }
            if (facts.foodCategory() != null) {
                // A dish of a catering place is 餐饮食品 whatever it is made of (TextExtractor).
                record.put("foodCategory", facts.foodCategory());
                inferred.add("foodCategory: from text「" + facts.categoryWord() + "」");
                return;
            }
        }
        Optional<String> fromFood = FoodCategories.ofFood(foodName);
        if (fromFood.isPresent()) {
            record.put("foodCategory", fromFood.get());
            inferred.add("foodCategory: from food " + foodName);
        }
    }

    private static String joinedText(ObjectNode record) {
        String title = text(record, "title");
        String body = text(record, "text");
        return (title == null ? "" : title + "\n") + (body == null ? "" : body);
    }

    /** Present with a value that is neither text nor null, e.g. {@code "districtCode": 120114}. */
    private static boolean hasWrongType(ObjectNode record, String field) {
        JsonNode node = record.get(field);
        return node != null && !node.isNull() && !node.isTextual();
    }

    private static String text(ObjectNode record, String field) {
        JsonNode node = record.get(field);
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    /** Trims every string; drops top-level string fields that are blank (an empty 抽样单位 means "not given"). */
    private static void trimStrings(ObjectNode object) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        List<String> blank = new ArrayList<>();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                String trimmed = value.asText().strip();
                if (trimmed.isEmpty()) {
                    blank.add(field.getKey());
                } else if (!trimmed.equals(value.asText())) {
                    field.setValue(TextNode.valueOf(trimmed));
                }
            } else if (value instanceof ObjectNode nested) {
                trimStrings(nested);
            } else if (value instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    JsonNode element = array.get(i);
                    if (element.isTextual()) {
                        array.set(i, TextNode.valueOf(element.asText().strip()));
                    } else if (element instanceof ObjectNode nested) {
                        trimStrings(nested);
                    }
                }
            }
        }
        blank.forEach(object::remove);
    }
}
