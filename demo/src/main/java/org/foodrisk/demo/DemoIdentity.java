package org.foodrisk.demo;

import org.foodrisk.demo.DemoCatalog.District;
import org.foodrisk.demo.DemoCatalog.Pick;

import java.util.SplittableRandom;
import java.util.Arrays;

/**
 * Business identities for the demo: names, 统一社会信用代码 and licence numbers.
 *
 * <p>Credit codes follow GB 32100-2015: registration authority (9 = 市场监管/工商, 1 = 机构编制),
 * entity type (1 企业, 2 个体工商户, 3 农民专业合作社; 2 事业单位 under 1), the 6-digit
 * district code, a 9-character organisation code with its GB 11714 check character, and the
 * GB 32100 check character. They are syntactically valid and invented ("MA" organisation codes,
 * as issued since 2015); names are invented word combinations.
 */
final class DemoIdentity {

    private DemoIdentity() {
    }

    record Enterprise(String name, String creditCode, String licenseNo, String town, String address) {
    }

    /** The kinds of sampled business, each with its own pool per district. */
    enum Kind {
        FARM_VEG(400), FARM_FRUIT(150), FARM_LIVESTOCK(150), FARM_POULTRY(150), FARM_AQUA(150), SLAUGHTER(8),
        PRODUCER(40), RETAIL(1500), MARKET_STALL(1500), RESTAURANT(1500), CANTEEN(300), ONLINE(500), IMPORTER(60),
        RESERVE(3), SCHOOL(200), CATERER(40);

        /** Pool size in a plan district; other districts get a third. Large pools keep accidental
         *  repeat failures of one business (a repeat-offender alert) rare in background traffic. */
        final int poolSize;

        Kind(int poolSize) {
            this.poolSize = poolSize;
        }

