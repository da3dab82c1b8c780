# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Het ingebouwde kader als product: omvang, dekking van het verslag, en het leesbare document."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from azc_kwaliteit.invoer.openen import laad_kader
from conftest import MINI_KADER, draai, schrijf

K = laad_kader().kader


def test_omvang_per_pijler() -> None:
    assert len(K.criteria) >= 40
    per = Counter(c.pijler for c in K.criteria)
    assert {p.id for p in K.pijlers} == {"voorzieningen", "bescherming", "participatie"}
    assert all(per[p.id] >= 10 for p in K.pijlers), per


def test_geplande_locaties_zijn_echt_te_toetsen() -> None:
    assert sum("gepland" in c.fasen for c in K.criteria) >= 12


def test_criteria_alleen_voor_amv_en_alleen_voor_gezinnen() -> None:
    assert sum(c.doelgroepen == ["amv"] for c in K.criteria) >= 8
    assert sum(c.doelgroepen == ["gezinnen"] for c in K.criteria) >= 5


def test_kritiek_waar_de_bronnen_het_dragen() -> None:
    """Kritiek is de 'direct'-klasse van de rechter (water, voeding, zorg, veiligheid, school,
    kwetsbare kinderen in crisisopvang): die zit in voorzieningen en bescherming. Participatie kent
    in de bronnen geen norm die direct op orde moet zijn; daar is dus geen kritiek criterium."""
    kritiek = Counter(c.pijler for c in K.criteria if c.kritiek)
    assert kritiek["voorzieningen"] >= 3 and kritiek["bescherming"] >= 3
    direct = {"drinkwater", "voeding-kinderen", "toegang-zorg", "brandveiligheid",
              "slaapplek-eigen-bed", "vog-personeel", "onderwijs-binnen-2-maanden",
              "geen-kwetsbaren-in-crisisnoodopvang"}
    assert direct <= {c.id for c in K.criteria if c.kritiek}
    # de 'redelijke termijn' van de rechter: slaapruimte, sanitair, spelen, verblijfsduur, schaal
    termijn = {"vloeroppervlak-slaapruimte", "slaapkamer-per-gezin", "slaapruimte-afsluitbaar",
               "sanitair-voldoende", "sanitair-apart-vrouwen-kinderen", "speelruimte-binnen",
               "speelruimte-buiten", "verblijfsduur-noodopvang", "verhuizingen-totaal",
               "omvang-locatie", "veiligheidsgevoel-kinderen", "hygiene-schoon"}
    assert termijn <= {c.id for c in K.criteria if c.ernst == "voorwaarde"}
    # één antwoord, één betekenis: een kleine tekortkoming is geen knock-out
    assert {"training-kinderbescherming", "noodnummers-zichtbaar", "verlichting-buiten",
            "veiligheidsrisico-analyse"} <= {c.id for c in K.criteria if c.ernst == "gewoon"}


def test_elke_ernst_is_verantwoord_met_een_bron() -> None:
    """Elk criterium zegt in zijn toelichting waarom het kritiek, voorwaarde of gewoon is, en
    noemt daarbij een bron uit zijn eigen bronnenlijst."""
    for c in K.criteria:
        zin = c.toelichting.split(f"Ernst {c.ernst.value}")
        assert len(zin) == 2, f"{c.id}: toelichting verantwoordt de ernst niet"
        sleutels = {b.split()[0] for b in c.bronnen}
        assert any(s in zin[1] for s in sleutels), f"{c.id}: de verantwoording noemt geen bron"


