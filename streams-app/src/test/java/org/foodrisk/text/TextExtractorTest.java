package org.foodrisk.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The rules of {@link TextExtractor}, one by one. */
class TextExtractorTest {

    private final TextExtractor extractor = TextExtractor.bundled();

    private String district(String text) {
        TextFacts facts = extractor.extract(text);
        return facts.district() == null ? null : facts.district().name();
    }

    @Test
    void shortFormsTownsAndFormerNamesNameTheirDistrict() {
        assertEquals("西青区", district("在西青点的外卖里有头发"));
        assertEquals("西青区", district("杨柳青一家超市卖过期牛奶"));
        assertEquals("武清区", district("河西务镇小卖部的辣条过期"), "河西务 is 武清区's town, not 河西区");
        assertEquals("滨海新区", district("塘沽一家饭店饭菜不干净"));
        assertEquals("蓟州区", district("在蓟县买的蜂蜜掺了糖浆"));
        assertEquals("宁河区", district("芦台街道一家饭馆后厨脏乱"));
        TextFacts facts = extractor.extract("我在西青区张家窝镇的超市买的酸奶胀袋");
        assertEquals("张家窝镇", facts.town());
    }

    @Test
    void aProvinceOrACommonWordIsNoDistrict() {
        assertNull(district("从河北省进的白菜农药超标"));
        assertNull(district("为了和平与发展，食品安全人人有责"));
        assertEquals("北辰区", district("从河北省进货的白菜在北辰区批发市场销售"));
    }

    @Test
    void twoDistrictsThePlaceOfPurchaseWins() {
        assertEquals("西青区", district("我住在河西区，周末去西青区的超市买了一箱牛奶，打开发现变质"));
        assertEquals("红桥区", district("家住南开区，在红桥区一家饭店吃饭后腹泻"));
        assertEquals("南开区", district("外卖是从南开区一家店点的，送到河西区时饭菜已经馊了"));
    }

    @Test
    void twoDistrictsWithoutAPlaceOfPurchaseAreAmbiguous() {
        TextFacts facts = extractor.extract("武清区和宝坻区的几家超市都在卖同一批问题鸡蛋");
        assertNull(facts.district());
        assertEquals("武清区、宝坻区", facts.ambiguousDistricts());
    }

    @Test
    void aDistrictInsideABusinessNameIsNotThePlace() {
        assertEquals("武清区", district("在武清区一家名叫“西青人家”的饭店吃饭，菜里有虫子"));
        assertNull(district("「西青人家」饭店的菜里有虫子"), "only a business's name: no place");
    }

    @Test
    void aPlaceNameGluedToThePrepositionIsStillFound() {
        // HanLP reads 在建 (under construction) and 在下 (I): the town names end where a word ends.
        assertEquals("河北区", district("我在建昌道街道购买的炒饭有卫生条件问题"));
        assertEquals("蓟州区", district("昨天在下营镇的餐厅吃饭，吃完呕吐"));
    }

    @Test
    void dishesOfACateringPlaceAreCateringFoodPackagedProductsKeepTheirCategory() {
        assertEquals("餐饮食品", extractor.extract("我在西青区购买的外卖有卫生条件问题").foodCategory());
        assertEquals("餐饮食品", extractor.extract("杨柳青镇一家火锅店卫生条件问题严重").foodCategory());
        assertEquals("餐饮食品", extractor.extract("在饭店吃的草鱼有土腥味").foodCategory(), "a fish cooked by a kitchen");
        assertEquals("食用农产品", extractor.extract("在菜市场买的草鱼是死的").foodCategory());
        assertEquals("肉制品", extractor.extract("我在河北区购买的火腿肠有卫生条件问题").foodCategory());
        assertEquals("酒类", extractor.extract("饭店提供的啤酒是假的").foodCategory(), "a packaged product served there");
        assertEquals("餐饮食品", extractor.extract("孩子在学校食堂吃午饭后呕吐").foodCategory());
        assertEquals("餐饮食品", extractor.extract("河东区万达那边的小龙虾馆子，虾都是死的").foodCategory());
    }

    @Test
    void singleCharacterFoodsCountOnlyAsWords() {
        TextFacts facts = extractor.extract("姜某在武清区买的橙色包装的火腿肠过期了");
        assertEquals("火腿肠", facts.foodName(), "姜某 is a person, 橙色 a colour");
        assertNull(extractor.extract("西青区某商场员工服务态度恶劣").foodCategory());
    }

    @Test
    void aNamedBusinessIsKeptAGenericOneIsNot() {
        assertEquals("西青区老字号饭店", extractor.extract("在武清区的西青区老字号饭店吃饭").businessName());
        assertNull(extractor.extract("在西青区某超市买的牛奶过期").businessName());
        assertNull(extractor.extract("杨柳青镇一家火锅店卫生条件问题严重").businessName());
    }

    @Test
    void hazardWordsAreRead() {
        TextFacts facts = extractor.extract("网传武清区某养殖场使用瘦肉精喂羊");
        assertEquals("非法添加", facts.hazardClass());
        assertEquals("瘦肉精", facts.hazardWord());
    }
}
