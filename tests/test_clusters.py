"""Clusters, technoparks and zones: table rows, text mentions, ids, resolution and scoring."""

from __future__ import annotations

from pathlib import Path

import natasha  # noqa: F401  (import before pymorphy users)
import pandas as pd
import pytest

from pipeline.evaluate import cluster_score, score_clusters
from pipeline.extract import extract_page, extract_text
from pipeline.extract.clusters import (
    cluster_id,
    clusters_from_table,
    extract_clusters_from_text,
    mentions,
    normal_name,
    parse_urls,
    resolve_clusters,
)
from pipeline.extract.skeleton import marked
from pipeline.model import ParsedTable, TableCell

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "fixtures" / "gold" / "seed_gertsik_2020" / "clusters.csv"
SEED_TEXT = ROOT / "fixtures" / "seed" / "seed_paper.txt"
REDIRECT = (
    "https://mail2.hse.ru/owa/redir.aspx?SURL=gc9CiYW1OYszGvHjANEmBWpRsIPTYIuNXYfYZw6L9_Gsch"
    "&URL=http%3A%2F%2Fwww.technounity.ru%2F#_blank"
)
HEADER = ["Кластер", "Регион РФ", "Год\nосно-\nвания", "Область", "Размер", "Интернет-адрес"]
# Cells as the PDF prints them: broken lines, hyphen breaks, split words and URLs.
ROWS = [
    [
        "Алтай Био",
        "Бийск,\nБарнаул,\nНовоалтайск",
        "2010",
        "Биотехнологии,\nфармацевтика",
        "35\nучастников,\n7400\nсотрудников",
        "http://www.altaybio.ru\nhttp://www.altkibd.ru/ac\nkr/",
    ],
    [
        "Калужский\nфармкластер",
        "Калужская\nобласть",
        "2009",
        "Биотехнологии,\nфармацевтика",
        "40\nучастников",
        "http://www.pharmcluster\nkaluga.ru/",
    ],
    [
        "Инновационный\nтерриториаль-\nный кластер\n«Зеленоград»",
        "г. Зелено-\nград, г.\nМосква",
        "2011",
        "Микроэлектроника;\nмедицинская\nтехника; ИТ-\nсистемы",
        "150\nучастников,\n12900\nсотрудников",
        REDIRECT,
    ],
    [
        "Инновационный\nтерриториаль-\nный\nбиотехнологи-\nческий кластер\n«Пущино»",
        "Московская\nобласть",
        "2005",
        "Науки о жизни,\nфармацевтика,\nбиотехнологии",
        "Более 30\nучастников",
        "http://www.psn.ru",
    ],
    [
        "Биофармкластер\n«Физтех-XXI» -\nСеверный",
        "г. Долгопруд-\nный,\nМосковская\nобласть",
        "2012",
        "Биофизика,\nинновационные\nмедицинские и\nбиотехнологии",
        "Более 50\nучастников",
        "www.pharmcluster.ru",
    ],
    [
        "Инновационный\nкластер\n“Сибакадем-\nсофт”",
        "Новосибирск\nая область",
        "2013",
        "Информационные и\nбиофармацевтическ\nие технологии",
        "Около 130\nучастников",
        "http://icnso.ru/en/cluster\ns/cluster_of_biomedicin\ne_technology/index.html",
    ],
    [
        "Кластер\nмедицинского,\nэкологического\nприборострое-\nния и\nбиотехнологий",
        "г. Санкт-\nПетербург",
        "2005",
        "Медицинская\nтехника,\nфармацевтика,\nрадиационные\nтехнологии",
        "Около 150\nучастников",
        "www.clustermedtech.ru\nwww.21mpp.ru",
    ],
    [
        "Кластер Томск\nИнвест",
        "г. Томск",
        "2011",
        "Фармацевтика,\nмедицинское\nоборудование и\nинформационные\nтехнологии",
        "39\nучастников,\nоколо 3000\nсотрудников",
        "www.fmt.innoclusters.ru",
    ],
    [
        "Кластер\n«Медицинская\nпромышленност\nь, новая химия и\nбиотех»",
        "г. Москва",
        "2014",
        "Медицинское\nоборудование,\nинформационные,\nклеточные\nтехнологии",
        "Более 10\nучастников",
        "http://hbm.emtc.ru/",
    ],
    [
        "МедТехКластер\n«Южный»",
        "г. Москва",
        "2015",
        "Фармацевтика,\nмедицинское\nоборудование,\nинформационные,\nобразовательные\nтехнологии",
        "Более 30\nучастников",
        "http://medtechcluster.ru/",
    ],
    [
        "Био-Медико-\nТехнический\nКластер –\nБМТК-ТМ\n«Техно-мед»",
        "г. Москва,\nЗеленоград,\nС.-Петербург",
        "2015",
        "Медицинское\nоборудование,\nинформационные и\nобразовательные\nтехнологии",
        "12\nучастников",
        "http://www.cyberneticw\norld.ru/rus/bmt_k_rus.ht\nml",
    ],
    [
        "Московский\nИнновационный\nКластер",
        "г. Москва",
        "2019",
        "Все отрасли,\nпредставленные в\nпромышленности\nгорода Москвы",
        "Более 2000\nучастников\n36\nтехнопарках",
        "https://www.mos.ru/city/\nprojects/cluster/",
    ],
    [
        "Московский\nмедицинский\nкластер\nСколково",
        "г. Москва",
        "2015",
        "Медицина,\nбиотехнологии",
        "Около 100\nучастников",
        "https://imc-foundation.ru",
    ],
]