def test_gepubliceerde_getallen_kloppen_met_de_bronnen() -> None:
    """Issue 12, punt 5: de getallen die eerder niet klopten met de bronnen."""
    def c(cid: str) -> Any:
        gevonden = K.criterium(cid)
        assert gevonden is not None, cid
        return gevonden

    assert c("verblijfsduur-noodopvang").deels.max < 8  # 8 maanden is de bekritiseerde praktijk
    assert c("omvang-locatie").norm.max < 300  # 300 is COA's ondergrens voor een regulier azc
    assert c("verhuizingen-totaal").norm.max == 1  # UNICEF: één verhuizing in totaal
    assert "rcd2024 art. 20 lid 7" in c("verhuizingen-totaal").bronnen
    assert "rcd2024 art. 27 lid 9" not in c("verhuizingen-totaal").bronnen  # alleen voor amv
    assert {"rcd2024 art. 22"} <= set(c("toegang-zorg").bronnen)
    assert {"rcd2024 art. 22", "rcd2024 art. 26 lid 4"} <= set(c("ggz-kinderen").bronnen)
    assert "rcd2024 art. 26 lid 5" in c("broers-zussen-samen").bronnen
    assert "rcd2024 art. 26 lid 2 onder d" in c("kinderen-gehoord").bronnen
    assert c("voogd-caseload").norm.max == 30 and c("voogd-caseload").deels.max == 50
    assert "aanmeldcentrum" in c("verblijf-aanmeldcentrum-amv").soorten
    for cid in ("maanden-in-opvang", "verhuizingen-totaal"):
        soorten = c(cid).soorten
        assert not soorten or {"azc", "gezinslocatie"} <= set(soorten)


def test_elk_thema_van_het_verslag_is_gedekt() -> None:
    themas = {t.naam: t.criteria for t in K.themas}
    verwacht = {
        "Kleinschaligheid en stabiliteit", "Speelruimte", "Privacy",
        "Kookvoorzieningen en structuur", "Toegang tot regulier onderwijs en zorg",
        "Fysieke en sociale veiligheid", "Tijdig signaleren van kwetsbaarheden",
        "Kinderen worden gehoord", "Zinvolle dagbesteding voor amv", "Mentor of coach per amv",
        "Gespecialiseerde amv-begeleiding op gesplitste locaties", "Nabijheid zonder menging",
        "Lokale inbedding en draagvlak", "De drie COA-categorieën",
    }
    assert verwacht <= set(themas)
    ids = {c.id for c in K.criteria}
    assert all(themas[t] and set(themas[t]) <= ids for t in verwacht)


def test_getallen_hebben_een_eenheid() -> None:
    for c in K.criteria:
        if c.type == "getal":
            assert c.eenheid, c.id


def test_kader_document_markdown(runner: CliRunner) -> None:
    r = draai(runner, "kader", "document")
    assert r.exit_code == 0
    tekst = r.stdout
    for c in K.criteria:
        assert f"`{c.id}`" in tekst
    assert "## Hoe een locatie wordt ingedeeld" in tekst
    assert "onder 50 %" in tekst and "minstens 80 %" in tekst
    assert "## Herleidbaarheid naar het rondetafelgesprek" in tekst
    assert "Internationaal Verdrag inzake de Rechten van het Kind (1989), art. 28" in tekst


class _Structuur(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, Any]]] = []
        self.tekst: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.tekst.append(data)


def test_kader_document_html(runner: CliRunner, tmp_path: Path) -> None:
    uit = tmp_path / "kader.html"
    r = draai(runner, "kader", "document", "--formaat", "html", "--uitvoer", str(uit))
    assert r.exit_code == 0
    p = _Structuur()
    p.feed(uit.read_text(encoding="utf-8"))
    assert ("html", {"lang": "nl"}) in p.tags
    secties = {a.get("id") for t, a in p.tags if t == "section"}
    assert secties == {c.id for c in K.criteria}
    assert sum(t == "h2" for t, _ in p.tags) >= 5
    assert not any(t in ("script", "link", "img") for t, _ in p.tags)


def test_kader_document_html_ontsnapt_tekst(runner: CliRunner, tmp_path: Path) -> None:
    import copy

    data = copy.deepcopy(MINI_KADER)
    data["criteria"][0]["titel"] = "<script>alert(1)</script>"
    data["criteria"][0]["advies"] = "{{ 7*7 }}"
    kader = schrijf(tmp_path / "k.yaml", data)
    r = draai(runner, "kader", "document", "--kader", str(kader), "--formaat", "html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.stdout
    assert "<script>" not in r.stdout
    assert "<dd>{{ 7*7 }}</dd>" in r.stdout and "<dd>49</dd>" not in r.stdout
