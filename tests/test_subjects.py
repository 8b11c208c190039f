"""Figure subjects (territory or organization) through the production path: `extract_page` with
real NLP, and `process_document` for the document- and paragraph-level defaults."""

from __future__ import annotations

import pytest

from pipeline.extract import extract_page
from pipeline.extract.territories import find_organizations
from pipeline.ingest import process_document


def subject(text: str, quote: str) -> tuple:
    facts = extract_page(text)
    found = [f for f in facts.figures if text[f.char_start : f.char_end].endswith(quote)]
    assert found, [text[f.char_start : f.char_end] for f in facts.figures]
    return found[0].subject, found[0].subject_code, found[0].subject_type


def test_an_organization_in_the_clause_is_the_subject():
    text = (
        'В Железногорском районе компанией ООО "Агропромкомплектация-Курск" введен в эксплуатацию '
        "комплекс по производству комбикормов мощностью 230 тыс. тонн в год и элеватор на 150 тыс. тонн."
    )
    for quote in ("230 тыс. тонн", "150 тыс. тонн"):
        assert subject(text, quote) == ("Агропромкомплектация-Курск", None, "org")


def test_an_organization_right_after_the_figure_but_not_in_the_next_clause():
    text = (
        "В регионе реализован крупный проект - цех по переработке молока мощностью 130 тонн в смену "
        '(ГК "Курское молоко") в Курске, а также введены в эксплуатацию 3 цеха по переработке в Курске.'
    )
    assert subject(text, "130 тонн") == ("Курское молоко", None, "org")
    # a city carries its federal subject's code; its name stays the subject
    assert subject(text, "3 цеха") == ("Курск", "RU-KRS", "city")


def test_the_previous_sentence_organization_when_the_sentence_names_none():
    text = (
        'Начал работу комбикормовый цех ООО "Псельское" мощностью 124 тыс. тонн в год. '
        "Объем инвестиций составил порядка 3,1 млрд. рублей."
    )
    assert subject(text, "3,1 млрд. рублей") == ("Псельское", None, "org")


def test_a_projects_figures_are_the_organization_its_line_names_in_a_role():
    text = (
        "Наиболее крупные проекты:\n"
        '2) "Комплекс переработки радиоактивных отходов (КП РАО) Курской АЭС". Объем инвестиций - 25,1 млрд. '
        'рублей. Инициатор - Филиал АО "Концерн Росэнергоатом" "Курская атомная станция;\n'
        '3) "Строительство дробильно-конвейерного комплекса на северо-восточном и юго-восточном борту '
        'карьера". Объем инвестиций - 13,9 млрд. рублей. Инициатор - АО "Михайловский ГОК им. А.В. Варичева";'
    )  # Инвестиционная декларация Курской области 2022, p. 17
    assert subject(text, "13,9 млрд. рублей") == ("Михайловский ГОК им. А.В. Варичева", None, "org")
    assert subject(text, "25,1 млрд. рублей") == ("Концерн Росэнергоатом", None, "org")


def test_a_foreign_district_has_its_country_code():
    text = "Всего в Пудуне насчитывается 1711 высокотехнологичных предприятий."
    assert subject(text, "1711 высокотехнологичных предприятий") == ("Пудун", "CN", "city")


def test_a_territory_after_the_figure_that_owns_its_measure():
    text = (
        "Отрасли достигли производства, что составляет 40,4% общего объема промышленного производства Пудуна."
    )
    assert subject(text, "40,4%")[1] == "CN"
    whole = "Инвестиции сократились более чем на 15% в Курской области; 13,5% - в целом по России."
    assert subject(whole, "13,5%")[1] == "RU"


def test_a_destination_a_source_or_a_comparison_group_is_not_the_subject():
    text = "Доля продукции в общем объеме экспорта России в Китай составила 5,9%."
    assert subject(text, "5,9%")[1] == "RU"
    group = "Объем инвестиций в экономику региона минимальный среди регионов ЦФО (1 - 4 млн. долл. ежегодно)."
    assert subject(group, "4 млн. долл.")[1] is None
    member = (
        "Область входит в состав Центрального федерального округа и включает в себя 347 муниципальных "
        "образований."
    )  # the district the region belongs to is no subject of the region's count
    assert subject(member, "347 муниципальных образований")[1] is None


def test_mutual_trade_takes_the_pair_named_before():
    text = (
        "По итогам 2019 г. товарооборот между РФ и КНР вырос на 3,4%. "
        "К 2024 г. планируется выйти на уровень 200 млрд. долл. взаимного товарооборота."
    )
    assert subject(text, "200 млрд. долл.")[1:] == ("RU;CN", "pair")


def test_nested_quotes_and_bank_abbreviations_in_organization_names():
    text = 'ООО "УК "Агро-Инвест", ОАО АКБ "Авангард", ООО "Грибная радуга"'
    assert [o.territory.name for o in find_organizations(text)] == [
        "УК Агро-Инвест",
        "АКБ Авангард",
        "Грибная радуга",
    ]


def test_an_organization_named_in_low_high_quotes_is_the_subject():
    """„…“ closes a company's name as «…» does (`lexicon.QUOTE_PAIRS`): ООО „Мираторг“ produced the meat."""
    text = "В 2019 году ООО „Мираторг“ произвело 500 тыс. тонн мяса."
    assert subject(text, "500 тыс. тонн") == ("Мираторг", None, "org")