def seed_table() -> ParsedTable:
    cells = [
        TableCell(row=r, col=c, page=8, text=text, col_label=HEADER[c])
        for r, row in enumerate(ROWS)
        for c, text in enumerate(row)
    ]
    return ParsedTable(index=0, page_first=8, page_last=9, header=HEADER, cells=cells)


@pytest.fixture(scope="module")
def table_facts():
    return clusters_from_table(seed_table())


@pytest.fixture(scope="module")
def seed_text_facts():
    return extract_clusters_from_text(SEED_TEXT.read_text(encoding="utf-8"))


def by_name(facts, fragment):
    found = [f for f in facts if fragment.lower() in f.name.lower()]
    assert found, f"{fragment!r} not in {[f.name for f in facts]}"
    return found[0]


def test_all_thirteen_rows_match_gold(table_facts):
    gold = pd.read_csv(GOLD)
    gold = gold[gold.source == "table"]
    assert len(table_facts) == 13
    pred = pd.DataFrame([f.__dict__ for f in table_facts])
    score = score_clusters(pred, gold)
    assert score["recall"] == 1.0 and score["precision"] == 1.0
    assert all(v == 1.0 for v in score["accuracy"].values()), score


def test_table_cells(table_facts):
    altai = by_name(table_facts, "Алтай Био")
    assert (altai.region, altai.city) == ("Алтайский край", "Бийск, Барнаул, Новоалтайск")
    assert (altai.participants, altai.employees, altai.founded_year) == (35, 7400, 2010)
    assert altai.url == "http://www.altaybio.ru http://www.altkibd.ru/ackr/"
    zel = by_name(table_facts, "Зеленоград")
    assert zel.name == "Инновационный территориальный кластер «Зеленоград»"
    assert (zel.region, zel.city, zel.country, zel.url) == (
        "Москва",
        "Зеленоград",
        "RU",
        "http://www.technounity.ru/",
    )
    assert by_name(table_facts, "Калужский").url == "http://www.pharmclusterkaluga.ru/"
    pushchino = by_name(table_facts, "Пущино")
    assert (pushchino.participants, pushchino.participants_qualifier) == (30, ">")
    sib = by_name(table_facts, "Сибакадемсофт")
    assert (sib.participants_qualifier, sib.region, sib.name) == ("~", "Новосибирская область", sib.name)
    tomsk = by_name(table_facts, "Томск")
    assert (tomsk.participants, tomsk.employees, tomsk.attributes["employees_qualifier"]) == (39, 3000, "~")
    assert (
        by_name(table_facts, "Медицинская").name
        == "Кластер «Медицинская промышленность, новая химия и биотех»"
    )
    assert by_name(table_facts, "Московский Инновационный").attributes["technoparks"] == 36
    assert by_name(table_facts, "МедТехКластер").kind == "cluster"


def test_other_tables_are_not_cluster_tables():
    header = ["Наименование налога", "Ставка", "Срок"]
    cells = [TableCell(row=0, col=c, page=1, text=t) for c, t in enumerate(["НДС", "20 %", "10 лет"])]
    assert clusters_from_table(ParsedTable(0, 1, 1, header, cells)) == []


def test_chinese_parks_from_text(seed_text_facts):
    zgc = by_name(seed_text_facts, "Чжунгуньцунь")
    assert (zgc.kind, zgc.country, zgc.city) == ("technopark", "CN", "Пекин")
    assert zgc.attributes["technoparks"] == 17 and zgc.attributes["universities"] == 39
    assert zgc.attributes["companies"] == 20000 and zgc.attributes["students"] == 400000
    zj = [f for f in seed_text_facts if "Чжанцзян" in f.name]
    assert {f.kind for f in zj} == {"hitech_zone"} and all(f.country == "CN" for f in zj)
    assert any(f.attributes.get("area_km2") == 25.0 for f in zj)
    assert all(f.founded_year is None for f in zj)  # "Созданный в 2016 году в Парке …" is the centre
    nanjing = by_name(seed_text_facts, "в г. Нанкин")
    assert (nanjing.kind, nanjing.city, nanjing.country) == ("hitech_zone", "Нанкин", "CN")
    fakel = by_name(seed_text_facts, "Факел")
    assert (fakel.country, fakel.attributes["laboratories"]) == ("CN", 400)
    samara = by_name(seed_text_facts, "Самарской")
    assert (samara.region, samara.country) == ("Самарская область", "RU")


def test_half_million_employees(seed_text_facts):
    """ "… и более полумиллиона работников" counts the park's employees."""
    zgc = by_name(seed_text_facts, "Чжунгуньцунь")
    assert (zgc.employees, zgc.attributes.get("employees_qualifier")) == (500000, ">")


def test_offsets_index_the_text(seed_text_facts):
    text = SEED_TEXT.read_text(encoding="utf-8")
    assert text[by_name(seed_text_facts, "Факел").char_start :].startswith("технопарке «Факел»")


@pytest.mark.parametrize(
    "text",
    [
        "Рис. 1. Карта кластеров Китая. Кластеры Китая подразделяются на виды.",
        "Инновационный кластер создаётся на локальном уровне, как и технопарки.",
        "В регионе работают особые экономические зоны и индустриальные парки.",
        "Основная концепция кластеров восходит к работам Альфреда Маршалла.",
        "Парк культуры «Сокольники» открыт ежедневно.",
        "Кластерный подход и кластерная политика в Российской Федерации.",
    ],
)
def test_generic_mentions_are_not_records(text):
    assert records(text) == []


