package org.foodrisk.text;

import org.foodrisk.reference.District;

/**
 * What a complaint or post says, as far as its words tell: each fact with the word that says it
 * (kept as evidence on the record's {@code normalized} marks), or null.
 *
 * @param district       the district the purchase or meal happened in (see {@link TextExtractor} for the rule)
 * @param districtWords  the words that named it (e.g. 西青区, or the town 杨柳青镇)
 * @param ambiguousDistricts the districts the text named when no rule could choose one of them, else null
 * @param town           the 街道/镇/乡 named in that district, as in the NBS list (杨柳青镇), or null
 * @param foodName       the food named, or null
 * @param foodCategory   the national 大类 of what was bought or eaten, or null
 * @param categoryWord   the word the category was taken from (a food, or a catering place such as 饭店)
 * @param hazardClass    the hazard class named, or null
 * @param hazardWord     the word naming it
 * @param businessName   the business named (e.g. 西青区老字号饭店), or null when only a generic one (某超市)
 */
public record TextFacts(District district, String districtWords, String ambiguousDistricts, String town,
                        String foodName, String foodCategory, String categoryWord, String hazardClass,
                        String hazardWord, String businessName) {
}