        int poolSize(District d) {
            return d.planDistrict() ? poolSize : Math.max(2, poolSize / 3);
        }
    }

    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /**
     * A GB 32100-2015 code from its parts; {@code orgBody} is the 8-character body of the
     * organisation code (its check character is computed).
     */
    static String creditCode(char authority, char type, String areaCode, String orgBody) {
        if (areaCode.length() != 6 || orgBody.length() != 8) {
            throw new IllegalArgumentException("area code 6 and organisation body 8 characters");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = orgBody.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * ORG_WEIGHTS[i];
        }
        int c9 = 11 - sum % 11;
        char orgCheck = c9 == 10 ? 'X' : c9 == 11 ? '0' : (char) ('0' + c9);
        String first17 = "" + authority + type + areaCode + orgBody + orgCheck;
        int total = 0;
        for (int i = 0; i < 17; i++) {
            int v = USCC_CHARS.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a GB 32100 character: " + first17.charAt(i));
            }
            total += v * USCC_WEIGHTS[i];
        }
        int check = (31 - total % 31) % 31;
        return first17 + USCC_CHARS.charAt(check);
    }

    /** True when the 18th character is the GB 32100 check character of the first 17. */
    static boolean validCreditCode(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int total = 0;
        for (int i = 0; i < 17; i++) {
            int v = USCC_CHARS.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            total += v * USCC_WEIGHTS[i];
        }
        return USCC_CHARS.charAt((31 - total % 31) % 31) == code.charAt(17);
    }

    static String randomCreditCode(SplittableRandom rnd, char authority, char type, String areaCode) {
        StringBuilder body = new StringBuilder(authority == '1' ? "MB" : "MA");
        body.append(rnd.nextInt(10));
        while (body.length() < 8) {
            body.append(USCC_CHARS.charAt(rnd.nextInt(USCC_CHARS.length())));
        }
        return creditCode(authority, type, areaCode, body.toString());
    }

    /** 食品经营许可证编号: JY + 主体业态 (1 销售, 2 餐饮, 3 单位食堂) + 区划代码 + 顺序码 + 校验码. */
    static String jyLicense(SplittableRandom rnd, int type, String areaCode) {
        return "JY" + type + areaCode + String.format("%06d", rnd.nextInt(1_000_000)) + rnd.nextInt(10);
    }

    /** 食品生产许可证编号: SC + 食品类别编码 (3) + 区划代码 + 顺序码 (4) + 校验码. */
    static String scLicense(SplittableRandom rnd, String scCode, String areaCode) {
        return "SC" + scCode + areaCode + String.format("%04d", rnd.nextInt(10_000)) + rnd.nextInt(10);
    }

    static String brand(SplittableRandom rnd) {
        String a = Pick.one(rnd, DemoCatalog.BRAND_A);
        String b = Pick.one(rnd, DemoCatalog.BRAND_B);
        if (a.equals(b)) {
            b = DemoCatalog.BRAND_B[(Arrays.asList(DemoCatalog.BRAND_B).indexOf(b) + 1)
                    % DemoCatalog.BRAND_B.length];
        }
        return rnd.nextInt(3) == 0 ? a + b + Pick.one(rnd, DemoCatalog.BRAND_B) : a + b;
    }

    /** 杨村街道 → 杨村, 河西务镇 → 河西务, 孙各庄满族乡 → 孙各庄. */
    static String townShort(String town) {
        if (town == null) {
            return "";
        }
        for (String suffix : new String[]{"满族乡", "街道", "镇", "乡"}) {
            if (town.endsWith(suffix) && town.length() > suffix.length() + 1) {
                return town.substring(0, town.length() - suffix.length());
            }
        }
        return town;
    }

    static String address(SplittableRandom rnd, District d, String town) {
        return "天津市" + d.name() + (town == null ? "" : town) + Pick.one(rnd, DemoCatalog.ROADS)
                + (1 + rnd.nextInt(300)) + "号";
    }

    static String town(SplittableRandom rnd, District d) {
        return d.towns().isEmpty() ? null : Pick.one(rnd, d.towns());
    }

    /**
     * The {@code index}-th business of a kind in a district. The same (seed, district, kind,
     * category, index) is always the same business, so a business sampled twice is recognisable.
     */
    static Enterprise enterprise(long seed, District d, Kind kind, String category, int index) {
        long catHash = category == null ? 0 : category.hashCode();
        SplittableRandom rnd = new SplittableRandom(DemoCatalog.mix(seed, 0xE17E, Long.parseLong(d.code()),
                kind.ordinal(), catHash, index));
        String town = town(rnd, d);
        String ts = townShort(town);
        String dn = d.name();
        String brand = brand(rnd);
        String area = d.code();
        String name;
        char type = '1';
        String license = null;
        switch (kind) {
            case FARM_VEG, FARM_FRUIT -> {
                String crop = kind == Kind.FARM_VEG ? "蔬菜" : "果品";
                int v = rnd.nextInt(3);
                if (v == 0) {
                    name = "天津市" + dn + brand + crop + "种植专业合作社";
                    type = '3';
                } else if (v == 1) {
                    name = dn + ts + brand + "家庭农场";
                    type = '2';
                } else {
                    name = "天津" + brand + "农业科技有限公司";
                }
            }
            case FARM_LIVESTOCK -> {
                if (rnd.nextBoolean()) {
                    name = "天津市" + dn + brand + "养殖场";
                    type = '2';
                } else {
                    name = "天津" + brand + "牧业有限公司";
                }
            }
            case FARM_POULTRY -> {
                if (rnd.nextBoolean()) {
                    name = "天津市" + dn + brand + "蛋鸡养殖场";
                    type = '2';
                } else {
                    name = "天津" + brand + "禽业有限公司";
                }
            }
            case FARM_AQUA -> {
                if (rnd.nextBoolean()) {
                    name = "天津市" + dn + brand + "水产养殖场";
                    type = '2';
                } else {
                    name = "天津市" + dn + brand + "水产养殖专业合作社";
                    type = '3';
                }
            }
            case SLAUGHTER -> name = "天津市" + dn + brand + "肉类加工有限公司";
            case PRODUCER -> {
                DemoCatalog.Category c = DemoCatalog.category(category);
                name = (rnd.nextBoolean() ? "天津" : "天津市" + dn) + brand + c.producerSuffix() + "有限公司";
                license = scLicense(rnd, c.scCode(), area);
            }
            case RETAIL -> {
                int v = rnd.nextInt(3);
                if (v == 0) {
                    name = "天津市" + dn + brand + "超市";
                    type = '2';
                } else if (v == 1) {
                    name = "天津" + brand + "商业连锁有限公司" + (ts.isEmpty() ? dn.replace("区", "") : ts) + "店";
                } else {
                    name = dn + ts + brand + "便利店";
                    type = '2';
                }
                license = jyLicense(rnd, 1, area);
            }
            case MARKET_STALL -> {
                name = dn + ts + brand + "农贸市场" + (1 + rnd.nextInt(80)) + "号摊位（"
                        + Pick.one(rnd, DemoCatalog.SURNAMES) + "某某）";
                type = '2';
            }
            case RESTAURANT -> {
                int v = rnd.nextInt(3);
                if (v == 0) {
                    name = dn + ts + brand + Pick.one(rnd, DemoCatalog.DISHES) + "馆";
                    type = '2';
                } else if (v == 1) {
                    name = "天津市" + dn + brand + "餐饮管理有限公司";
                } else {
                    name = brand + Pick.one(rnd, DemoCatalog.DISHES) + "店（" + (ts.isEmpty() ? dn : ts) + "店）";
                    type = '2';
                }
                license = jyLicense(rnd, 2, area);
            }
            case CANTEEN -> {
                if (rnd.nextInt(3) == 0) {
                    name = dn + ts + brand + "小学食堂";
                } else {
                    name = "天津" + brand + "科技有限公司职工食堂";
                }
                license = jyLicense(rnd, 3, area);
            }
            case ONLINE -> {
                name = "天津" + brand + "电子商务有限公司";
                license = jyLicense(rnd, 1, area);
            }
            case IMPORTER -> {
                name = "天津" + brand + "国际贸易有限公司";
                license = jyLicense(rnd, 1, area);
            }
            case RESERVE -> name = "天津市" + dn + brand + "粮食储备库";
            case SCHOOL -> {
                name = dn + ts + brand + Pick.one(rnd, new String[]{"小学", "中学", "幼儿园", "职业学校"}) + "食堂";
                license = jyLicense(rnd, 3, area);
            }
            case CATERER -> {
                name = "天津市" + dn + brand + "集体用餐配送有限公司";
                license = jyLicense(rnd, 2, area);
            }
            default -> throw new IllegalStateException(kind.name());
        }
        // Schools are 事业单位 (registered by 机构编制, 12…); everything else by 市场监管 (9…).
        String credit = kind == Kind.SCHOOL ? randomCreditCode(rnd, '1', '2', area)
                : randomCreditCode(rnd, '9', type, area);
        return new Enterprise(name, credit, license, town, address(rnd, d, town));
    }
}