def test_named_russian_mentions():
    text = (
        'На базе АО "КЭАЗ" создан научно-производственный электротехнический кластер. '
        "Волгоградский химико-фармацевтический кластер создан в 2011 году. "
        'ОЭЗ ППТ «Третий полюс» занимает 237,05 га; индустриальный парк "Юбилейный" и '
        'Промышленный технопарк "Совтест" расположены в Курской области.'
    )
    facts = {f.name: f for f in extract_clusters_from_text(text)}
    assert facts["Научно-производственный электротехнический кластер на базе АО «КЭАЗ»"].kind == "cluster"
    volgograd = facts["Волгоградский химико-фармацевтический кластер"]
    assert (volgograd.region, volgograd.founded_year) == ("Волгоградская область", 2011)
    sez = facts["ОЭЗ ППТ «Третий полюс»"]
    assert (sez.kind, sez.attributes["area_km2"]) == ("sez", 2.3705)
    assert facts["Индустриальный парк «Юбилейный»"].kind == "industrial_park"
    assert facts["Промышленный технопарк «Совтест»"].kind == "technopark"


def test_same_cluster_same_id_across_papers():
    one = extract_clusters_from_text("Калужский фармкластер объединяет 40 участников.")
    two = extract_clusters_from_text(
        "Участники Калужского фармкластера, работающие в Калужском фармкластере."
    )
    ids = {cluster_id(f.name, f.country) for f in one + two}
    assert len(ids) == 1
    assert normal_name("Калужского фармкластера") == "калужский фармкластер"
    assert normal_name("Парк высоких технологий «Чжанцзян»") == "парк высоких технологий чжанцзян"
    assert cluster_id("Калужский фармкластер", "RU") != cluster_id("Калужский фармкластер", "CN")


def test_an_ocr_dot_does_not_split_a_cluster():
    """The scanned seed reads "Инновационный. кластер «Сибакадемсофт»"; "г. Щигры" keeps its dot."""
    assert cluster_id("Инновационный. кластер «Сибакадемсофт»", "RU") == cluster_id(
        "Инновационный кластер «Сибакадемсофт»", "RU"
    )
    assert normal_name("Парк в г. Щигры") == "парк в г. щигры"


def test_asides_do_not_split_a_cluster():
    """Kursk papers write both "индустриальный парк «Союз»" and "индустриальный (промышленный) парк"."""
    assert cluster_id("Индустриальный (промышленный) парк «Союз»", "RU") == cluster_id(
        "индустриального парка «Союз»", "RU"
    )


def test_resolution_merges_table_and_text(table_facts, seed_text_facts):
    records = [(f, 8) for f in table_facts] + [(f, 6) for f in seed_text_facts]
    resolved = resolve_clusters(records)
    names = [f.name for f, _ in resolved]
    assert len([n for n in names if "Чжанцзян" in n]) == 1
    tm = next((f, p) for f, p in resolved if "Техно-мед" in f.name)
    assert tm[0].source == "table" and tm[1] == [6, 8]
    zj = next(f for f, _ in resolved if "Чжанцзян" in f.name)
    assert zj.attributes["area_km2"] == 25.0 and zj.city == "Шанхай"
    gold = pd.read_csv(GOLD)
    score = score_clusters(pd.DataFrame([f.__dict__ for f, _ in resolved]), gold)
    assert score["recall"] == 1.0 and score["precision"] == 1.0, score


def test_urls():
    assert parse_urls(REDIRECT) == "http://www.technounity.ru/"
    assert parse_urls("www.clustermedtech.ru\nwww.21mpp.ru") == "www.clustermedtech.ru www.21mpp.ru"
    assert parse_urls("") is None


@pytest.mark.parametrize("rule", mentions.RULES, ids=lambda r: r.name)
def test_rule_examples(rule):
    """Each "not a named cluster" rule rejects its positive example and lets its negative one through."""
    for example, rejected in ((rule.positive, True), (rule.negative, False)):
        context = mentions.example_context(*marked(example))
        assert rule.rejects(context) is rejected, example


# --- cluster records complete from text: the calls ingest makes (extract_page, resolve_clusters) ---


def records(text: str, document_texts: tuple[str, ...] = ()) -> list:
    """The merged cluster records of a one-page document, as ingest builds them."""
    facts = extract_page(text).clusters
    return [fact for fact, _ in resolve_clusters([(f, 1) for f in facts], document_texts=document_texts)]


def test_attributes_stated_around_a_cluster():
    text = (
        "Индустриальный парк «Северный», Курская область, создан в 2019 году; на его территории "
        "работают 12 резидентов и создано 850 рабочих мест."
    )
    (park,) = records(text)
    assert (park.kind, park.region, park.country, park.founded_year) == (
        "industrial_park",
        "Курская область",
        "RU",
        2019,
    )
    assert (park.participants, park.attributes["residents"], park.attributes["jobs"]) == (12, 12, 850)


def test_alias_sentences_belong_to_the_cluster():
    text = (
        "Особая экономическая зона промышленно-производственного типа «Липецк» (далее — ОЭЗ) создана "
        "в 2005 году. Площадь ОЭЗ составляет 1 180 га, в ней работают 76 резидентов. Инвестиции "
        "резидентов ОЭЗ превысили 200 млрд рублей."
    )
    (sez,) = records(text)
    assert (sez.kind, sez.founded_year, sez.participants, sez.aliases) == ("sez", 2005, 76, ["ОЭЗ"])
    assert sez.attributes["area_km2"] == 11.8
    assert (sez.attributes["investment"], sez.attributes["investment_unit"]) == (200e9, "RUB")