def test_paragraph_country_in_a_document_about_several(tmp_path):
    pages = [
        "Опыт России и Китая в кластерной политике. Россия и Китай реализуют совместные проекты.",
        "Сегодня в КНР уже создано более 1300 кластеров. В их системе занято более 560 тыс. работников.\n"
        "Продукция производителей занимает не менее 7% рынка.",
    ]
    path = tmp_path / "two.txt"
    path.write_text("\f".join(pages), encoding="utf-8")
    rows = {r["quote"]: r for r in process_document(path).rows["figures"]}
    assert rows["более 560 тыс. работников"]["subject_code"] == "CN"  # КНР, earlier in its paragraph
    assert rows["не менее 7%"]["subject_code"] is None  # a new paragraph names no country


def test_a_list_of_regions_and_respectively():
    text = (
        "Цены снизились в том числе в Курской области - на 26,0%, Республике Ингушетия, Hижегородской, "
        "Самарской и Московской областях - на 20,1-21,9%. Вместе с тем в Хабаровском и Приморском краях "
        "прирост цен составил 0,9% и 0,2% соответственно."
    )
    assert subject(text, "26,0%")[1] == "RU-KRS"
    # "Hижегородской" is spelled with a Latin H in the Rosstat bulletin
    assert subject(text, "20,1-21,9%")[1:] == ("RU-IN;RU-NIZ;RU-SAM;RU-MOS", "group")
    assert subject(text, "0,9%")[1] == "RU-KHA"
    assert subject(text, "0,2%")[1] == "RU-PRI"


def test_a_bracket_of_figures_respectively_after_regions_sharing_one_head_noun():
    text = (
        "Больше всего выросли цены в Орловской, Липецкой и Брянской областях (8,1%, 7,7% и 7,2% "
        "соответственно)."
    )
    assert [subject(text, q)[1] for q in ("8,1%", "7,7%", "7,2%")] == ["RU-ORL", "RU-LIP", "RU-BRY"]


def test_a_counted_set_of_regions_is_the_subject_until_one_is_named():
    text = (
        "При этом в 35 субъектах цены на нее снизились на 16,0% и более, в том числе в Курской области "
        "- на 26,0%."
    )
    assert subject(text, "16,0%") == ("35 субъектов", None, "group")
    assert subject(text, "26,0%")[1] == "RU-KRS"


def test_the_partner_of_an_export_is_not_the_subject():
    # Kursk export strategy, p. 22: shares in the export to a country, a list of partner countries
    share = (
        "Наибольшая доля в экспорте на Украину приходится на пластмассы и изделия из них (34%), "
        "свинец и изделия из него (14%)."
    )
    assert subject(share, "34%")[1] is None
    assert subject(share, "14%")[1] is None
    partners = (
        "Наиболее динамично экспортные поставки расширяются в следующие страны: Франция (за период "
        "2016 - 2018 гг. среднегодовой темп роста экспорта составил более 900%), Египет (621%), "
        "Португалия и Хорватия (по 171%)."
    )
    for quote in ("900%", "621%", "171%"):
        assert subject(partners, quote)[1] is None
    exporter = "В структуре экспорта Курской области в Латвию наибольшую долю занимают злаки (94%)."
    assert subject(exporter, "94%")[1] == "RU-KRS"


@pytest.mark.parametrize(
    ("text", "quote", "code"),
    [
        ("Также среди стран со стабильно растущим объемом экспорта продукции Курской области находятся "
         "Узбекистан (среднегодовой темп роста 175%).", "175%", "RU-KRS"),
        ("У других регионов ЦФО диверсификация экспортного портфеля выше - у Московской области основным "
         "импортером является Германия (24,6%), у Ярославской - Беларусь (39,3%).", "39,3%", "RU-YAR"),
        ("Товарооборот между Россией и Китаем вырос на 5%.", "5%", "RU;CN"),  # mutual trade: both
        ("Товарооборот России и Индии за год вырос на 7%.", "7%", "RU;IN"),  # the trade of two countries
        ("Экспорт Китая в Россию составил 50 млрд. долл. США.", "50 млрд. долл. США", "CN"),  # the exporter
    ],
)  # fmt: skip
def test_a_foreign_country_in_a_russian_traders_sentence_is_its_partner(text, quote, code):
    assert subject(text, quote)[1] == code


def test_a_nationwide_figure_is_russia():
    text = "Данный уровень близок к общероссийскому показателю, который в 2017 году составил 55,1%."
    assert subject(text, "55,1%")[1:] == ("RU", "country")


def test_the_world_is_a_subject_without_a_code_but_not_the_denominator_of_a_share():
    assert subject("В 2015 году численность мигрантов в мире достигла 243,7 млн чел.", "243,7 млн чел.") == (
        "мир",
        None,
        "group",
    )
    assert subject("Мировой ВВП в 2019 году вырос на 2,9%.", "2,9%")[1:] == (None, "group")
    assert subject("Мировоззрение 40% опрошенных изменилось.", "40%")[0] != "мир"
    assert subject("Доля России в мировом экспорте зерна составляет 20%.", "20%")[1] == "RU"
    share = "Продукция китайских производителей занимает не менее 7% мирового рынка."
    assert subject(share, "7%")[1] == "CN"
    assert subject("Доля в мировом экспорте составляет 2%.", "2%")[2] is None  # the document's own
    # NEREL: a percentage of world reserves, then of world production: the world is the whole
    whole = (
        "Им принадлежит 73 процента мировых запасов газа, при этом они обеспечивают 42 процента его "
        "мировой добычи."
    )
    assert subject(whole, "42 процента")[2] is None


