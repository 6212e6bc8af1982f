#!/usr/bin/env python3
"""Generates the template half of the labelled complaint set (templated.tsv).

Labels come from the slots, by the labelling rule of docs/text-extraction.md, never from the
extractor: each district form below was written with the district it names (forms of towns from
the NBS list, short forms, misspellings), each food with the 大类 a sampling officer would file it
under, each frame says whether the food was bought (its own 大类) or eaten as a catering dish
(餐饮食品, unless a packaged product). Run: python3 generate_templates.py > templated.tsv
"""
import random

random.seed(20261206)

# (form as written, district it names)
DISTRICT_FORMS = [
    ("和平区", "和平区"), ("天津市和平区", "和平区"), ("和平区小白楼", "和平区"), ("五大道街道", "和平区"),
    ("河东区", "河东区"), ("河东区大王庄", "河东区"), ("二号桥街道", "河东区"),
    ("河西区", "河西区"), ("河西区下瓦房", "河西区"), ("梅江街道", "河西区"), ("陈塘庄街道", "河西区"),
    ("南开区", "南开区"), ("南开区王顶堤", "南开区"), ("华苑街道", "南开区"),
    ("河北区", "河北区"), ("天津河北区", "河北区"), ("河北区宁园街道", "河北区"), ("建昌道街道", "河北区"),
    ("红桥区", "红桥区"), ("咸阳北路街道", "红桥区"), ("红桥区芥园街道", "红桥区"),
    ("东丽区", "东丽区"), ("东丽", "东丽区"), ("张贵庄街道", "东丽区"), ("军粮城", "东丽区"),
    ("西青区", "西青区"), ("西青", "西青区"), ("杨柳青镇", "西青区"), ("张家窝镇", "西青区"), ("西青区大寺镇", "西青区"),
    ("津南区", "津南区"), ("津南", "津南区"), ("咸水沽镇", "津南区"), ("八里台镇", "津南区"),
    ("北辰区", "北辰区"), ("北辰", "北辰区"), ("天穆镇", "北辰区"), ("宜兴埠", "北辰区"),
    ("武清区", "武清区"), ("武清", "武清区"), ("杨村街道", "武清区"), ("河西务镇", "武清区"), ("王庆坨镇", "武清区"),
    ("崔黄口", "武清区"),
    ("宝坻区", "宝坻区"), ("宝坻", "宝坻区"), ("大口屯镇", "宝坻区"), ("林亭口镇", "宝坻区"),
    ("滨海新区", "滨海新区"), ("塘沽", "滨海新区"), ("大港", "滨海新区"), ("汉沽", "滨海新区"), ("滨海新区杭州道街道", "滨海新区"),
    ("宁河区", "宁河区"), ("宁河", "宁河区"), ("芦台街道", "宁河区"), ("潘庄镇", "宁河区"),
    ("静海区", "静海区"), ("静海", "静海区"), ("大邱庄镇", "静海区"), ("唐官屯镇", "静海区"),
    ("蓟州区", "蓟州区"), ("蓟州", "蓟州区"), ("蓟县", "蓟州区"), ("马伸桥镇", "蓟州区"), ("下营镇", "蓟州区"),
    ("武青区", "武清区"), ("宝抵区", "宝坻区"),
]

# (food as written, 大类 when bought as a product)
FOODS = [
    ("大米", "粮食加工品"), ("挂面", "粮食加工品"), ("面粉", "粮食加工品"),
    ("花生油", "食用油、油脂及其制品"), ("调和油", "食用油、油脂及其制品"),
    ("酱油", "调味品"), ("陈醋", "调味品"), ("火锅底料", "调味品"),
    ("火腿肠", "肉制品"), ("酱牛肉", "肉制品"), ("烤肠", "肉制品"), ("香肠", "肉制品"),
    ("酸奶", "乳制品"), ("纯牛奶", "乳制品"),
    ("矿泉水", "饮料"), ("果汁", "饮料"),
    ("方便面", "方便食品"), ("自热火锅", "方便食品"),
    ("饼干", "饼干"), ("午餐肉", "罐头"), ("雪糕", "冷冻饮品"), ("速冻水饺", "速冻食品"), ("汤圆", "速冻食品"),
    ("薯片", "薯类和膨化食品"), ("辣条", "薯类和膨化食品"), ("巧克力", "糖果制品"), ("果冻", "糖果制品"),
    ("茶叶", "茶叶及相关制品"), ("白酒", "酒类"), ("啤酒", "酒类"), ("榨菜", "蔬菜制品"), ("果脯", "水果制品"),
    ("瓜子", "炒货食品及坚果制品"), ("皮蛋", "蛋制品"), ("速溶咖啡", "可可及焙烤咖啡产品"), ("红糖", "食糖"),
    ("鱿鱼丝", "水产制品"), ("粉条", "淀粉及淀粉制品"), ("月饼", "糕点"), ("面包", "糕点"), ("蛋糕", "糕点"),
    ("豆腐", "豆制品"), ("腐竹", "豆制品"), ("蜂蜜", "蜂产品"), ("保健品", "保健食品"),
    ("婴儿米粉", "特殊膳食食品"), ("特医食品", "特殊医学用途配方食品"), ("婴儿奶粉", "婴幼儿配方食品"),
    ("食盐", "食盐"), ("小苏打", "食品添加剂"),
    ("韭菜", "食用农产品"), ("猪肉", "食用农产品"), ("鸡蛋", "食用农产品"), ("草鱼", "食用农产品"),
    ("豇豆", "食用农产品"), ("苹果", "食用农产品"), ("小龙虾", "食用农产品"),
]
SHOPS = ["超市", "便利店", "菜市场", "农贸市场", "小卖部", "批发市场", "食品店", "商场"]
PROBLEMS = ["过期了", "发霉了", "有异味", "里面有头发", "包装胀袋", "吃出了虫子", "没有生产日期", "价格标签不符",
            "变质发酸", "疑似假冒"]