def test_variant_names_are_one_record_with_aliases():
    text = (
        "Томский химико-фармацевтический кластер объединяет 45 участников. В 2015 году Томский "
        "химфармкластер получил статус инновационного кластера."
    )
    (cluster,) = records(text)
    assert cluster.name == "Томский химико-фармацевтический кластер"
    assert (cluster.aliases, cluster.participants, cluster.region) == (
        ["Томский химфармкластер"],
        45,
        "Томская область",
    )
    assert cluster.founded_year is None  # "получил статус" is not a founding


def test_url_field_and_qualified_count_in_one_sentence():
    text = (
        "Калужский фармкластер (www.pharmclusterkaluga.ru) объединяет более 60 компаний в сфере "
        "фармацевтики и биотехнологий."
    )
    (cluster,) = records(text)
    assert (cluster.url, cluster.field) == ("www.pharmclusterkaluga.ru", "фармацевтика, биотехнологии")
    assert (cluster.participants, cluster.participants_qualifier) == (60, ">")  # member companies


def test_a_section_under_a_cluster_heading_is_about_it():
    text = (
        "2.3. Технопарк «Прогресс»\nТехнопарк основан в 2014 году. Отраслевая специализация резидентов — "
        "приборостроение. На площадке работают 1 200 сотрудников.\n2.4. Инвестиционный климат\n"
        "В регионе работают 3 500 малых предприятий."
    )
    (park,) = records(text)
    assert (park.founded_year, park.field, park.employees) == (2014, "приборостроение", 1200)
    assert "companies" not in park.attributes  # the next section is about the region


def test_city_gives_the_region_and_the_document_its_region():
    (park,) = records("В 2016 году в Туле создан индустриальный парк «Узловая».")
    assert (park.city, park.region, park.founded_year) == ("Тула", "Тульская область", 2016)
    title = "Инвестиционная декларация Курской области"
    pages = "Правительство Курской области поддерживает инвесторов Курской области и Курской области."
    (tech,) = records("Промышленный технопарк «Совтест» объединяет 9 резидентов.", (title, pages))
    assert (tech.region, tech.country, tech.participants) == ("Курская область", "RU", 9)


@pytest.mark.parametrize(
    "text",
    [
        "Кластер был основан в 2010 году и объединяет 30 участников.",
        "Парк культуры и отдыха имени Горького в 2019 году посетили 2 млн человек.",
        "В 2015 году в регионе создано 5 индустриальных парков, в которых работают 3 000 сотрудников.",
    ],
)
def test_no_record_without_a_named_cluster(text):
    assert records(text) == []


def test_a_sentence_about_something_else_adds_nothing():
    text = (
        "Технопарк «Факел» расположен в Пекине. В Москве открыт новый филиал банка, в котором работают "
        "300 сотрудников."
    )
    (park,) = records(text)
    assert (park.city, park.country, park.employees, park.attributes) == ("Пекин", "CN", None, {})


def test_extract_text_has_the_aliases_column():
    frame = extract_text("Технопарк «Идея» (далее — Технопарк) создан в 2006 году.").clusters
    assert frame[["name", "founded_year", "aliases"]].to_dict("records") == [
        {"name": "Технопарк «Идея»", "founded_year": 2006, "aliases": "Технопарк"}
    ]


def test_generic_counts_take_their_attribute_from_the_verb_or_measure():
    text = (
        "Инновационный территориальный кластер «Титановая долина» (Свердловская область) был создан в "
        "2010 году и включает 65 организаций, в которых занято более 10 тыс. человек. В регионе "
        "зарегистрировано 300 тыс. человек безработных."
    )
    (cluster,) = records(text)
    assert (cluster.region, cluster.founded_year) == ("Свердловская область", 2010)
    assert (cluster.participants, cluster.employees, cluster.attributes) == (
        65,
        10000,
        {"employees_qualifier": ">"},
    )


def test_later_sentences_naming_the_cluster_among_their_first_words():
    text = (
        "Нижегородский индустриальный кластер «Магистраль», расположенный в Нижегородской области, "
        "специализируется на автомобилестроении. Сайт кластера: www.magistral-nn.ru. Численность "
        "работников предприятий кластера составляет 27 тыс. человек."
    )
    (cluster,) = records(text)
    assert (cluster.region, cluster.field, cluster.url, cluster.employees) == (
        "Нижегородская область",
        "автомобилестроение",
        "www.magistral-nn.ru",
        27000,
    )


def test_eval_matches_a_gold_name_to_a_records_alias():
    pred = pd.DataFrame(
        [
            {
                "name": "Томский химико-фармацевтический кластер",
                "aliases": "Томский химфармкластер",
                "participants": 45,
            },
            {"name": "Технопарк «Идея»", "aliases": None, "participants": None},
        ]
    )
    gold = pd.DataFrame(
        [
            {"name": "Томского химфармкластера", "participants": 45},
            {"name": "Технопарк «Идея»", "participants": 30},
            {"name": "Технопарк «Строитель»", "participants": None},
        ]
    )
    score = cluster_score("doc", pred, gold)
    assert (score.tp, score.n_pred, score.n_gold, score.attribute_accuracy) == (2, 2, 3, 0.5)