def test_a_nationwide_adjective_only_in_the_figures_own_phrase():
    # Kursk strategy, p. 11 (a comparison base) and p. 5 (the whole of a share)
    base = (
        "В 2008 - 2009 гг. падение инвестиционной активности по Курской области было более существенным "
        "по сравнению с общероссийскими показателями (более чем на 15% в 2009 году по сравнению "
        "с 2008 годом)."
    )
    assert subject(base, "более чем на 15%")[1] == "RU-KRS"
    share = (
        "Комбинат производит около 20% отечественного железорудного сырья, на его долю приходится 25% "
        "общероссийского производства окатышей."
    )
    assert subject(share, "25%")[1] != "RU"


def test_a_partner_after_s_is_not_the_subject():
    assert subject("Товарооборот с Китаем в 2019 году вырос на 3,4%.", "3,4%")[1] is None
    # NEREL: a party "known for its ties with Moscow" is not about Moscow
    text = "«Центристская партия», известная связями с Москвой, заняла второе место с 24,8 % голосов."
    assert subject(text, "24,8 %") == (None, None, None)


def test_territories_in_general_are_a_group_without_a_code():
    assert subject("В развитых странах доля мигрантов в населении превышает 10%.", "10%") == (
        "развитые страны",
        None,
        "group",
    )
    most = "В большинстве регионов России средняя заработная плата выросла на 5%."
    assert subject(most, "5%")[1] == "RU"  # the regions of a named country: that country
    assert subject("В ряде стран безработица достигла 20%.", "20%")[:2] == ("ряд стран", None)
    # a migration paper's statement about regions in general, not about the document's country
    model = "Для регионов с высоким уровнем безработицы отток мигрантов в 1,35 раза выше."
    assert subject(model, "в 1,35 раза")[:2] == ("регионы", None)


def test_the_share_of_a_partner_in_a_named_traders_trade_is_the_traders():
    # Kursk export strategy, p. 38
    text = "В объеме экспорта Курской области доля Беларуси равна 2,84%."
    assert subject(text, "2,84%")[1] == "RU-KRS"
    assert subject("На Китай приходится 18% товарооборота России.", "18%")[1] == "RU"
    # no trader named: the country's own share of the world's export
    assert subject("Доля Китая в мировом экспорте составляет 13%.", "13%")[1] == "CN"
    # not trade: Moscow's own share of the country's product
    assert subject("На Москву приходится 20% ВРП страны.", "20%")[1] == "RU-MOW"


def test_the_country_of_a_source_is_not_the_subject():
    # NEREL: the Swiss magazine is the source of a Swedish founder's fortune
    text = "В июне швейцарский журнал Bilan оценивал состояние основателя IKEA в 37,5 миллиарда долларов."
    assert subject(text, "37,5 миллиарда долларов")[1] != "CH"
    experts = "Российские эксперты оценивают рост экспорта Китая в 2019 году в 5%."
    assert subject(experts, "5%")[1] == "CN"


def test_partners_in_a_dashed_list_and_a_regions_part_of_the_countrys_export():
    # Kursk export strategy, pp. 36, 37 and 23
    dashed = (
        "Поставки осуществляются в 2 страны - Украину и Узбекистан, при этом доля Украины составляет 99,88%."
    )
    assert subject(dashed, "99,88%") == (None, None, None)  # the document's region
    part = (
        "По экспортным поставкам прочих резиновых изделий на долю Курской области приходится 4,6% "
        "экспорта Российской Федерации."
    )
    assert subject(part, "4,6%")[1] == "RU-KRS"
    basket = (
        "Среднее количество единиц продукции в экспортной корзине для этих стран составляет "
        "97 товарных групп."
    )
    assert subject(basket, "97 товарных групп")[2] is None


def test_each_region_takes_the_figure_in_brackets_after_it():
    text = (
        "Соотношение объема экспорта к ВРП - 9,4% в 2017 году, что выше показателя в Орловской (6%), "
        "Брянской (5,2%) и Воронежской (8,9%) областях, но ниже, чем в Смоленской (22,7%) областях."
    )
    expected = {"6%": "RU-ORL", "5,2%": "RU-BRY", "8,9%": "RU-VOR", "22,7%": "RU-SMO"}
    assert {q: subject(text, q)[1] for q in expected} == expected


def test_respectively_before_the_figures_gives_each_region_its_figure():
    text = (
        "Доля несырьевого экспорта в Орловской, Воронежской, Смоленской и Брянской областях равны "
        "соответственно 99%, 98%, 93% и 94% по итогам 2018 года."
    )
    expected = {"99%": "RU-ORL", "98%": "RU-VOR", "93%": "RU-SMO", "94%": "RU-BRY"}
    assert {q: subject(text, q)[1] for q in expected} == expected


def test_a_counted_set_of_regions_is_the_country_and_its_figures_the_set():
    count = (
        "Экономика Курской области диверсифицирована - только в 18 субъектах Российской Федерации "
        "экономика более диверсифицирована, чем в Курской области."
    )
    assert subject(count, "18 субъектах")[1] == "RU"
    prices = (
        "В августе 2017г. в 72 субъектах Российской Федерации (кроме автономных округов) "
        "потребительские товары и услуги подешевели на 0,1-1,3%."
    )
    assert subject(prices, "0,1-1,3%")[1:] == (None, "group")


