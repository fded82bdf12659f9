"""The TSV and text readers on the layouts real sheets come in (contract
v1.1, "Layouts" and "Text layout is not content"): Excel's quoted
tab-delimited export, plain TSV, fixed-width reports, pdftotext layouts
with page breaks and page furniture, padded, indented and numbered labels.

Each table is one layout; a case's id names the corpus sheet
(``tests/corpus``) or the kind of page its wording comes from, and its
expectation is the rows as ``(line, cells)``.  The properties at the end
feed the readers any text and round-trip cells through the ``csv``
module's Excel dialect.
"""

from __future__ import annotations

import csv
import io
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from chemclust_extract.extract import extract_bytes
from chemclust_extract.readers import sniff_format
from chemclust_extract.readers.text import read_text
from chemclust_extract.readers.tsv import read_tsv
from chemclust_extract.rows import Row

Rows = list[tuple[int, tuple[str, ...]]]


def rows_of(rows: list[Row]) -> Rows:
    return [(row.line, row.cells) for row in rows]


# --- Excel's tab-delimited export: quoted cells -------------------------------

EXCEL_TSV = [
    pytest.param(
        'Informace o projektu\t"Cílem projektu je cyklovýlet ""Kolem obce Kornowac"".\n\n'
        'Tyto aktivity budou mít přímý dopad."\r\nVýše dotace EU\t15 758,73 EUR\r\n',
        [
            (1, ("Informace o projektu", 'Cílem projektu je cyklovýlet "Kolem obce Kornowac".\n\nTyto aktivity budou mít přímý dopad.')),
            (4, ("Výše dotace EU", "15 758,73 EUR")),
        ],
        id="cs-kornowac-vresina-paragraphs-and-doubled-quotes",
    ),
    pytest.param(
        'Partneři projektu\t"Liberecký kraj, Česká republika\nokres Görlitz, Německo\n'
        'římskokatolická farnost Zittau, Německo"\r\nPopis projektu\t"Jednalo se o spolupráci.\t'
        'Ve společném projektu."\r\n',
        [
            (1, ("Partneři projektu", "Liberecký kraj, Česká republika\nokres Görlitz, Německo\nřímskokatolická farnost Zittau, Německo")),
            (4, ("Popis projektu", "Jednalo se o spolupráci.\tVe společném projektu.")),
        ],
        id="cs-podstavkove-domy-lines-and-a-tab-in-a-cell",
    ),
    pytest.param(
        'Managing authority\t"Ministerstwo Funduszy i Polityki Regionalnej,\tDepartament Programów Pomocowych"\r\n'
        'Location\tTrójmiejski, Poland\r\n',
        [
            (1, ("Managing authority", "Ministerstwo Funduszy i Polityki Regionalnej,\tDepartament Programów Pomocowych")),
            (2, ("Location", "Trójmiejski, Poland")),
        ],
        id="en-kohesio-jst-tab-in-a-quoted-cell",
    ),
    pytest.param(
        "č.\tPartner\tZemě\tRole\tWeb\r\n"
        '3\t"Zweckverband Naturpark ""Erzgebirge/Vogtland"""\tNěmecko\tpartner\t\r\n'
        "4\tÚstecký kraj\tČesko\tpartner\twww.kr-ustecky.cz\r\n",
        [
            (1, ("č.", "Partner", "Země", "Role", "Web")),
            (2, ("3", 'Zweckverband Naturpark "Erzgebirge/Vogtland"', "Německo", "partner")),
            (3, ("4", "Ústecký kraj", "Česko", "partner", "www.kr-ustecky.cz")),
        ],
        id="cs-moorevital-partner-table-quoted-name-trailing-tab",
    ),
    pytest.param(
        'Liczba partnerów\t"14\t(Polska: 6, Niemcy: 5, Słowacja: 2, Ukraina: 1)"\t\t\r\n'
        "Strona internetowa\twww.viaregiaplus.eu\t\t\r\n",
        [
            (1, ("Liczba partnerów", "14\t(Polska: 6, Niemcy: 5, Słowacja: 2, Ukraina: 1)")),
            (2, ("Strona internetowa", "www.viaregiaplus.eu")),
        ],
        id="plde-via-regia-plus-count-and-note-in-one-cell",
    ),
    pytest.param(
        'Schwerpunkte\t"• Öffentlichkeitsarbeit zur Zusammenarbeit.\n• Unterstützung von Projektträgern."\t\t\r\n'
        "Weitere Informationen\tat-cz.eu\t\t\r\n",
        [
            (1, ("Schwerpunkte", "• Öffentlichkeitsarbeit zur Zusammenarbeit.\n• Unterstützung von Projektträgern.")),
            (3, ("Weitere Informationen", "at-cz.eu")),
        ],
        id="plde-connecting-regions-bullets-in-a-cell",
    ),
    pytest.param(
        'Project acronym\tPlasticFreeDanube\r\nDescription (EN)\t"Plastic waste is a problem.\r\n\r\n\r\n'
        'The ""PlasticFreeDanube"" project focuses on the Danube."\r\n',
        [
            (1, ("Project acronym", "PlasticFreeDanube")),
            (2, ("Description (EN)", 'Plastic waste is a problem.\n\nThe "PlasticFreeDanube" project focuses on the Danube.')),
        ],
        id="en-plasticfreedanube-unicode-text-crlf-inside-a-cell",
    ),
    pytest.param(
        '\r\n\r\n"Projekt"\t"MOOREVITAL"\r\n"Popis projektu"\t"  První odstavec.  \n   \n  Druhý.  "\r\n',
        [(3, ("Projekt", "MOOREVITAL")), (4, ("Popis projektu", "První odstavec.\n\nDruhý."))],
        id="excel-every-cell-quoted-blank-lines-before",
    ),
    pytest.param(
        'Nationale Kofinanzierung durch\t"Ministry of Foreign Affairs and Trade (HU)\n'
        'Federal Ministry of Agriculture, Regions and Tourism (AT)"\t\r\nProjektpartner\t\t\r\n',
        [
            (1, ("Nationale Kofinanzierung durch", "Ministry of Foreign Affairs and Trade (HU)\nFederal Ministry of Agriculture, Regions and Tourism (AT)")),
            (3, ("Projektpartner",)),
        ],
        id="en-raabstat-two-lines-in-a-cell",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), EXCEL_TSV)