def test_an_acronym_in_brackets_is_an_alias_but_a_country_is_not():
    (ktd,) = records("Кластер «Титановая долина» (КТД) создан в 2010 году. КТД объединяет 40 участников.")
    assert (ktd.aliases, ktd.founded_year, ktd.participants) == (["КТД"], 2010, 40)
    (park,) = records("Технопарк «Чжунгуньцунь» (КНР) объединяет 17 технопарков. КНР строит 50 технопарков.")
    assert (park.aliases, park.attributes) == ([], {"technoparks": 17})


def document_records(pages: list[str]) -> list[tuple]:
    """Merged records of a multi-page document, pages numbered from 1, as ingest builds them."""
    found = [(c, n) for n, text in enumerate(pages, 1) for c in extract_page(text).clusters]
    return resolve_clusters(found)


def test_a_page_refers_to_the_cluster_named_on_the_page_before():
    (park, pages), other = document_records(
        [
            "Технопарк «Прогресс» создан в 2014 году.\nВ технопарке работают 1 200 сотрудников.",
            "Технопарк объединяет 30 резидентов. Индустриальный парк «Заря» открыт в 2020 году.",
        ]
    )
    assert (park.name, park.participants, park.employees, pages) == ("Технопарк «Прогресс»", 30, 1200, [1, 2])
    assert (other[0].name, other[0].participants) == ("Индустриальный парк «Заря»", None)


def test_an_orphan_far_from_two_clusters_of_its_kind_is_dropped():
    found = document_records(
        [
            "Технопарк «Прогресс» и технопарк «Идея» созданы в 2014 году.",
            "Рынок труда региона.",
            "Рынок капитала региона.",
            "Технопарк объединяет 30 резидентов.",
        ]
    )
    assert [(c.name, c.participants) for c, _ in found] == [
        ("Технопарк «Прогресс»", None),
        ("Технопарк «Идея»", None),
    ]


def test_a_creation_word_about_something_else_is_no_founding_year():
    (park,) = records("Индустриальный парк «Заря»: за год создано 455 рабочих мест в 2022 году.")
    assert (park.founded_year, park.attributes["jobs"]) == (None, 455)


def test_member_companies_are_participants_and_working_ones_are_not():
    (cluster,) = records("Ульяновский авиационный кластер объединяет 25 предприятий и 3 вуза.")
    assert (cluster.participants, cluster.attributes.get("companies")) == (25, None)
    (park,) = records("В индустриальном парке «Заря» работают 12 компаний.")
    assert (park.participants, park.attributes["companies"]) == (None, 12)


@pytest.mark.parametrize(
    ("sentence", "field"),
    [
        (
            "Специализация кластера — производство лекарственных средств.",
            "производство лекарственных средств",
        ),
        ("Направление деятельности кластера: биотехнологии и фармацевтика.", "биотехнологии, фармацевтика"),
        # a label line right after the cluster's sentence continues its topic; a label of another
        # owner ("фонда") does not
        ("Направление деятельности: биотехнологии и фармацевтика.", "биотехнологии, фармацевтика"),
        ("Направление деятельности фонда: поддержка экспорта.", None),
        (
            "Кластер специализируется на переработке сельскохозяйственной продукции.",
            "переработка сельскохозяйственной продукции",
        ),
        ("Кластер поддерживает проекты, которые реализуются в регионе.", None),
    ],
)
def test_field_of_activity_cues(sentence, field):
    (cluster,) = records("Липецкий кластер «Черноземье» создан в 2016 году. " + sentence)
    assert cluster.field == field


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Волгоградский химико-фармацевтический кластер объединяет 23 предприятия.", "химия, фармацевтика"),
        ("Калужский фармкластер объединяет 60 компаний.", "фармацевтика"),
        ("Липецкий агропромышленный кластер «Черноземье» создан в 2016 году.", "агропромышленный комплекс"),
        # a stated field is better than the name's words
        (
            "Научно-производственный электротехнический кластер «Энергия» специализируется на "
            "производстве низковольтной аппаратуры.",
            "производство низковольтной аппаратуры",
        ),
        ("Инновационный кластер «Сибакадемсофт» объединяет 130 участников.", None),
        (
            "Кластер биомедицинских технологий «Техномед» объединяет 12 участников.",
            "биомедицинские технологии",
        ),
        (
            "Кластер химической и фармацевтической промышленности Волгоградской области объединяет 18 "
            "предприятий.",
            "химическая и фармацевтическая промышленность",
        ),
    ],
)
def test_field_of_activity_from_the_name(text, field):
    (cluster,) = records(text)
    assert cluster.field == field


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("Кластер был учрежден в 2012 г. по инициативе администрации.", 2012),
        ("Год основания кластера — 2011 г.", 2011),  # a bare "— 2011." is no date for the date grammar
        ("Кластер получил субсидию в 2014 году.", None),
        ("Кластер был сформирован в 2011 году по инициативе предприятий.", 2011),
        ("Кластер действует с 2009 года.", 2009),
        ("Кластер начал свою работу в 2013 году.", 2013),
        ("Кластер работает с 2 вузами.", None),  # "работает с" followed by no year
        ("Кластер работает в 2015 году над 12 проектами.", None),  # a year, but not "с 2015 года"
        ("Решение о формировании кластера было принято в 2011 году.", 2011),
        ("Год создания кластера — 2011.", 2011),  # a bare year after its label
        ("Кластер — 2011.", None),
        ("С 2010 года кластер функционирует как ассоциация.", 2010),
    ],
)
def test_founding_year_cues(sentence, year):
    (cluster,) = records(
        "Липецкий агропромышленный кластер «Черноземье» объединяет 20 участников. " + sentence
    )
    assert cluster.founded_year == year