def test_a_benchmark_a_share_whole_or_an_outpaced_level_is_not_the_subject():
    benchmark = "Развитие экспорта до лучших практик ЦФО позволит увеличить экспорт на 338 млн. долл. США."
    whole = "Их доля в числе экспортно-ориентированных МСП, зарегистрированных в ЦФО, составляет 2,8%."
    outpaced = (
        'Портфель товаров, "обгоняющих" по темпам роста уровень Российской Федерации, составил '
        "467,3 млн. долл. США."
    )
    assert subject(benchmark, "338 млн. долл. США")[1] is None  # the document's territory applies
    assert subject(whole, "2,8%")[1] is None
    assert subject(outpaced, "467,3 млн. долл. США")[1] is None
    by_whole = (
        "Ярославская область сохраняет ведущие позиции в производстве (от общего объема по Российской "
        "Федерации): льняных тканей – 31%, фанеры – 8%."
    )
    assert subject(by_whole, "8%")[1] == "RU-YAR"  # "от общего объема по …" names the whole
    located = "Доля экспорта в общем объеме поставок в Орловской, Брянской областях равна 90%."
    assert subject(located, "90%")[1] == "RU-ORL;RU-BRY"


def test_a_list_of_figures_as_long_as_the_list_of_regions_is_respective():
    text = "Наибольшее снижение цен отмечено в Республике Калмыкия и Тверской области - на 1,3% и 1,2%."
    assert (subject(text, "1,3%")[1], subject(text, "1,2%")[1]) == ("RU-KL", "RU-TVE")
    one = "В Республике Калмыкия и Тверской области цены снизились на 1,3%."
    assert subject(one, "1,3%")[1:] == ("RU-KL;RU-TVE", "group")


def test_a_share_whole_a_comparison_base_and_an_exporter():
    share = "Доля Курской области в экспорте России составляет 0,5%."
    assert subject(share, "0,5%")[1] == "RU-KRS"
    compared = "Инвестиции в Курской области в 2 раза выше, чем в Белгородской, и составили 50 млрд. рублей."
    assert subject(compared, "50 млрд. рублей")[1] == "RU-KRS"
    exporter = "Экспорт из Орловской области в Беларусь составил 100 млн. долл. США."
    assert subject(exporter, "100 млн. долл. США")[1] == "RU-ORL"
    importer = "Импорт России из Китая составил 50 млрд. долл. США."
    assert subject(importer, "50 млрд. долл. США")[1] == "RU"


def test_a_count_of_federal_subjects_is_russia_and_a_distance_is_no_benchmark():
    text = "Снижение числа родившихся (в 83 субъектах Российской Федерации) и числа умерших (в 73 субъектах)."
    assert (subject(text, "83 субъектах")[1], subject(text, "73 субъектах")[1]) == ("RU", "RU")
    distance = 'Проходит ветка "Курск - Воронеж" (до грузовой станции Курск не более 6 км).'
    assert subject(distance, "6 км")[1] == "RU-KRS"


QUOTES = ("35000 человек", "12 школ")


def test_a_districts_programme_is_about_the_district_in_its_region(tmp_path):
    text = (
        "Прогноз социально-экономического развития Асиновского района Томской области\n"
        "Прогноз разработан в соответствии с Бюджетным кодексом Российской Федерации и постановлением "
        "Правительства Российской Федерации. Анализ ситуации в Асиновском районе основан на данных "
        "статистики.\n"
        "Численность населения составила 35000 человек. В Асиновском районе действует 12 школ. "
        "Среднемесячная заработная плата в России составила 36700 рублей."
    )
    rows = _figure_rows(tmp_path / "asino.txt", text)
    got = [(rows[q]["subject"], rows[q]["subject_code"], rows[q]["subject_type"]) for q in QUOTES]
    assert got == [("Асиновский район", "RU-TOM", "municipality")] * 2
    assert rows["36700 рублей"]["subject_code"] == "RU"  # a figure about Russia stays Russia's


def test_districts_joined_under_one_plural_noun_are_a_group():
    text = "Объем отгруженной продукции Томского и Асиновского районов в 2016 году составил 500 млн. рублей."
    # both lie in Томская область (districts.csv)
    assert subject(text, "500 млн. рублей") == ("Томский район, Асиновский район", "RU-TOM", "group")


def test_a_municipality_in_the_sentence_is_the_subject():
    text = "В Томском районе введено 120 тыс. кв. м жилья."
    assert subject(text, "120 тыс. кв. м") == ("Томский район", "RU-TOM", "municipality")
    text = "Правительство Российской Федерации выделило 5 млн. рублей на ремонт школ."
    assert subject(text, "5 млн. рублей")[1] != "RU"


def test_a_territory_after_a_comma_does_not_own_the_figure():
    text = (
        "Объем инвестиций в 2015 году составил 1453,6 млн. руб., причиной явилось замедление темпов "
        "развития российской экономики."
    )
    assert subject(text, "1453,6 млн. руб.") == (None, None, None)
    text = "Поставки осуществляются в 2 страны - Украину и Узбекистан, при этом доля Украины - 99,88%."
    assert subject(text, "2 страны")[1] != "UA"