SYMPTOMS = ["拉肚子", "呕吐", "头晕恶心", "腹痛"]

# Dishes and places of catering (all 餐饮食品 by the labelling rule).
DISHES = ["外卖", "火锅", "麻辣烫", "盒饭", "奶茶", "烧烤", "炒饭", "煎饼果子", "酸菜鱼", "凉皮", "黄焖鸡", "饭菜"]
PLACES = ["饭店", "餐厅", "饭馆", "火锅店", "快餐店", "小吃店", "面馆", "烧烤店"]

RETAIL = [
    "我在{d}{shop}买的{food}{problem}",
    "{d}一家{shop}卖的{food}{problem}，希望有关部门查一下",
    "投诉：在{d}的{shop}购买了{food}，食用后{symptom}",
    "举报{d}某{shop}销售的{food}{problem}",
    "{d}{shop}的{food}{problem}，已经不是第一次了",
]
CATERING = [
    "我在{d}购买的{dish}有卫生条件问题",
    "在{d}点的{dish}{problem}",
    "{d}一家{place}的{dish}{problem}，后厨很脏",
    "昨天在{d}的{place}吃饭，吃完{symptom}",
    "{d}某{place}卫生条件差，{dish}里有苍蝇",
]
TWO = [  # (template, which slot is the place of purchase)
    ("我家住在{d1}，在{d2}的{shop}买的{food}{problem}", "d2"),
    ("住{d1}，上周去{d2}{shop}购买{food}，回家发现{problem}", "d2"),
    ("在{d2}的{shop}买的{food}，送到{d1}的家里才发现{problem}", "d2"),
]
AMBIGUOUS = ["{d1}和{d2}的{shop}都在卖{problem}的{food}", "{d1}、{d2}两地都有人反映{food}{problem}"]
NO_DISTRICT = ["我在家附近的{shop}买的{food}{problem}", "网购的{food}{problem}，商家不理", "{food}{problem}，要求退货"]
NO_FOOD = ["{d}一家{shop}服务态度差，拒绝退货", "{d}某{shop}无证经营", "{d}的{shop}不开发票"]
TRAP = [  # a district name inside a business's name in quotes; the place of purchase is the other district
    ("在{d2}一家叫「{d1}老字号」的{place}吃饭，{dish}有异味", "餐饮食品"),
    ("在{d2}的“{d1}人家”{shop}买的{food}{problem}", None),
]


def row(text, district, category, note):
    return f"{text}\t{district or '-'}\t{category or '-'}\t{note}"


def full(district_name):
    return district_name


rows = []
for _ in range(95):
    d, dist = random.choice(DISTRICT_FORMS)
    food, cat = random.choice(FOODS)
    rows.append(row(random.choice(RETAIL).format(d=d, shop=random.choice(SHOPS), food=food,
                                                 problem=random.choice(PROBLEMS), symptom=random.choice(SYMPTOMS)),
                    dist, cat, "retail"))
for _ in range(75):
    d, dist = random.choice(DISTRICT_FORMS)
    rows.append(row(random.choice(CATERING).format(d=d, dish=random.choice(DISHES), place=random.choice(PLACES),
                                                   problem=random.choice(PROBLEMS), symptom=random.choice(SYMPTOMS)),
                    dist, "餐饮食品", "catering"))
full_names = sorted({dist for _, dist in DISTRICT_FORMS})
for _ in range(22):
    t, _which = random.choice(TWO)
    d1, d2 = random.sample(full_names, 2)
    food, cat = random.choice(FOODS)
    rows.append(row(t.format(d1=d1, d2=d2, shop=random.choice(SHOPS), food=food, problem=random.choice(PROBLEMS)),
                    d2, cat, "two districts: purchase place wins"))
for _ in range(10):
    d1, d2 = random.sample(full_names, 2)
    food, cat = random.choice(FOODS)
    rows.append(row(random.choice(AMBIGUOUS).format(d1=d1, d2=d2, shop=random.choice(SHOPS), food=food,
                                                    problem=random.choice(PROBLEMS)), None, cat, "two districts: ambiguous"))
for _ in range(15):
    food, cat = random.choice(FOODS)
    rows.append(row(random.choice(NO_DISTRICT).format(shop=random.choice(SHOPS), food=food,
                                                      problem=random.choice(PROBLEMS)), None, cat, "no district"))
for _ in range(12):
    d, dist = random.choice(DISTRICT_FORMS)
    rows.append(row(random.choice(NO_FOOD).format(d=d, shop=random.choice(SHOPS)), dist, None, "no food"))
for _ in range(12):
    t, cat = random.choice(TRAP)
    d1, d2 = random.sample(full_names, 2)
    food, fcat = random.choice(FOODS)
    rows.append(row(t.format(d1=d1.replace("区", ""), d2=d2, place=random.choice(PLACES), dish=random.choice(DISHES),
                             shop=random.choice(SHOPS), food=food, problem=random.choice(PROBLEMS)),
                    d2, cat or fcat, "trap: district name inside a business name"))
print("# Generated by generate_templates.py (seeded); text<TAB>expected district<TAB>expected 大类<TAB>template family")
print("\n".join(rows))