def test_eval_prefers_a_records_own_name_to_an_alias():
    pred = pd.DataFrame([{"name": "Технопарк «Идея»", "aliases": "Технопарк «Старт»", "participants": 9}])
    gold = pd.DataFrame(
        [{"name": "Технопарк «Старт»", "participants": 5}, {"name": "Технопарк «Идея»", "participants": 9}]
    )
    score = cluster_score("doc", pred, gold)
    assert (score.tp, score.attribute_accuracy) == (1, 1.0)


def test_counts_of_several_member_kinds():
    text = (
        'На базе АО "КЭАЗ" создан научно-производственный электротехнический кластер, который объединяет '
        "10 промышленных предприятий, 1 высшее учебное заведение (ЮЗГУ) и 2 организации технологической "
        "инфраструктуры."
    )  # Kursk strategy 2030, p. 5
    (cluster,) = records(text)
    assert cluster.name == "Научно-производственный электротехнический кластер на базе АО «КЭАЗ»"
    assert cluster.aliases == ["Научно-производственный электротехнический кластер"]  # as printed
    assert cluster.attributes["universities"] == 1
    assert cluster.participants == 13  # 10 + 1 + 2: every member the sentence lists (the gold's sum)


def test_pronouns_and_genitive_kind_words_refer_to_the_cluster():
    text = (
        "Фармацевтический кластер Волгоградской области создан в 2010 году. Его участниками являются "
        "15 предприятий. Общая численность работников предприятий — участников кластера составляет "
        "3,5 тыс. человек."
    )
    (cluster,) = records(text)
    assert (cluster.region, cluster.founded_year, cluster.participants, cluster.employees) == (
        "Волгоградская область",
        2010,
        15,
        3500,
    )
    (zone,) = records("Особая экономическая зона «Алабуга» создана в 2005 году. Она занимает 2 000 га.")
    assert (zone.founded_year, zone.attributes["area_km2"]) == (2005, 20.0)


def test_a_quoted_association_name_and_its_alias_are_one_record():
    text = (
        "Ассоциация «Камский инновационный территориально-производственный кластер» (далее — кластер "
        "«ИнноКам») создана в 2012 году; в неё входят 48 организаций, на которых занято более 100 тыс. "
        "человек. Кластер «ИнноКам» объединяет предприятия нефтехимии и машиностроения."
    )
    (cluster,) = records(text)
    assert (cluster.name, cluster.aliases) == (
        "Камский инновационный территориально-производственный кластер",
        ["Кластер «ИнноКам»"],
    )
    assert (cluster.founded_year, cluster.participants, cluster.employees) == (2012, 48, 100000)
    assert records("Термин «кластер» ввёл М. Портер в 1990 году.") == []


@pytest.mark.parametrize(
    ("text", "name", "participants"),
    [
        ('Ассоциация "Камский инновационный территориально-производственный кластер" создана в 2012 году; '
         "в неё входят 48 организаций.", "Камский инновационный территориально-производственный кластер", 48),
        ("На базе АО „КЭАЗ“ создан научно-производственный электротехнический кластер, который объединяет "
         "10 промышленных предприятий.",
         "Научно-производственный электротехнический кластер на базе АО «КЭАЗ»", 10),
    ],
    ids=["straight", "low-high"],
)  # fmt: skip
def test_every_quote_pair_of_the_lexicon_quotes_a_name(text, name, participants):
    """A name in straight quotes or in „…“ (`lexicon.QUOTE_PAIRS`) is quoted as one in «…» is: the
    quoted association names the cluster, the quoted company is its base."""
    assert [(c.name, c.participants) for c in records(text)] == [(name, participants)]


def test_names_of_one_region_and_field_are_one_record():
    text = (
        "Фармацевтический кластер Волгоградской области создан в 2010 году. Территориально-"
        "производственный кластер «Волгоградский химфармкластер» объединяет 30 предприятий. "
        "Волгоградский фармацевтический кластер поддерживается администрацией региона. "
        "Волгоградский аграрный кластер объединяет 12 хозяйств."
    )
    pharma, agro = records(text)
    assert pharma.name == "Фармацевтический кластер Волгоградской области"
    assert (pharma.founded_year, pharma.participants, pharma.field) == (2010, 30, "химия, фармацевтика")
    assert len(pharma.aliases) == 2
    assert (agro.name, agro.field) == ("Волгоградский аграрный кластер", "сельское хозяйство")
    two = records(
        "Волгоградский фармацевтический кластер «Юг» объединяет 9 предприятий. Волгоградский "
        "фармацевтический кластер «Север» объединяет 7 предприятий."
    )
    assert [(c.name, c.participants) for c in two] == [
        ("Волгоградский фармацевтический кластер «Юг»", 9),
        ("Волгоградский фармацевтический кластер «Север»", 7),
    ]  # two quoted names stay apart


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В Ярославской области создан фармацевтический кластер, в который вошли 14 компаний.",
            ("Фармацевтический кластер Ярославской области", "Ярославская область", None, 14),
        ),
        (
            "В 2011 году подписано соглашение о создании химико-фармацевтического кластера Волгоградской "
            "области.",
            ("Химико-фармацевтический кластер Волгоградской области", "Волгоградская область", 2011, None),
        ),
        (
            "Кластер химической и фармацевтической промышленности Волгоградской области объединяет 18 "
            "предприятий.",
            (
                "Кластер химической и фармацевтической промышленности Волгоградской области",
                "Волгоградская область",
                None,
                18,
            ),
        ),
        (
            "Некоммерческое партнерство «Волгоградский фармацевтический кластер» учреждено в 2011 году; "
            "его членами являются 11 организаций.",
            ("Волгоградский фармацевтический кластер", "Волгоградская область", 2011, 11),
        ),
    ],
)
def test_pharma_cluster_phrasings(text, expected):
    (cluster,) = records(text)
    assert (cluster.name, cluster.region, cluster.founded_year, cluster.participants) == expected