def test_excel_quoted_tsv(text: str, expected: Rows) -> None:
    assert rows_of(read_tsv(text)) == expected


EXCEL_EXPORT = (
    'Projekt\tMOOREVITAL\t\t\t\r\nPopis projektu\t"Státní podnik Saské lesy koordinuje aktivity.\n\n'
    'Lesy České republiky provedou ""realizační práce""."\t\t\t\r\n'
)


@pytest.mark.parametrize(
    "encoding",
    [
        pytest.param("utf-16", id="unicode-text-utf16"),
        pytest.param("cp1250", id="text-tab-delimited-cp1250"),
    ],
)
def test_an_excel_export_gives_paragraphs_end_to_end(encoding: str) -> None:
    record = extract_bytes(EXCEL_EXPORT.encode(encoding), "cs-moorevital.txt")
    assert record.source is not None
    assert record.source.format == "tsv"
    assert record.name == "MOOREVITAL"
    assert record.description == (
        "Státní podnik Saské lesy koordinuje aktivity.\n\n"
        'Lesy České republiky provedou "realizační práce".'
    )


# --- plain TSV: read exactly as before, one row a line ---------------------------

PLAIN_TSV = [
    pytest.param(
        'Stručný popis projektu\t\t\t\n<p>Mezi stanovené výsledky patří spolupráce mezi "chemickými regiony".</p>\t\t\t\n',
        [
            (1, ("Stručný popis projektu",)),
            (2, ('<p>Mezi stanovené výsledky patří spolupráce mezi "chemickými regiony".</p>',)),
        ],
        id="seed-html-cell-with-quotes-inside",
    ),
    pytest.param(
        'Název projektu\t"Zelená" Ústí nad Labem\nProgram\tInterreg IVC\n',
        [(1, ("Název projektu", '"Zelená" Ústí nad Labem')), (2, ("Program", "Interreg IVC"))],
        id="cs-quoted-word-at-the-start-of-a-cell",
    ),
    pytest.param(
        'Popis projektu\t"Cílem projektu je\nFond\tERDF\n',
        [(1, ("Popis projektu", '"Cílem projektu je')), (2, ("Fond", "ERDF"))],
        id="cs-quote-never-closed",
    ),
    pytest.param(
        'Projekttitel\t"Zusammenhalt" - über Grenzen hinweg\nProjekt\t"RaabSTAT"\n',
        [(1, ("Projekttitel", '"Zusammenhalt" - über Grenzen hinweg')), (2, ("Projekt", "RaabSTAT"))],
        id="de-stray-quote-makes-the-sheet-plain-whole-cell-quotes-still-undone",
    ),
    pytest.param(
        "Ansprechpartnerin\tFrau Markéta Knoppik\n\tReferentin für deutsch-tschechische Zusammenarbeit\n"
        "\tE-Mail: m.knoppik@aktion-zivilcourage.de\n",
        [
            (1, ("Ansprechpartnerin", "Frau Markéta Knoppik")),
            (2, ("", "Referentin für deutsch-tschechische Zusammenarbeit")),
            (3, ("", "E-Mail: m.knoppik@aktion-zivilcourage.de")),
        ],
        id="plde-zusammenhalt-continuation-rows",
    ),
    pytest.param(
        " \n\nProjekt\tChemClust\t\t\n1\tÚstí Region (CZ)\thttp://www.kr-ustecky.cz/\t\ufffd\n",
        [(3, ("Projekt", "ChemClust")), (4, ("1", "Ústí Region (CZ)", "http://www.kr-ustecky.cz/"))],
        id="seed-blank-lines-trailing-tabs-stray-byte",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PLAIN_TSV)
def test_plain_tsv(text: str, expected: Rows) -> None:
    assert rows_of(read_tsv(text)) == expected


SNIFFED = [
    pytest.param(
        'Popis projektu\t"' + "Odstavec textu bez tabulátoru.\n\n" * 12 + '"\r\nFond\tERDF\r\n',
        "tsv",
        id="cs-long-quoted-description-is-still-tsv",
    ),
    pytest.param('Projekt: X\n"Citát" z textu\nProgram: Y\n', "text", id="cs-text-with-a-quoted-line"),
    pytest.param('Projekt: X\tY\n"Citát bez konce\n' + "řádek\n" * 12, "text", id="cs-text-quote-never-closed"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind"), SNIFFED)
def test_sniff_counts_records_of_a_quoted_sheet(text: str, kind: str) -> None:
    assert sniff_format(text) == kind


# --- fixed-width text reports: labels aligned by runs of spaces ----------------

FIXED_WIDTH = [
    pytest.param(
        "Název projektu                CLARA III: Rozvoj společné partnerské spolupráce\r\n"
        "Číslo projektu                124\r\n"
        "Začátek realizace projektu    01.10.16\r\n",
        [
            (1, ("Název projektu", "CLARA III: Rozvoj společné partnerské spolupráce")),
            (2, ("Číslo projektu", "124")),
            (3, ("Začátek realizace projektu", "01.10.16")),
        ],
        id="cs-clara-iii-colon-inside-the-value",
    ),
    pytest.param(
        "Location              Moravian-Silesian Region, Czechia\n"
        "Summary               The project supports and coordinates the implementation\n"
        "                      of community-led local development strategies (SCLLD),\n"
        "                      in particular by solving problem areas.\n",
        [
            (1, ("Location", "Moravian-Silesian Region, Czechia")),
            (2, ("Summary", "The project supports and coordinates the implementation\nof community-led local development strategies (SCLLD),\nin particular by solving problem areas.")),
        ],
        id="en-kohesio-clld2-value-wraps-to-the-value-column",
    ),
    pytest.param(
        "------------------------------------------------------------------\r\n"
        "Projekttitel          Nachbarspracherwerb von der Kita bis zum Schulabschluss – der\r\n"
        "                      Schlüssel für die Kommunikation in der Euroregion Pomerania\r\n"
        "------------------------------------------------------------------\r\n"
        "Projektpartner        Stadt Szczecin (PL) (Leadpartner)\r\n"
        "                      Landkreis Uckermark (DE)\r\n"
        "Projektbeschreibung   Dabei sollen Kinder auf beiden Seiten lernen.\r\n"
        "\r\n"
        "                      Das Ganze wird wissenschaftlich begleitet.\r\n"
        "------------------------------------------------------------------\r\n"
        "Stand                 07.11.2018\r\n",
        [
            (2, ("Projekttitel", "Nachbarspracherwerb von der Kita bis zum Schulabschluss – der\nSchlüssel für die Kommunikation in der Euroregion Pomerania")),
            (5, ("Projektpartner", "Stadt Szczecin (PL) (Leadpartner)\nLandkreis Uckermark (DE)")),
            (7, ("Projektbeschreibung", "Dabei sollen Kinder auf beiden Seiten lernen.\n\nDas Ganze wird wissenschaftlich begleitet.")),
            (11, ("Stand", "07.11.2018")),
        ],
        id="plde-nachbarsprache-rules-are-no-rows",
    ),
    pytest.param(
        "Nr.   Partner                             Land          Rolle\n"
        "1     Regionalmanagement Burgenland GmbH  Österreich    Partner\n"
        "5     Stadt Wien                          Österreich    Strategischer Partner\n",
        [
            (1, ("Nr.", "Partner", "Land", "Rolle")),
            (2, ("1", "Regionalmanagement Burgenland GmbH", "Österreich", "Partner")),
            (3, ("5", "Stadt Wien", "Österreich", "Strategischer Partner")),
        ],
        id="de-regiocoop-partner-table-in-columns",
    ),
    pytest.param(
        "Status                Finanzierung beantragt\nEFRE-Mittel\nAntragsteller         Aktion Zivilcourage e.V.\n",
        [(1, ("Status", "Finanzierung beantragt")), (2, ("EFRE-Mittel",)), (3, ("Antragsteller", "Aktion Zivilcourage e.V."))],
        id="de-zusammenhalt-a-label-with-no-value",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FIXED_WIDTH)
def test_fixed_width_reports(text: str, expected: Rows) -> None:
    assert rows_of(read_text(text)) == expected


# --- pdftotext layouts: a margin, a value column, pages ---------------------------

PDFTOTEXT = [
    pytest.param(
        "\n"
        "       Projekt:                          Euregionale Strategie AT-CZ 2021\n"
        "       Fonds:                            EFRE\n"
        "\n"
        "       Leadpartner:                      Südböhmische Silva Nortica (Tschechien)\n"
        "       Partner:                          NÖ.Regional.GmbH (Österreich)\n"
        "\n"
        "       Kurzbeschreibung:                 Ziel des Projektes ist es, eine Strategie zu\n"
        "                                         erarbeiten.\n"
        "\n"
        "                                         Die Ausarbeitung bildet die Basis.\n"
        "\n"
        "       Downloads:                        Strategie KPF 2021+ (PDF)\n"
        "\n"
        "\f",
        [
            (2, ("Projekt:", "Euregionale Strategie AT-CZ 2021")),
            (3, ("Fonds:", "EFRE")),
            (5, ("Leadpartner:", "Südböhmische Silva Nortica (Tschechien)")),
            (6, ("Partner:", "NÖ.Regional.GmbH (Österreich)")),
            (8, ("Kurzbeschreibung:", "Ziel des Projektes ist es, eine Strategie zu\nerarbeiten.\n\nDie Ausarbeitung bildet die Basis.")),
            (13, ("Downloads:", "Strategie KPF 2021+ (PDF)")),
        ],
        id="de-kpf-strategie-page-margin-is-no-indent",
    ),
    pytest.param(
        "Danube Hazard m3c – project fact sheet\n"
        "   Project acronym:      Danube Hazard m3c\n"
        "   Project summary:      Pollution by hazardous substances is a major\n"
        "                         water quality issue in the Danube River Basin,\n"
        "\n"
        "                                   Page 1 of 2\n"
        "\fDanube Hazard m3c – project fact sheet\n"
        "\n"
        "                         also for non-EU countries.\n"
        "   Total budget:         € 2,60 million\n"
        "\n"
        "                                   Page 2 of 2\n"
        "\f",
        [
            (2, ("Project acronym:", "Danube Hazard m3c")),
            (3, ("Project summary:", "Pollution by hazardous substances is a major\nwater quality issue in the Danube River Basin,\nalso for non-EU countries.")),
            (10, ("Total budget:", "€ 2,60 million")),
        ],
        id="en-danube-title-and-page-x-of-y-dropped-a-value-across-the-break",
    ),
    pytest.param(
        "Projektbeschreibung – Interreg Sachsen-Tschechien\n"
        "Projekt:           ArchaeoMontan 2018\n"
        "Projektbeschreibung:\n"
        "                   ArchaeoMontan 2018 ist ein internationales Projekt, das\n"
        "- 1 -\n"
        "\fProjektbeschreibung – Interreg Sachsen-Tschechien\n"
        "                   sich der Erforschung des Bergbaus widmet.\n"
        "\n"
        "                   Kennzeichnend ist die Zusammenarbeit.\n"
        "- 2 -\n",
        [
            (2, ("Projekt:", "ArchaeoMontan 2018")),
            (3, ("Projektbeschreibung:",)),
            (4, ("", "ArchaeoMontan 2018 ist ein internationales Projekt, das\nsich der Erforschung des Bergbaus widmet.")),
            (9, ("", "Kennzeichnend ist die Zusammenarbeit.")),
        ],
        id="de-archaeomontan-repeated-title-and-page-numbers-dropped",
    ),
    pytest.param(
        "      Tytuł projektu:                       Poznajemy tradycje świąteczne na pograniczu\n"
        "                                            polsko-saksońskim\n"
        "\n"
        "      Beneficjent:                          Gminny Ośrodek Kultury w Sulikowie\n"
        "      Maksymalna kwota dofinansowania z EFRR:     15.524,62 Euro (85%)\n"
        "\n\n\f",
        [
            (1, ("Tytuł projektu:", "Poznajemy tradycje świąteczne na pograniczu\npolsko-saksońskim")),
            (4, ("Beneficjent:", "Gminny Ośrodek Kultury w Sulikowie")),
            (5, ("Maksymalna kwota dofinansowania z EFRR:", "15.524,62 Euro (85%)")),
        ],
        id="pl-sulikow-tradycje-indented-form-and-form-feed",
    ),
    pytest.param(
        "Projekt:   X\n\f\fProgram:   Interreg\n",
        [(1, ("Projekt:", "X")), (2, ("Program:", "Interreg"))],
        id="form-feeds-are-no-content-and-count-no-lines",
    ),
    pytest.param(
        "Tel: 475 111 222\nProjekt:   X\n\fTel: 475 333 444\nProgram:   Y\n\fWeb: www.x.cz\n",
        [(1, ("Tel:", "475 111 222")), (2, ("Projekt:", "X")), (3, ("Tel:", "475 333 444")), (4, ("Program:", "Y")), (5, ("Web:", "www.x.cz"))],
        id="lines-alike-at-page-edges-whose-numbers-are-no-page-numbers-are-kept",
    ),
    # Justified text: a converter writes two spaces between some words of a
    # label; in a sheet of "Label:" lines the colon still ends the label.
    pytest.param(
        "Název projektu:     Společně  pro  Krkonoše\n"
        "Dotace z  ERDF:                       722 500  EUR\n"
        "Doba realizace:  1. 1. 2010  –  30. 6. 2012\n",
        [(1, ("Název projektu:", "Společně  pro  Krkonoše")), (2, ("Dotace z ERDF:", "722 500  EUR")),
         (3, ("Doba realizace:", "1. 1. 2010  –  30. 6. 2012"))],
        id="two-spaces-inside-a-label-of-a-colon-sheet",
    ),
    pytest.param(
        "Název projektu        CLARA III: Rozvoj\nProgram                Interreg\nRozpočet               1 000 EUR\n",
        [(1, ("Název projektu", "CLARA III: Rozvoj")), (2, ("Program", "Interreg")), (3, ("Rozpočet", "1 000 EUR"))],
        id="a-colon-in-a-value-of-an-aligned-sheet",
    ),
    pytest.param(
        "Projekt:  X\nKontakt   Tel: 475 111 222\nProgram:  Y\n",
        [(1, ("Projekt:", "X")), (2, ("Kontakt", "Tel: 475 111 222")), (3, ("Program:", "Y"))],
        id="a-wide-gap-is-no-space-inside-a-label",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PDFTOTEXT)
def test_pdftotext_layouts(text: str, expected: Rows) -> None:
    assert rows_of(read_text(text)) == expected


# --- labels padded, indented, numbered; list items ------------------------------

LABELS = [
    pytest.param(
        "Project: ChemClust\n  Budget   :  1 000 EUR\n    more of the budget\n",
        [(1, ("Project:", "ChemClust")), (2, ("Budget:", "1 000 EUR\nmore of the budget"))],
        id="en-padded-label-left-of-the-value-column",
    ),
    pytest.param(
        "Kontaktní osoba:    Špoták Dalibor\n                    Referent\n                    Mail: spotak.d@kr-ustecky.cz\n",
        [(1, ("Kontaktní osoba:", "Špoták Dalibor\nReferent\nMail: spotak.d@kr-ustecky.cz"))],
        id="cs-chemclust-text-contact-lines-at-the-value-column",
    ),
    pytest.param(
        "1. Název projektu:          Strategie systémové spolupráce veřejných institucí\n"
        "                            Moravskoslezského kraje\n\n"
        "3. Programové období:       2007–2013\n\n"
        "5. Celkové výdaje projektu:                                          4 088 997 Kč\n",
        [
            (1, ("1. Název projektu:", "Strategie systémové spolupráce veřejných institucí\nMoravskoslezského kraje")),
            (4, ("3. Programové období:", "2007–2013")),
            (6, ("5. Celkové výdaje projektu:", "4 088 997 Kč")),
        ],
        id="cs-strategie-msk-pl-numbered-labels",
    ),
    pytest.param(
        "11. Wkład własny Beneficjenta:        2 245,40 EUR\n12. Cel projektu:\n"
        "    Realizacja projektu ma na celu zwiększenie współpracy.\n",
        [
            (1, ("11. Wkład własny Beneficjenta:", "2 245,40 EUR")),
            (2, ("12. Cel projektu:",)),
            (3, ("", "Realizacja projektu ma na celu zwiększenie współpracy.")),
        ],
        id="pl-korfantow-razem-numbered-bare-label",
    ),
    pytest.param(
        "2. Partneři projektu:\n1. Ústí Region (CZ)\n2. Kick-off: Brusel (BE)\n3. Rozpočet:   1 000 EUR\n",
        [
            (1, ("2. Partneři projektu:",)),
            (2, ("1. Ústí Region (CZ)",)),
            (3, ("2. Kick-off: Brusel (BE)",)),
            (4, ("3. Rozpočet:", "1 000 EUR")),
        ],
        id="cs-numbered-items-under-a-numbered-label-then-the-next-label",
    ),
    pytest.param(
        "Projekt: ChemClust\n5. Ústí Region (CZ)     http://www.kr-ustecky.cz/\n6. Novara (IT): Province\n",
        [
            (1, ("Projekt:", "ChemClust")),
            (2, ("5. Ústí Region (CZ)     http://www.kr-ustecky.cz/",)),
            (3, ("6. Novara (IT): Province",)),
        ],
        id="cs-a-numbered-line-without-a-colon-is-an-item",
    ),
    pytest.param(
        "Kooperationspartner:\n"
        "                        Landesamt für Archäologie Dresden (DE) (Lead-Partner)\n"
        "                        1. Sächsisches Oberbergamt Freiberg (DE)\n"
        "                        2. Große Kreisstadt Dippoldiswalde (DE)\n",
        [
            (1, ("Kooperationspartner:",)),
            (2, ("", "Landesamt für Archäologie Dresden (DE) (Lead-Partner)")),
            (3, ("1. Sächsisches Oberbergamt Freiberg (DE)",)),
            (4, ("2. Große Kreisstadt Dippoldiswalde (DE)",)),
        ],
        id="de-archaeomontan-items-stay-items",
    ),
    pytest.param(
        "Partneři projektu\n"
        "  2. Ministry of Economy, Medium-sized Businesses and Energy,\n"
        "     North Rhine-Westphalia (DE)\n"
        "  3. Regional Development Agency of Asturias (ES)\n",
        [
            (1, ("Partneři projektu",)),
            (2, ("2. Ministry of Economy, Medium-sized Businesses and Energy,\nNorth Rhine-Westphalia (DE)",)),
            (4, ("3. Regional Development Agency of Asturias (ES)",)),
        ],
        id="cs-an-item-wraps-onto-an-indented-line",
    ),
    pytest.param(
        "Aktuelles:\n  - Grenzüberschreitende Projektpartnerbörse (04.05.10)\n  • Kick-off Meeting am 5. November 2020\n",
        [
            (1, ("Aktuelles:",)),
            (2, ("- Grenzüberschreitende Projektpartnerbörse (04.05.10)",)),
            (3, ("• Kick-off Meeting am 5. November 2020",)),
        ],
        id="de-recom-bulleted-items",
    ),
    pytest.param(
        "Nationale Kofinanzierung:\n                      Land Niederösterreich, Kreis Südböhmen\n"
        "Ansprechpartnerin:    Bernadette Fraberger\n                      Telefon 0676/812 20 340\n",
        [
            (1, ("Nationale Kofinanzierung:",)),
            (2, ("", "Land Niederösterreich, Kreis Südböhmen")),
            (3, ("Ansprechpartnerin:", "Bernadette Fraberger\nTelefon 0676/812 20 340")),
        ],
        id="de-recom-bare-label-and-an-indented-value",
    ),
    pytest.param(
        "Projekt:\tChemClust\n\tReferent\nProgram:\tInterreg IVC\n",
        [(1, ("Projekt:", "ChemClust\nReferent")), (3, ("Program:", "Interreg IVC"))],
        id="cs-tab-indented-continuation",
    ),
    pytest.param(
        "Partner wiodący:   Gmina Zgorzelec    Polska\nWeb:  http://www.x.pl   \n",
        [(1, ("Partner wiodący:", "Gmina Zgorzelec", "Polska")), (2, ("Web:", "http://www.x.pl"))],
        id="pl-przygoda-value-in-columns",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), LABELS)
def test_labels_padded_indented_numbered(text: str, expected: Rows) -> None:
    assert rows_of(read_text(text)) == expected


# --- blocks: an item list ends where its block of text ends ----------------------

BLOCKS = [
    pytest.param(
        "Neuigkeiten           Tagung in Pasewalk, 7. November 2018\n"
        "----------------------------------------------------------\n"
        "Stand                 07.11.2018\n",
        [(1, 1), (3, 2)],
        id="plde-nachbarsprache-a-rule-ends-the-news",
    ),
    pytest.param(
        "Partneři projektu:\n\n  1. Ústí Region (CZ)\n\n  2. Province of Novara (IT)\n\nProgram: Interreg IVC\n",
        [(1, 1), (3, 1), (5, 1), (7, 2)],
        id="cs-a-lone-label-and-its-items-across-blank-lines",
    ),
    pytest.param(
        "Partneři projektu:   3 partneři\n\n- Liberecký kraj (CZ)\n- Landkreis Görlitz (DE)\n\nPoznámka   viz web\n",
        [(1, 1), (3, 1), (4, 1), (6, 2)],
        id="cs-items-after-a-labelled-row-and-a-blank-line",
    ),
    pytest.param(
        "Stručný popis projektu:\n    První odstavec.\n\n    Druhý odstavec.\nAktuality:\n  - První workshop\n\n"
        "Prezentace, dokumenty:\n  - ECRN Newsletter (May 2010)\n",
        [(1, 1), (2, 1), (4, 1), (5, 1), (6, 1), (8, 2), (9, 2)],
        id="cs-chemclust-text-paragraphs-stay-with-their-label",
    ),
    pytest.param(
        "Projekt:   X\n\n   Page 1 of 2\n\fProgram:   Y\n\n   Page 2 of 2\n\f",
        [(1, 1), (4, 1)],
        id="a-page-break-is-no-gap",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), BLOCKS)
def test_text_blocks(text: str, expected: list[tuple[int, int]]) -> None:
    assert [(row.line, row.block) for row in read_text(text)] == expected


# --- properties ------------------------------------------------------------------

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Text made of what layouts are made of, often enough to matter.
LAYOUT_TEXT = st.lists(
    st.one_of(
        st.text(max_size=12),
        st.sampled_from(
            ["\n", "\r\n", "\f", "\t", '"', '""', "    ", "          ", ":", "1. ", "- ", "Page 1 of 2",
             "Projekt:", "Název projektu", "-----", "\u2028", "\x85", "\x0b"]
        ),
    ),
    max_size=40,
).map("".join)  # fmt: skip


def assert_rows_of_text(rows: list[Row]) -> None:
    assert isinstance(rows, list)
    for row in rows:
        assert isinstance(row, Row)
        assert row.cells and all(isinstance(cell, str) for cell in row.cells)
        assert any(cell.strip() for cell in row.cells)  # no blank rows
        assert row.line >= 1
    assert all(a.line <= b.line and a.block <= b.block for a, b in pairwise(rows))


@PROPERTY
@given(st.one_of(st.text(), LAYOUT_TEXT))
@example("Projekt:\n\f\f\n  - a\n\fPage 1 of 2\n")
@example('"a\tb"\n"')
@example("-----")
@example("0\f0")
def test_read_text_of_any_text_gives_rows_of_text(text: str) -> None:
    rows = read_text(text)
    assert_rows_of_text(rows)
    assert all("\f" not in cell for row in rows for cell in row.cells)
    if text.strip():
        assert rows  # a text that is all layout is read as text


@PROPERTY
@given(st.one_of(st.text(), LAYOUT_TEXT))
@example('"a\n\nb"\t"c')
def test_read_tsv_of_any_text_gives_rows_of_text(text: str) -> None:
    rows = read_tsv(text)
    assert_rows_of_text(rows)
    assert all(row.cells[-1].strip() for row in rows)  # no empty cell ends a row


# A cell as a person types it: words, single spaces, line and paragraph
# breaks, quotes and tabs anywhere.
WORD = st.text(st.sampled_from('aáZž1"\t;,.<>'), min_size=1, max_size=6).filter(
    lambda w: w.strip() == w
)
LINE = st.lists(WORD, min_size=1, max_size=4).map(" ".join)
CELL = st.lists(st.tuples(LINE, st.sampled_from(["\n", "\n\n"])), max_size=3).map(
    lambda parts: "".join(line + brk for line, brk in parts).strip()
)
SHEET = st.lists(
    st.lists(CELL, min_size=1, max_size=4).filter(lambda cells: bool(cells[-1])),
    min_size=1,
    max_size=8,
)


@PROPERTY
@given(SHEET)
@example([['"Zelená" Ústí'], ["a", 'b "c" d']])
@example([["Popis", "První.\n\nDruhý."], ["Fond", "ERDF"]])
def test_cells_written_by_excel_read_back(sheet: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, dialect="excel-tab").writerows(sheet)
    rows = read_tsv(buffer.getvalue())
    assert [row.cells for row in rows] == [tuple(cells) for cells in sheet]
    starts, line = [], 1
    for cells in sheet:
        starts.append(line)
        line += 1 + sum(cell.count("\n") for cell in cells)
    assert [row.line for row in rows] == starts


PLAIN_CELL = st.text(st.sampled_from('aá1 "<p>;,.'), max_size=8)


@PROPERTY
@given(st.lists(st.lists(PLAIN_CELL, max_size=4), max_size=8))
def test_tsv_without_quoted_cells_reads_a_row_a_line(sheet: list[list[str]]) -> None:
    """No cell opens with a quote: every line is a row of its own, as before
    quoted cells were read (a whole quoted cell is still unquoted)."""
    sheet = [[cell.lstrip('" ') for cell in cells] for cells in sheet]
    text = "\n".join("\t".join(cells) for cells in sheet)
    expected = []
    for number, cells in enumerate(sheet, start=1):
        stripped = [cell.strip() for cell in cells]
        while stripped and not stripped[-1]:
            stripped.pop()
        if stripped:
            expected.append((number, tuple(stripped)))
    assert rows_of(read_tsv(text)) == expected


def test_a_two_column_fact_sheet_reads_column_by_column() -> None:
    """pdftotext -layout of a fact sheet with two columns of labels and
    values: no value runs into the label beside it."""
    text = (
        "   Acronym           E-CONOMY                               Priority axis        2\n"
        "   Project code      SIHU142                                Investment priority  11b\n"
        "   Start date        01.01.2018                             Specific objective   SO 2: To increase\n"
        "   End date          30.06.2019                                                  the capacity\n"
    )
    cells = [r.cells for r in read_text(text)]
    assert ("Acronym", "E-CONOMY") in cells and ("Priority axis", "2") in cells
    assert ("Start date", "01.01.2018") in cells and ("End date", "30.06.2019") in cells
    assert ("Specific objective", "SO 2: To increase\nthe capacity") in cells


def test_a_fixed_width_table_is_not_read_as_two_columns() -> None:
    text = (
        "Nr.   Partner                 Land          Rolle\n"
        "1     Stadt Wien              Österreich    Leadpartner\n"
        "2     Město Brno              Tschechien    Partner\n"
        "3     Bratislava              Slowakei      Partner\n"
    )
    assert [r.cells for r in read_text(text)][1] == ("1", "Stadt Wien", "Österreich", "Leadpartner")


def test_wrapped_lines_of_running_text_are_one_paragraph() -> None:
    text = (
        "Project summary\n\n"
        "The general goal of our project is the enhancement of the economic development of the\n"
        "Hungarian-Slovenian cross-border region through the cooperation of institutions.\n"
        "Partnership\n"
    )
    cells = [r.cells for r in read_text(text)]
    assert cells[1] == (
        "The general goal of our project is the enhancement of the economic development of the "
        "Hungarian-Slovenian cross-border region through the cooperation of institutions.",
    )
    assert cells[2] == ("Partnership",)