def _document_rows(tmp_path, name: str, text: str) -> dict[str, dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return {r["quote"]: r for r in process_document(path).rows["figures"]}


def test_a_district_in_a_capitals_heading_takes_the_region_after_it(tmp_path):
    text = (
        "АДМИНИСТРАЦИЯ ЛЕБЯЖЬЕВСКОГО РАЙОНА  ТВЕРСКОЙ ОБЛАСТИ\n"  # the region stated once, after it
        "О муниципальной программе Лебяжьевского района. Программа Лебяжьевского района принята. "
        "Тюменская области и Курганская область упомянуты.\n"
        "Объем финансирования составит 50 тысяч рублей."
    )
    row = _document_rows(tmp_path, "heading.txt", text)["50 тысяч рублей"]
    assert (row["subject"], row["subject_code"], row["subject_type"]) == (
        "Лебяжьевский район", "RU-TVE", "municipality"
    )  # fmt: skip


def test_a_district_named_without_its_region_takes_it_from_the_district_list(tmp_path):
    text = (
        "повышение уровня информированности населения Юргамышского района.\n"
        "Раздел VII. Программа Юргамышского района. Исполнители представляют информацию в "
        "Администрацию Юргамышского района.\nНа учете состояло 34 взрослых граждан района."
    )
    row = _document_rows(tmp_path, "part.txt", text)["34 взрослых граждан"]
    assert (row["subject"], row["subject_code"]) == ("Юргамышский район", "RU-KGN")
    text = "Повысить уровень защищенности населения муниципального района «Прилузский» до 95 %."
    assert subject(text, "до 95 %")[:2] == ("Прилузский район", "RU-KO")


def test_a_basis_a_village_or_an_organization_among_several_is_not_the_subject():
    text = (
        "В соответствии со сценарными условиями развития Российской Федерации на 2018 год, "
        "индекс производства составит в 2018 г. – 101,2 %."
    )
    assert subject(text, "101,2 %")[1] != "RU"
    text = "Построены очистные сооружения (п. Мирный, с. Томское) и 5,03 км водопроводных сетей."
    assert subject(text, "5,03 км")[1] != "RU-TOM"
    text = (
        "Ликвидированы ООО «Тандем», ООО «Лесторг», исключены из реестра 4 хозяйствующих субъекта. "
        "Реконструкция комплекса «Томский» (инвестор – АО «Сибирская Аграрная Группа»); ферма "
        "(инвестор – ООО «Спас»). Комплекс будет содержать 3000 мясных коров."
    )
    assert subject(text, "4 хозяйствующих субъекта")[2] != "org"
    assert subject(text, "3000 мясных коров")[2] != "org"
    text = (
        "В соответствии с заключенным в 2022 году концессионным соглашением в 2023 году в г. Курске "
        "начнется строительство школы на 1600 мест."
    )
    assert subject(text, "1600 мест")[:2] == ("Курск", "RU-KRS")  # a place after the basis is its own


def test_a_region_in_a_programmes_quoted_title_is_not_the_subject(tmp_path):
    text = (
        "Прогноз социально-экономического развития Томского района\n"
        "Прогноз Томского района разработан администрацией Томского района.\n"
        "Финансирование выросло за счёт выделения областной субсидии в рамках государственной "
        "программы «Развитие транспортной системы в Томской области» в размере 76600 тыс. руб."
    )
    row = _document_rows(tmp_path, "tomsk.txt", text)["76600 тыс. руб."]
    assert (row["subject"], row["subject_code"]) == ("Томский район", "RU-TOM")


def test_a_region_right_after_a_district_locates_it():
    text = "Прогноз развития Лебяжьевского муниципального района Тверской области разработан в 3 вариантах."
    assert subject(text, "3 вариантах") == ("Лебяжьевский район", "RU-TVE", "municipality")


def test_an_excluded_territory_is_not_the_subject():
    text = "Всего в Российской империи за исключением Финляндии в 1897 году проживало 129,2 млн. человек."
    assert subject(text, "129,2 млн. человек")[1] == "RU"


def test_schools_hospitals_and_farms_are_organizations_with_spaced_quotes_too():
    text = "Круглосуточный стационар ОГБУЗ «Асиновкая РБ» выполнил план по койко-дням на 97% в целом."
    assert subject(text, "97%") == ("Асиновкая РБ", None, "org")
    text = "Введено 506 мест: МАОУ «Копыловская СОШ» на 70 мест; МБДОУ «Детский сад с. Батурино» на 20 мест."
    assert subject(text, "70 мест")[::2] == ("Копыловская СОШ", "org")
    assert subject(text, "20 мест")[::2] == ("Детский сад с. Батурино", "org")
    text = "Численность трудовых ресурсов составляет 296 человек , в том числе ООО « Шахтер » 132 человек ."
    assert subject(text, "132 человек")[::2] == ("Шахтер", "org")
    assert subject(text, "296 человек")[2] != "org"  # an organization after a comma is not its own
    text = "- реконструкция комплекса на 1 650 голов в с. Турунтаево (инвестор – ООО «Спас», сроки – 2016)."
    assert subject(text, "1 650 голов")[::2] == ("Спас", "org")


@pytest.mark.parametrize(
    ("quote", "code"),
    [
        ("0,4%", "RU"),  # "ВВП": only a country has it
        ("около 1,8 процента", "RU"),
        ("112,4 млн. рублей", "RU-TVE"),  # the district's own figure
        ("5,2 млрд. рублей", "RU-TVE"),  # "ВВП" only after it: its share's whole
    ],
)
def test_a_countrys_measure_in_a_districts_document_is_the_countrys(tmp_path, quote, code):
    text = (
        "АДМИНИСТРАЦИЯ ЛЕБЯЖЬЕВСКОГО РАЙОНА  ТВЕРСКОЙ ОБЛАСТИ\n"
        "Прогноз социально-экономического развития Лебяжьевского района на 2019 - 2021 годы.\n"
        "Ожидается, что рост ВВП в 2019 году не превысит 0,4%.\n"
        "Темпы роста валового внутреннего продукта приблизятся к потенциальным (около 1,8 процента).\n"
        "Объем отгруженной продукции района в 2019 году составит 112,4 млн. рублей.\n"
        "Валовой продукт района в 2018 году составил 5,2 млрд. рублей (0,01% от ВВП России)."
    )
    assert _document_rows(tmp_path, "forecast.txt", text)[quote]["subject_code"] == code


@pytest.mark.parametrize(
    ("quote", "code"),
    [
        ("4,2%", "RU"),  # after the rouble's course: the country's inflation
        ("3,9 процента", "RU"),  # the target level of inflation is the Bank of Russia's
        ("до 2,8%", "RU"),  # the Ministry's forecast
        ("3,6%", "RU-TVE"),  # the district's own inflation estimate
    ],
)
def test_a_countrys_economic_policy_in_a_districts_document_is_the_countrys(tmp_path, quote, code):
    """A figure after a phrase of the country's economic policy (`lexicon.NATIONAL_POLICY_CUES`: the
    rouble's course, the inflation target, the Ministry, monetary policy) in a sentence naming no
    territory is the country's; without one the document's territory stays."""
    text = (
        "АДМИНИСТРАЦИЯ ЛЕБЯЖЬЕВСКОГО РАЙОНА  ТВЕРСКОЙ ОБЛАСТИ\n"
        "Прогноз социально-экономического развития Лебяжьевского района на 2019 - 2021 годы.\n"
        "На фоне ослабления рубля прогнозируется, что инфляция в 2019 году составит 4,2%.\n"
        "Ожидается, что инфляция достигнет целевого уровня в мае, а в декабре 2019 года составит "
        "3,9 процента.\n"
        "Предлагаемый Минэкономразвития России комплекс мер обеспечит рост экономики до 2,8% в 2021 году.\n"
        "Уровень инфляции на конец 2019 года, по оценке, составит 3,6%."
    )
    assert _document_rows(tmp_path, "forecast.txt", text)[quote]["subject_code"] == code


def test_a_datasets_size_takes_no_territory_of_the_document(tmp_path):
    """The document's territory is the subject of its figures that name none, but not of the size of
    a file or a dataset ("200 Гб"): a territory has no such measure."""
    from pipeline.ingest import process_document

    path = tmp_path / "strategy.txt"
    path.write_text(
        "Стратегия социально-экономического развития Курской области\n\n"
        "Инвестиции в основной капитал составили 50 млрд. рублей. Объём исходных данных – около 200 Гб.\n",
        encoding="utf-8",
    )
    rows = {r["quote"]: r for r in process_document(path).rows["figures"]}
    assert rows["50 млрд. рублей"]["subject_code"] == "RU-KRS"
    assert rows["около 200 Гб"]["subject_code"] is None and rows["около 200 Гб"]["subject"] is None


_SHIPPED = (
    "Больше всего продукции было поставлено Брянской областью в Польшу (48 млн. долл. США), "
    "Словакию (31,5 млн. долл. США) и Чехию (12 млн. долл. США)."
)


@pytest.mark.parametrize(
    ("text", "quote", "code"),
    [
        # a country in the accusative after "в"/"на", or joined to one, is a destination
        ("Экспорт области во Францию рос в среднем в 2,1 раза, в Бельгию - в 1,8 раза.", "в 1,8 раза", None),
        ("Поездки в Египет и Турцию подешевели на 2,4% и 0,8% соответственно.", "0,8%", None),
        ("Поставки на Украину сократились на 12%.", "12%", None),
        # ... also with the amount sent there in brackets, the exporter named before
        (_SHIPPED, "48 млн. долл. США", "RU-BRY"),
        (_SHIPPED, "31,5 млн. долл. США", "RU-BRY"),
        # ... in the locative a place
        ("В Турции цены на туристические услуги выросли на 3,1%.", "3,1%", "TR"),
    ],
)  # fmt: skip
def test_a_country_something_goes_to_is_not_the_subject(text, quote, code):
    assert subject(text, quote)[1] == code


def test_a_count_of_a_methods_units_takes_no_territory_nor_year(tmp_path):
    """ "27 признаков", "10 вопросов": the units of a study's method (`lexicon.METHOD_COUNTED_NOUNS`)
    are no territory's and of no reporting year; the region's own figures keep both."""
    text = (
        "Стратегия социально-экономического развития Курской области\n\n"
        "В 2019 году объем инвестиций в основной капитал составил 120 млрд. рублей.\n"
        "Для оценки инвестиционного климата автор выделил 27 признаков и сгруппировал их в 5 факторов. "
        "Анкета включает 12 вопросов. Стратегия будет реализована в 3 этапа."
    )
    rows = _document_rows(tmp_path, "strategy.txt", text)
    assert rows["3 этапа"]["subject_code"] == "RU-KRS"  # a programme's stages are the region's
    own = rows["120 млрд. рублей"]
    assert (own["subject_code"], own["period"]) == ("RU-KRS", "2019")
    for quote in ("27 признаков", "5 факторов", "12 вопросов"):
        assert (rows[quote]["subject_code"], rows[quote]["period"]) == (None, None), quote


def test_a_place_after_v_in_the_locative_is_no_destination():
    # Kursk export strategy, p. 37: "с долей экспорта в Российской Федерации" is Russia's export
    text = (
        "Целесообразно выходить на новые рынки сбыта - Индия (с долей экспорта в Российской Федерации 8%) "
        "и Китай (с долей экспорта в Российской Федерации 4,8%). Экспорт в Китай вырос на 5%."
    )
    assert subject(text, "8%")[1] == "RU"
    assert subject(text, "4,8%")[1] == "RU"
    assert subject(text, "5%") == (None, None, None)  # "в Китай": a destination


def test_a_count_of_a_methods_observations_has_no_territory_but_groups_are_the_documents(tmp_path):
    # HSE coursework p. 12: a study's observations; "311 групп" of kindergartens are the district's
    text = (
        "Стратегия социально-экономического развития Курской области\n"
        "Для оценки модели достаточно 20-50 наблюдений. В детских садах области работает 311 групп. "
        "Экспорт Курской области в 2018 году вырос на 5%."
    )
    rows = _figure_rows(tmp_path / "kursk.txt", text)
    assert rows["20-50 наблюдений"]["subject_code"] is None
    assert rows["311 групп"]["subject_code"] == "RU-KRS"
    assert rows["5%"]["subject_code"] == "RU-KRS"


def test_the_company_a_sentence_refers_back_to_is_the_one_its_paragraph_names_most():
    # Kursk strategy, investment section p. 5: "Комбинат", "На комбинате" refer back to the ГОК, not to
    # the holding it belongs to; a count of companies refers to no one
    text = (
        'Ведущим предприятием региона является АО "Михайловский ГОК им. А.В. Варичева", входящее в состав '
        'ООО "УК "Металлоинвест". Комбинат производит около 20% отечественного железорудного сырья. '
        'Продукция АО "Михайловский ГОК им. А.В. Варичева" довольно разнообразна.\n'
        "На комбинате реализуется инвестиционный проект, общая стоимость которого составляет более 11 млрд. "
        "рублей. Число предприятий отрасли составило 15 единиц."
    )
    assert subject(text, "около 20%")[0] == "Михайловский ГОК им. А.В. Варичева"
    assert subject(text, "более 11 млрд. рублей")[0] == "Михайловский ГОК им. А.В. Варичева"
    assert subject(text, "15 единиц") == (None, None, None)


def test_where_a_region_leads_and_the_whole_of_its_share_after_it_are_not_its_subject():
    # Kursk export strategy, p. 37
    lead = (
        "Курская область является лидером в ЦФО и одним из лидеров по экспорту автоматических выключателей "
        "на напряжение до 1000 В в России (с долей 18% в экспорте Российской Федерации)."
    )
    assert subject(lead, "18%")[1] == "RU-KRS"
    assert subject("Доля экспорта в России составила 8%.", "8%")[1] == "RU"


def test_an_export_strategy_gives_export_to_its_money_figures_and_multiples(tmp_path):
    text = (
        "ЭКСПОРТНАЯ СТРАТЕГИЯ ТУЛЬСКОЙ ОБЛАСТИ\n"
        "За 2017 - 2019 гг. наибольший объем продукции был поставлен Тульской областью в Словакию "
        "(210 млн. долл. США). Поставки в Данию увеличивались ежегодно в 3,4 раза. Доля Словакии "
        "составила 24%. Численность занятых в экономике области составила 720 тыс. человек, доля "
        "занятых в промышленности - 19%."
    )
    rows = _document_rows(tmp_path, "strategy.txt", text)
    assert rows["210 млн. долл. США"]["indicator"] == "export"
    assert rows["в 3,4 раза"]["indicator"] == "export"
    assert rows["24%"]["indicator"] == "export"  # a partner country's share of the region's exports
    assert rows["19%"]["indicator"] == "employed"  # any other share keeps its own
    assert rows["720 тыс. человек"]["indicator"] == "employed"
    other = _document_rows(tmp_path, "note.txt", text.replace("ЭКСПОРТНАЯ СТРАТЕГИЯ", "ЗАПИСКА О РАЗВИТИИ"))
    assert other["210 млн. долл. США"]["indicator"] is None


def test_countries_listed_with_their_share_of_a_regions_trade_are_partners():
    text = (
        "Основными торговыми партнерами Курской области являются: из стран СНГ: Украина - 12,0% от "
        "общего объема внешнеторгового оборота Курской области, Беларусь - 7,5%, Казахстан - 3,1%."
    )
    page = extract_page(text)
    assert [f.subject_code for f in page.figures] == ["RU-KRS", "RU-KRS", "RU-KRS"]
    text = "Доли стран в мировом экспорте: Китай - 13,0%, Германия - 8,1%."
    assert [f.subject_code for f in extract_page(text).figures] == ["CN", "DE"]  # no region trades here


def test_a_source_of_the_data_is_not_the_subject():
    """ "По данным Росстата", "согласно отчету Минфина" name who reports (`lexicon.ATTRIBUTION_CUES`)."""
    text = (
        "По данным Росстата, оборот розничной торговли в августе 2016 года снизился на 5,2%. "
        "Согласно отчету Минфина, расходы бюджета составили 10 трлн рублей. "
        "Как сообщил глава ВТБ Андрей Костин, прибыль банка составит 100 млрд рублей."
    )
    assert subject(text, "5,2%") == (None, None, None)  # not Росстат
    assert subject(text, "10 трлн рублей") == (None, None, None)  # not Минфин
    assert subject(text, "100 млрд рублей")[0] == "ВТБ"  # a speaker's organization is the subject


def test_an_organization_the_sentence_names_keeps_over_the_documents_country(tmp_path):
    """A news text about Russia: a company's figures are the company's, other figures Russia's."""
    text = (
        "Экономика России в 2015 году сократилась на 3,7%. Инфляция в России составила 12,9%. "
        "Россия остается крупнейшим экспортером нефти.\n"
        "Чистая прибыль «Газпрома» в 2015 году сократилась на 17% и составила 787 млрд рублей."
    )
    rows = _figure_rows(tmp_path / "news.txt", text)
    assert (rows["12,9%"]["subject_code"], rows["12,9%"]["subject_type"]) == ("RU", "country")
    for quote in ("17%", "787 млрд рублей"):
        assert (rows[quote]["subject"], rows[quote]["subject_type"]) == ("Газпром", "org")


def test_a_named_organization_anywhere_before_the_figure_keeps_over_the_documents_country(tmp_path):
    """An organization the sentence names by a quoted or Latin name is the subject wherever it stands
    before the figure; a quoted name after a noun that is no actor's (a park's, a department's) is
    not, and the document's territory applies."""
    text = (
        "Экономика России в 2015 году сократилась на 3,7%. Инфляция в России составила 12,9%. "
        "Россия остается крупнейшим экспортером нефти.\n"
        "Для финансирования сделки сама «Роснефть» планирует привлечь 15 млрд долларов США. "
        "Кроме того, BP в виде дивидендов получила 19 млрд долларов США. "
        "На территории индустриального парка «Юбилейный» зарегистрировано 6 действующих резидентов."
    )
    rows = _figure_rows(tmp_path / "news.txt", text)
    assert (rows["15 млрд долларов США"]["subject"], rows["15 млрд долларов США"]["subject_type"]) == (
        "Роснефть", "org",
    )  # fmt: skip
    assert (rows["19 млрд долларов США"]["subject"], rows["19 млрд долларов США"]["subject_code"]) == (
        "BP",
        None,
    )
    assert rows["6 действующих резидентов"]["subject_code"] == "RU"


def _figure_rows(path, text: str) -> dict[str, dict]:
    """The figure rows of `text` written to `path` and processed as a document, by quote."""
    path.write_text(text, encoding="utf-8")
    return {r["quote"]: r for r in process_document(path).rows["figures"]}


def test_a_place_inside_an_organizations_quoted_name_is_no_territory():
    named = subject("Банк «Возрождение Москвы» выдал кредитов на 5 млрд рублей.", "5 млрд рублей")
    assert named[1] is None and "Возрождение Москвы" in named[0]  # the bank, not Moscow
    assert subject("В Москве выдано кредитов на 5 млрд рублей.", "5 млрд рублей")[1] == "RU-MOW"


def test_a_document_about_firms_gives_no_territory(tmp_path):
    news = (
        "Российская компания «Альфа» купила долю в компании «Бета».\n"
        "Выручка компании «Альфа» в 2014 году составила 12 млрд рублей. Компания «Бета» получила "
        "прибыль в размере 3 млрд рублей. Акции компании «Гамма» подорожали на 5%.\n"
        "Совет директоров объединённой компании будет состоять из 15 членов."
    )
    path = tmp_path / "news.txt"
    path.write_text(news, encoding="utf-8")
    rows = {r["quote"]: r for r in process_document(path).rows["figures"]}
    assert rows["12 млрд рублей"]["subject_type"] == "org"
    assert rows["15 членов"]["subject_code"] is None  # no firm named: not Russia's either
    region = (
        "Курская область развивает экспорт. Экспорт Курской области в 2018 году вырос на 5%.\n"
        "Совет по экспорту будет состоять из 15 членов."
    )
    path.write_text(region, encoding="utf-8")
    rows = {r["quote"]: r for r in process_document(path).rows["figures"]}
    assert rows["15 членов"]["subject_code"] == "RU-KRS"  # a region's document


def test_a_currency_tail_on_the_next_page_is_no_subject(tmp_path):
    pages = [
        "Курская область. Пять процентов товарных позиций могут дать прирост экспорта около 17,5 млн. "
        "долл. США при общем потенциальном приросте экспорта по таким",
        "товарным группам в размере 277,2 млн. долл. США.",
    ]
    path = tmp_path / "two.txt"
    path.write_text("\f".join(pages), encoding="utf-8")
    rows = {r["quote"]: r for r in process_document(path).rows["figures"]}
    assert rows["277,2 млн. долл. США"]["subject_code"] == "RU-KRS"  # the document's region, not "США"
    whole = (
        "прирост экспорта около 17,5 млн. долл. США при общем потенциальном приросте экспорта по таким "
        "товарным группам в размере 277,2 млн. долл. США."
    )
    assert all(whole in r["sentence"] for r in rows.values())  # both pages' figures see the whole sentence


def test_a_world_war_or_a_peace_prize_is_no_world_and_a_person_is_no_country():
    """Unused NEREL news texts, session 30: "Второй мировой войны", "премию мира" named the world; a
    first name that is a country ("Сальвадора Дали") named El Salvador."""
    veteran = "Ветеран Второй мировой войны собрал для врачей больше 30 миллионов фунтов стерлингов."
    assert subject(veteran, "30 миллионов фунтов стерлингов")[0] != "мир"
    prize = "В этом году на Нобелевскую премию мира претендовали 85 организаций."
    assert subject(prize, "85 организаций")[0] != "мир"
    painting = "Похищено полотно Сальвадора Дали, оцениваемое в 150 тысяч долларов США."
    assert subject(painting, "150 тысяч долларов США")[1] != "SV"
    assert subject("Экспорт Сальвадора в 2019 году составил 6 млрд долларов.", "6 млрд долларов")[1] == "SV"