@pytest.mark.parametrize(
    "text",
    [
        "В Курской области создан инновационный кластер.",  # no field: a generic phrase
        "В Курской и Белгородской областях действуют фармацевтические кластеры.",  # plural
        "Предприятие в Курской области создано в 2011 году.",  # neuter creation word, no cluster
    ],
)
def test_no_region_record_without_a_field_or_for_a_plural(text):
    assert records(text) == []


def test_residents_named_by_the_verb_and_a_passport_under_a_heading_with_its_place():
    (park,) = records(
        "Технопарк «Жигулевская долина» (г. Тольятти, Самарская область) основан в 2010 году. "
        "Резидентами технопарка являются 150 компаний, в которых работают 2 500 специалистов."
    )
    assert (park.city, park.region, park.founded_year) == ("Тольятти", "Самарская область", 2010)
    assert (park.participants, park.attributes["residents"], park.employees) == (150, 150, 2500)
    (vorsino,) = records(
        "Индустриальный парк «Ворсино», Калужская область.\nГод создания — 2008 г. Количество резидентов: "
        "30. Площадь — 600 га."
    )
    assert (vorsino.region, vorsino.founded_year, vorsino.participants) == ("Калужская область", 2008, 30)
    assert vorsino.attributes["area_km2"] == 6.0


def test_labelled_counts_and_a_macro_region_name():
    (cluster,) = records(
        "Волгоградский химико-фармацевтический кластер.\nЧисло участников — 16. Численность работников — "
        "около 9 тыс. человек."
    )
    assert (cluster.participants, cluster.employees) == (16, 9000)
    assert cluster.attributes == {"employees_qualifier": "~"}
    (north_west,) = records(
        "Северо-Западный фармацевтический кластер (Санкт-Петербург) объединяет более 50 компаний; "
        "совокупная численность занятых превышает 7 тыс. человек."
    )
    assert (north_west.region, north_west.field) == ("Санкт-Петербург", "фармацевтика")
    assert (north_west.participants, north_west.participants_qualifier) == (50, ">")
    assert north_west.employees == 7000
    found = records("Инновационный кластер объединяет 12 предприятий, а Камский кластер — 48 организаций.")
    assert [c.name for c in found] == ["Камский кластер"]  # capitalized inside the sentence: a name


def test_a_list_label_before_a_colon_says_what_is_counted():
    (cluster,) = records(
        "Участники Волгоградского фармкластера: 14 предприятий, 3 вуза и 2 научно-исследовательских "
        "института."
    )
    assert (cluster.name, cluster.participants, cluster.field) == (
        "Волгоградский фармкластер",
        14,
        "фармацевтика",
    )


def test_a_changed_count_keeps_its_later_value():
    text = (  # fixtures/pdf/kaluga_note.pdf
        "Записка о развитии Калужского фармкластера\nПо итогам 2019 г. объем производства в Калужском "
        "фармкластере вырос на 14% и достиг 52,3 млрд руб. Число участников Калужского фармкластера "
        "увеличилось с 40 до 47 организаций, а численность занятых превысила 6200 человек."
    )
    (cluster,) = records(text)
    assert (cluster.participants, cluster.employees, cluster.attributes) == (
        47,
        6200,
        {"employees_qualifier": ">"},
    )


def test_a_pronoun_and_a_genitive_kind_word_at_the_top_of_the_next_page():
    (cluster, pages), *rest = document_records(
        [
            "Волгоградский химико-фармацевтический кластер создан в 2011 году.",
            "В его состав входят 23 предприятия. Общая численность работников предприятий — участников "
            "кластера составляет 9,5 тыс. человек.",
        ]
    )
    assert (cluster.founded_year, cluster.participants, cluster.employees, pages, rest) == (
        2011,
        23,
        9500,
        [1, 2],
        [],
    )
    two = document_records(
        [
            "Технопарк «Идея» и индустриальный парк «Заря» созданы в 2014 году.",
            "В его состав входят 23 предприятия.",  # which one: nobody's
        ]
    )
    assert [c.participants for c, _ in two] == [None, None]


def test_bare_numbers_under_count_headers():
    header = [
        "Наименование кластера",
        "Регион",
        "Год создания",
        "Число участников",
        "Численность работников, чел.",
    ]
    rows = [
        ["Волгоградский химико-\nфармацевтический кластер", "Волгоградская\nобласть", "2011", "23", "9 500"],
        ["Калужский фармкластер", "Калужская область", "2009", "Более 60\nкомпаний", "6200"],
    ]
    cells = [
        TableCell(row=r, col=c, page=3, text=text, col_label=header[c])
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]
    table = ParsedTable(index=0, page_first=3, page_last=3, header=header, cells=cells)
    found = [
        (f.name, f.region, f.founded_year, f.participants, f.employees) for f in clusters_from_table(table)
    ]
    assert found == [
        ("Волгоградский химико-фармацевтический кластер", "Волгоградская область", 2011, 23, 9500),
        ("Калужский фармкластер", "Калужская область", 2009, 60, 6200),
    ]


def test_a_region_and_kind_shorthand_is_the_one_fuller_record():
    text = (
        "Волгоградский химико-фармацевтический кластер создан в 2011 году. Волгоградский кластер "
        "объединяет 19 организаций. Калужский фармкластер объединяет 60 компаний."
    )
    volgograd, kaluga = records(text)
    assert (volgograd.aliases, volgograd.founded_year, volgograd.participants) == (
        ["Волгоградский кластер"],
        2011,
        19,
    )
    assert (kaluga.name, kaluga.participants) == ("Калужский фармкластер", 60)
    two = records(
        "Волгоградский химический кластер и Волгоградский аграрный кластер созданы в 2012 году. "
        "Волгоградский кластер объединяет 19 организаций."
    )
    assert len(two) == 3  # which one: none


def test_a_technopark_in_the_sphere_of_high_technologies():
    (park,) = records(
        "Технопарк в сфере высоких технологий «Жигулевская долина», г. Тольятти, Самарская область, "
        "основан в 2010 году. Площадь технопарка — 11 га."
    )
    assert (park.name, park.kind, park.city, park.region, park.founded_year, park.field) == (
        "Технопарк в сфере высоких технологий «Жигулевская долина»",
        "technopark",
        "Тольятти",
        "Самарская область",
        2010,
        None,  # "в сфере высоких технологий" is its name, not a stated field
    )
    assert park.attributes["area_km2"] == 0.11


def test_an_acronym_alias_on_a_later_page():
    (cluster, pages), *rest = document_records(
        [
            "Волгоградский химико-фармацевтический кластер (далее — ВХФК) создан в 2011 году.",
            "Развитие отрасли в регионе. ВХФК объединяет 19 организаций. ВВП России вырос на 3 %, "
            "занято 70 млн человек. В ВХФК занято 11 тыс. человек.",
        ]
    )
    assert (cluster.participants, cluster.employees, pages, rest) == (19, 11000, [1, 2], [])


@pytest.mark.parametrize(
    "text",
    [
        "В Москве и Московской области работает медицинский кластер.",  # two regions: whose?
        "Понятие «инновационный кластер» впервые закреплено в 2008 году.",  # a quoted term
        "В регионе планируется создать фармацевтический кластер к 2025 году.",  # no region named
    ],
)
def test_no_record_for_terms_or_ambiguous_regions(text):
    assert records(text) == []


@pytest.mark.parametrize(
    ("sentence", "participants"),
    [
        ("К 2012 году число участников кластера достигло 40.", 40),
        ("Число участников кластера составляет 40, из них 25 предприятий.", 40),
        ("Число участников кластера растёт.", None),
    ],
)
def test_a_labelled_count_with_a_verb(sentence, participants):
    (cluster,) = records("Волгоградский фармкластер создан в 2011 году. " + sentence)
    assert (cluster.founded_year, cluster.participants) == (2011, participants)


def test_nested_quotes_an_oblique_pronoun_and_a_cluster_that_began_forming():
    (technopolis,) = records(
        "Кластер «Технополис «Москва» (далее — Технополис) основан в 2012 году. Технополис объединяет "
        "136 резидентов, на предприятиях которых работают 10 тыс. человек."
    )
    assert (technopolis.name, technopolis.aliases, technopolis.founded_year) == (
        "Кластер «Технополис «Москва»",
        ["Технополис"],
        2012,
    )
    assert (technopolis.participants, technopolis.employees) == (136, 10000)
    (yaroslavl,) = records(
        "Ярославский фармацевтический кластер начал формироваться в 2009 году. Сегодня в него входят 34 "
        "организации."
    )
    assert (yaroslavl.founded_year, yaroslavl.participants, yaroslavl.field) == (2009, 34, "фармацевтика")
    two = records('Кластер "Альфа" и технопарк "Бета" созданы в 2012 году.')
    assert [c.name for c in two] == ["Кластер «Альфа»", "Технопарк «Бета»"]


def test_a_pronoun_after_a_year_phrase():
    (park,) = records(
        "Технопарк «Академпарк» (г. Новосибирск) основан в 2007 году, сайт: www.academpark.com. В 2019 "
        "году в нём работали 350 компаний и 10 тыс. сотрудников."
    )
    assert (park.region, park.founded_year, park.url) == ("Новосибирская область", 2007, "www.academpark.com")
    assert (park.employees, park.attributes["companies"]) == (10000, 350)


def test_plural_kinds_searched_in_letter_runs_find_every_match():
    """`lists._plural_kinds` (the kind regex tried only in letter runs holding a kind stem) finds
    exactly `PLURAL_KIND.finditer`'s matches: over the seed paper, and phrases glued to digits,
    punctuation and brackets."""
    from pipeline.extract.clusters import lists

    glued = "2парки «А» и «Б»;индустриальные (промышленные) парки «В»,технопарки-2 и зоны(ОЭЗ) парками\n"
    texts = [SEED_TEXT.read_text(encoding="utf-8"), glued, glued.upper()]
    for text in texts:
        found = [m.span() for m in lists._plural_kinds(text)]
        assert found == [m.span() for m in lists.PLURAL_KIND.finditer(text)]
    assert len(list(lists._plural_kinds(texts[0]))) > 40
