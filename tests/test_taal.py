# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""``--taal nl|en``: hetzelfde programma in het Engels, uit dezelfde sjablonen, met een kader dat
zijn eigen vertalingen draagt. Een EU-collega leest elk kanaal (terminal, Markdown, HTML, JUnit,
SARIF, CSVW, hulp en meldingen) in het Engels; de JSON-sleutels en de indeling veranderen niet."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import xmlschema
import yaml
from hypothesis import HealthCheck, given, settings
from typer.testing import CliRunner

from azc_kwaliteit.domein import vertalen
from azc_kwaliteit.domein.kadertaal import MERK, in_taal, ontbrekend
from azc_kwaliteit.indeling.categorie import deel_in
from azc_kwaliteit.invoer.openen import laad_kader
from conftest import MINI_KADER, ROOT, VOORBEELDEN, draai, schrijf
from test_eigenschappen import doc, gevallen

sys.path.insert(0, str(ROOT / "hulpmiddelen"))
pytest.importorskip("babel", reason="Babel (test-extra) leest de catalogus")
import catalogus

KRITIEK = VOORBEELDEN / "kritiek-sporthal-noodopvang.yaml"
SCHEMAS = Path(__file__).resolve().parent / "schemas"
PLAATS = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)s")


def _ids(m: Any) -> tuple[str, ...]:
    return tuple(m.id) if isinstance(m.id, list | tuple) else (m.id,)


def _strings(m: Any) -> tuple[str, ...]:
    return tuple(m.string) if isinstance(m.string, list | tuple) else (m.string,)


@pytest.fixture(scope="module")
def po() -> Any:
    return catalogus.lees("en")


# ---------------------------------------------------------------- de catalogus


def test_elke_tekst_uit_code_sjablonen_en_hulp_heeft_een_engelse_vertaling(po: Any) -> None:
    nodig = {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalogus.sjabloon() if m.id}
    vertaald = {(m.id if isinstance(m.id, str) else tuple(m.id)): m for m in po if m.id}
    assert len(nodig) > 600  # de hele interface, niet een handvol
    ontbreekt = [i for i in nodig if i not in vertaald or not all(_strings(vertaald[i]))
                 or vertaald[i].fuzzy]
    assert not ontbreekt, f"zonder vertaling (draai hulpmiddelen/catalogus.py): {ontbreekt[:10]}"


def test_vertalingen_houden_dezelfde_plaatshouders(po: Any) -> None:
    fout = [(m.id, m.string) for m in po if m.id and any(
        sorted(PLAATS.findall(bron)) != sorted(PLAATS.findall(doel))
        for bron, doel in zip(_ids(m) * 2, _strings(m), strict=False))]
    assert not fout
    assert not [f for m in po for f in m.check(po)]  # Babel's eigen controle (python-format)


def test_de_gecompileerde_catalogus_hoort_bij_de_po(po: Any) -> None:
    """Het programma leest alleen de .mo: elke vertaling uit de .po moet er precies zo in staan
    (via gettext zelf gelezen, zoals het programma het doet)."""
    import gettext
    import io

    mo = ROOT / "src" / "azc_kwaliteit" / "vertalingen" / "en.mo"
    vertaling = gettext.GNUTranslations(io.BytesIO(mo.read_bytes()))
    anders = []
    for m in po:
        if not m.id:
            continue
        if isinstance(m.id, str):
            if vertaling.gettext(m.id) != m.string:
                anders.append(m.id)
        elif (vertaling.ngettext(m.id[0], m.id[1], 1), vertaling.ngettext(m.id[0], m.id[1], 2)) \
                != tuple(m.string):
            anders.append(m.id)
    assert not anders, f"draai hulpmiddelen/catalogus.py: {anders[:5]}"
    assert vertalen.catalogus("en").gettext("Pijlers") == "Pillars"  # zoals de package hem laadt


SJABLONEN = ROOT / "src" / "azc_kwaliteit" / "uitvoer" / "sjablonen"
VASTE_WOORDEN = {"azc", "kwaliteit", "html", "index", "hash"}
"""Woorden die buiten ``_()`` in een sjabloon mogen staan: de naam van het programma en vaste
bestandsnamen."""


@pytest.mark.parametrize("sjabloon", sorted(SJABLONEN.glob("*.j2")), ids=lambda p: p.name)
def test_sjablonen_hebben_geen_tekst_buiten_de_catalogus(sjabloon: Path) -> None:
    tekst = sjabloon.read_text(encoding="utf-8")
    for patroon in (r"\{#.*?#\}", r"<style>.*?</style>", r"\{\{.*?\}\}", r"\{%.*?%\}"):
        tekst = re.sub(patroon, "", tekst, flags=re.S)
    attributen = re.findall(r'(?:aria-label|title|alt)="([^"]*)"', tekst)
    tekst = re.sub(r"<[^>]*>", "", tekst)
    woorden = set(re.findall(r"[A-Za-zÀ-ÿ]{3,}", " ".join([tekst, *attributen])))
    assert woorden <= VASTE_WOORDEN


# ---------------------------------------------------------------- de optie


def test_taal_staat_op_elke_opdracht_met_azc_taal_als_omgevingsvariabele() -> None:
    import typer.main

    from azc_kwaliteit.cli import app
    from azc_kwaliteit.cli.nl import _opdrachten

    opdrachten = list(_opdrachten(typer.main.get_command(app)))
    assert len(opdrachten) > 12
    for o in opdrachten:
        taal = [p for p in o.params if p.name == "taal"]
        if getattr(o, "commands", None) and o.name != "azc-kwaliteit":
            continue  # de groep 'kader' zelf: zijn opdrachten hebben de optie
        assert taal and taal[0].envvar == "AZC_TAAL", o.name


def test_beoordeel_in_het_engels_en_in_het_nederlands(runner: CliRunner) -> None:
    en = draai(runner, "beoordeel", str(KRITIEK), "--taal", "en")
    nl = draai(runner, "beoordeel", str(KRITIEK))
    assert en.exit_code == nl.exit_code == 0
    for tekst in ("CATEGORY 1 – CRITICAL", "Why this category", "Pillars", "Coverage:",
                  "Improvement path to category 2 (improvable)", "In school within two months",
                  "Provisions", "Assessed on 15 September 2026"):
        assert tekst in en.stdout
    for tekst in ("CATEGORIE 1", "Waarom deze categorie", "Pijlers", "Dekking:", "Verbeterpad",
                  "Naar school binnen twee maanden", "Voorzieningen", "september"):
        assert tekst in nl.stdout and tekst not in en.stdout
    assert "32.1%" in en.stdout and "32,1 %" in nl.stdout  # decimaalteken van de taal


def test_azc_taal_kiest_de_taal_en_de_optie_gaat_voor(runner: CliRunner) -> None:
    omgeving = {"NO_COLOR": "1", "COLUMNS": "120", "AZC_TAAL": "en"}
    en = runner.invoke(_app(), ["beoordeel", str(KRITIEK)], env=omgeving)
    nl = runner.invoke(_app(), ["beoordeel", str(KRITIEK), "--taal", "nl"], env=omgeving)
    assert "Why this category" in en.stdout
    assert "Waarom deze categorie" in nl.stdout


def _app() -> Any:
    from azc_kwaliteit.cli import app

    return app


def test_een_onbekende_taal_is_een_gebruiksfout(runner: CliRunner, tmp_path: Path) -> None:
    r = draai(runner, "beoordeel", str(KRITIEK), "--taal", "fr")
    assert r.exit_code == 2 and "--taal" in r.output and "fr" in r.output
    r = runner.invoke(_app(), ["beoordeel", str(KRITIEK)], env={"AZC_TAAL": "fr"})
    assert r.exit_code == 2


@pytest.mark.parametrize("volgorde", [["--taal", "en", "beoordeel", "--help"],
                                      ["beoordeel", "--help", "--taal", "en"],
                                      ["beoordeel", "--taal=en", "--help"]])
def test_hulp_in_het_engels_ongeacht_de_volgorde(runner: CliRunner, volgorde: list[str]) -> None:
    r = draai(runner, *volgorde)
    assert r.exit_code == 0
    assert "Usage:" in r.output and "Options" in r.output
    assert "Categorise one location" in r.output and "Output format." in r.output
    assert "[OPTIONS]" in r.output and "FILE" in r.output
    assert "Gebruik:" not in r.output and "Opties" not in r.output and "Uitvoerformaat" not in r.output


def test_hoofdhulp_en_groepshulp_in_het_engels(runner: CliRunner) -> None:
    r = draai(runner, "--taal", "en", "--help")
    assert "Assess reception locations for children" in r.output and "Commands" in r.output
    r = draai(runner, "--taal", "en", "kader", "--help")
    assert "View the framework" in r.output
    r = draai(runner, "--taal", "en", "batch", "--help")
    assert "Extra output (several at once possible)" in r.output


def test_gebruiksfouten_en_meldingen_in_het_engels(runner: CliRunner, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from azc_kwaliteit import cli

    for args, melding in ((["--taal", "en", "beoordeel", "--formaat", "xx", str(KRITIEK)],
                           "error: Invalid value for '--formaat'"),
                          (["beoordeel", "--taal", "en"], "error: Missing argument 'FILE'"),
                          (["--taal", "en", "opruimen"], "error: No such command 'opruimen'")):
        with pytest.raises(SystemExit) as e:
            cli.main(args)
        err = capsys.readouterr().err
        assert e.value.code == 2 and melding in err and "--help' for help." in err
        assert "fout:" not in err and "voor hulp" not in err
    kapot = schrijf(tmp_path / "kapot.yaml", {"locatie": {"naam": "X"}, "beoordeling": {},
                                               "antwoorden": {"drinkwater": "misschien"}})
    r = draai(runner, "--taal", "en", "beoordeel", str(kapot))
    assert r.exit_code == 2
    assert "kapot.yaml:" in r.output and "missing; this field is required" in r.output
    assert "expected ja or nee" in r.output  # de waarden in het bestand blijven Nederlands
    r = draai(runner, "--taal", "en", "beoordeel", str(tmp_path / "bestaat-niet.yaml"))
    assert r.exit_code == 2 and "file does not exist" in r.output


def test_json_houdt_nederlandse_sleutels_en_dezelfde_uitslag(runner: CliRunner) -> None:
    en = json.loads(draai(runner, "beoordeel", str(KRITIEK), "-f", "json", "--taal", "en").stdout)
    nl = json.loads(draai(runner, "beoordeel", str(KRITIEK), "-f", "json").stdout)

    def sleutels(x: Any, pad: str = "") -> set[str]:
        if isinstance(x, dict):
            return {f"{pad}.{k}" for k in x} | {s for k, v in x.items()
                                                 for s in sleutels(v, f"{pad}.{k}")}
        if isinstance(x, list):
            return {s for v in x for s in sleutels(v, f"{pad}[]")}
        return set()

    assert sleutels(en) == sleutels(nl)
    for veld in ("categorie", "categorie_naam", "omzetting", "dekking", "doel_categorie"):
        assert en[veld] == nl[veld]
    assert [r["regel"] for r in en["redenen"]] == [r["regel"] for r in nl["redenen"]]
    assert en["redenen"][0]["tekst"] != nl["redenen"][0]["tekst"]
    assert en["betekenis"] == "Critical location with urgent problems."


def _geen_nederlandse_zinnen(nl: str, en: str, po: Any) -> list[str]:
    """Vaste stukken van de catalogus (van minstens 15 tekens en meer dan één woord: een enkel
    woord kan ook een criterium-id zijn) die in de Nederlandse uitvoer staan en niet in de
    Engelse mogen staan."""
    over = []
    for m in po:
        for bron, doel in zip(_ids(m), _strings(m), strict=False):
            for stuk in PLAATS.split(bron):
                stuk = stuk.strip(" .:;,()")
                if (len(stuk) >= 15 and " " in stuk and stuk not in doel and stuk in nl
                        and stuk in en):
                    over.append(stuk)
    return over


@pytest.mark.parametrize("formaat", ["tekst", "markdown", "html"])
def test_rapporten_komen_uit_dezelfde_sjablonen_zonder_nederlandse_rest(
        runner: CliRunner, formaat: str, po: Any) -> None:
    for bestand in sorted(VOORBEELDEN.glob("*.yaml")):
        nl = draai(runner, "beoordeel", str(bestand), "-f", formaat).stdout
        en = draai(runner, "beoordeel", str(bestand), "-f", formaat, "--taal", "en").stdout
        assert nl != en
        assert not _geen_nederlandse_zinnen(nl, en, po), bestand.name
    if formaat == "html":
        assert '<html lang="en">' in en and '<html lang="nl">' in nl


def test_batch_junit_en_sarif_in_het_engels_en_geldig(runner: CliRunner, tmp_path: Path,
                                                     po: Any) -> None:
    uit = {s: tmp_path / f"u.{s}" for s in ("xml", "sarif", "md", "csv")}
    r = draai(runner, "--taal", "en", "batch", str(VOORBEELDEN), "--junit", str(uit["xml"]),
              "--sarif", str(uit["sarif"]), "--markdown", str(uit["md"]), "--csv",
              str(uit["csv"]), "--html", str(tmp_path / "html"))
    assert r.exit_code == 0
    assert "locations scored" in r.output and "Framework kind-in-azc@" in r.output
    xmlschema.XMLSchema(str(SCHEMAS / "junit.xsd")).validate(str(uit["xml"]))
    assert "File: " in uit["xml"].read_text(encoding="utf-8")
    sarif = json.loads(uit["sarif"].read_text(encoding="utf-8"))
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    regels = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert regels["drinkwater"]["shortDescription"]["text"] == "Drinking water day and night"
    assert "Advice: " in sarif["runs"][0]["results"][0]["message"]["text"]
    assert "## azc-kwaliteit: 8 locations assessed" in uit["md"].read_text(encoding="utf-8")
    meta = json.loads(Path(str(uit["csv"]) + "-metadata.json").read_text(encoding="utf-8"))
    assert meta["@context"][1]["@language"] == "en" and meta["dc:title"].startswith("Reception")
    index = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in index and "Distribution over the categories" in index
    assert "Verdeling" not in index


def test_kader_document_en_toon_in_het_engels(runner: CliRunner) -> None:
    doc = draai(runner, "--taal", "en", "kader", "document", "-f", "html").stdout
    assert '<html lang="en">' in doc and "How a location is categorised" in doc
    assert "Quality framework for child-friendly and safe asylum reception" in doc
    assert MERK not in doc  # het ingebouwde kader is helemaal vertaald
    lijst = draai(runner, "--taal", "en", "kader", "toon").stdout
    assert "Provisions (" in lijst and "Standard: at least 95 % (partly: at least 75 %)" in lijst


# ---------------------------------------------------------------- vertalingen in het kader


def _half_vertaald(tmp_path: Path) -> Path:
    kader: dict[str, Any] = json.loads(json.dumps(MINI_KADER))
    kader["pijlers"][0]["vertalingen"] = {"en": {"naam": "Provisions"}}
    school = kader["criteria"][0]
    school["vertalingen"] = {"en": {"titel": "School", "vraag": "What share?",
                                    "toelichting": "why", "advies": "advice"}}
    spelen = next(c for c in kader["criteria"] if c["id"] == "spelen")
    spelen["vertalingen"] = {"en": {"niveaus": {1: "none", 2: "some"}}}
    return schrijf(tmp_path / "half.yaml", kader)


def test_kader_controleer_noemt_elke_ontbrekende_vertaling_met_regel(runner: CliRunner,
                                                                    tmp_path: Path) -> None:
    pad = _half_vertaald(tmp_path)
    r = draai(runner, "kader", "controleer", str(pad))
    assert r.exit_code == 0
    regels = [r for r in r.output.splitlines() if "geen vertaling naar 'en'" in r]
    kader = laad_kader(pad).kader
    assert len(regels) == len(ontbrekend(kader, "en")) > 10
    assert any(re.search(r"half\.yaml:\d+: criteria\[2\]: geen vertaling naar 'en' van "
                         r"niveaus\.3", r) for r in regels)
    assert not any("van titel" in r and "criteria[0]" in r for r in regels)  # die is er wel


def test_een_kader_zonder_engels_krijgt_een_waarschuwing(runner: CliRunner, tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "nl.yaml", MINI_KADER)
    r = draai(runner, "kader", "controleer", str(pad))
    assert "het kader heeft geen vertaling naar 'en'" in r.output
    assert r.output.count("vertaling") == 1


def test_ontbrekende_vertalingen_staan_gemerkt_in_het_nederlands(runner: CliRunner,
                                                                  tmp_path: Path) -> None:
    pad = _half_vertaald(tmp_path)
    antwoorden = {"school": 40, "keuken": "nee", "spelen": 1, "verhuizingen": 5,
                  "gehoord": 1, "klachten": "nee"}
    b = schrijf(tmp_path / "b.yaml", {
        "locatie": {"naam": "L", "gemeente": "G", "soort": "azc", "status": "in_gebruik",
                    "capaciteit": 10, "doelgroepen": ["gezinnen"], "draagvlak_regio": "ja"},
        "beoordeling": {"datum": "2026-01-01", "beoordelaar": "x"}, "antwoorden": antwoorden})
    en = draai(runner, "--taal", "en", "beoordeel", str(b), "--kader", str(pad)).stdout
    assert "School [school]" in en and "Provisions" in en
    assert f"{MERK}Keuken [keuken]" in en  # geen vertaling: Nederlands, gemarkeerd
    assert "1 (none)" in en and f"{MERK}Bescherming" in en


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gevallen())
def test_de_taal_verandert_nooit_een_oordeel(geval: Any) -> None:
    kader, antwoorden, loc = geval
    b = doc(antwoorden, loc)
    nl = deel_in(kader, b)
    vertalen.kies("en")
    try:
        en = deel_in(in_taal(kader, "en"), b)
    finally:
        vertalen.kies("nl")
    assert en.categorie == nl.categorie and en.omzetting == nl.omzetting
    assert [p.score for p in en.pijlers] == [p.score for p in nl.pijlers]
    assert [r.regel for r in en.redenen] == [r.regel for r in nl.redenen]
    assert [s.criterium for s in en.verbeterpad] == [s.criterium for s in nl.verbeterpad]
    assert all(c.titel.startswith(MERK) for c in en.criteria)  # het kader vertaalt niets


def test_het_ingebouwde_kader_is_helemaal_vertaald() -> None:
    ruw = yaml.safe_load((ROOT / "kaders" / "kind-in-azc.yaml").read_text(encoding="utf-8"))
    assert all("en" in c["vertalingen"] for c in ruw["criteria"])
    assert not ontbrekend(laad_kader().kader, "en")


@pytest.mark.skipif(sys.platform == "win32", reason="pexpect heeft een pty nodig")
def test_nieuw_in_het_engels_in_een_terminal(tmp_path: Path) -> None:
    import os

    import pexpect

    from conftest import ctrl_c_bij_prompt

    pad = tmp_path / "ronde.yaml"
    env = dict(os.environ, NO_COLOR="1", TERM="dumb", COLUMNS="200", CI="", AZC_TAAL="en")
    kind = pexpect.spawn(sys.executable, ["-m", "azc_kwaliteit", "nieuw", str(pad)], env=env,
                         encoding="utf-8", timeout=30, dimensions=(50, 200))
    kind.expect(r"\[location 1/9\] Name of the location")
    for tekst in ("Family location The Anchor", "Seatown", "family location", "", "families",
                  "veel"):
        kind.expect("Answer")
        kind.sendline(tekst)
    kind.expect("Invalid: expected a whole number, such as 120. Please try again.")
    for tekst in ("90", "yes", "2026-10-01", "Inspector P. Smith"):
        kind.expect("Answer")
        kind.sendline(tekst)
    kind.expect(r"\[criteria 1/\d+\] .*In school within two months")
    kind.expect("standard: at least 95 %")
    kind.expect("Answer")
    kind.sendline("80")
    kind.expect(r"\[criteria 2/\d+\] .*Education within mainstream schools")
    kind.expect("Answer")
    kind.sendline("no # only a separate class")  # Engelse woorden; het bestand krijgt 'nee'
    ctrl_c_bij_prompt(kind, "Answer")
    kind.expect("Interrupted. All answers so far are in")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 130
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    assert data["locatie"]["status"] == "in_gebruik" and data["locatie"]["capaciteit"] == 90
    assert data["locatie"]["draagvlak_regio"] == "ja"  # het bestandsformaat blijft Nederlands
    assert data["locatie"]["soort"] == "gezinslocatie" and data["locatie"]["doelgroepen"] == ["gezinnen"]
    assert data["antwoorden"]["onderwijs-regulier"] == {"waarde": "nee",
                                                        "toelichting": "only a separate class"}


def test_elke_format_van_een_vertaalde_tekst_vult_precies_zijn_plaatshouders() -> None:
    """``_("... {x} ...").format(x=...)``: een plaatshouder zonder waarde is een KeyError bij de
    gebruiker, een waarde zonder plaatshouder verdwijnt stil. Statisch nagelopen in alle code."""
    import ast
    import string

    fout = []
    for pad in sorted((ROOT / "src" / "azc_kwaliteit").rglob("*.py")):
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if not (isinstance(knoop, ast.Call) and isinstance(knoop.func, ast.Attribute)
                    and knoop.func.attr == "format"
                    and isinstance(knoop.func.value, ast.Call)
                    and getattr(knoop.func.value.func, "id", None) in ("_", "n_")):
                continue
            teksten = [a.value for a in knoop.func.value.args
                       if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if not teksten:  # _(variabele): de tekst staat elders (N_), niet statisch na te gaan
                continue
            velden = {naam for tekst in teksten
                      for _lit, naam, _spec, _conv in string.Formatter().parse(tekst) if naam}
            gegeven = {k.arg for k in knoop.keywords}
            if velden != gegeven:
                fout.append(f"{pad.name}:{knoop.lineno}: {sorted(velden)} ≠ {sorted(gegeven)}")
    assert not fout


_NEDERLANDS = re.compile(r"\b(kreeg|verwacht|ontbreekt|niet|een|het|bestand|tekst|regel|moet|"
                         r"geen|dubbel|staat|lijkt|waarschuwing|fout)\b", re.I)


def test_meldingen_over_kapotte_bestanden_zijn_helemaal_engels(runner: CliRunner,
                                                               tmp_path: Path) -> None:
    """Elke melding over elk bestand van het corpus, en over waarden van de verkeerde soort op elke
    plek, zonder Nederlands woord; alleen wat uit het bestand komt (tussen aanhalingstekens, de
    plek ervoor, sleutels en waarden als ja en nee) blijft zoals het er stond."""
    data = yaml.safe_load(KRITIEK.read_text(encoding="utf-8"))
    soorten = {"lijst-voor-mapping": ("locatie", "bewoners", [1]),
               "mapping-voor-datum": ("beoordeling", "datum", {"a": 1}),
               "mapping-voor-lijst": ("locatie", "doelgroepen", {"a": 1}),
               "lijst-voor-tekst": ("locatie", "naam", ["a"]),
               "getal-voor-datum": ("beoordeling", "datum", 20260612)}
    for naam, (blok, sleutel, waarde) in soorten.items():
        schrijf(tmp_path / f"{naam}.yaml", {**data, blok: {**data[blok], sleutel: waarde}})
    bestanden = sorted((ROOT / "tests" / "slechte-invoer").iterdir()) + sorted(tmp_path.iterdir())
    gezien = 0
    for bestand in bestanden:
        r = draai(runner, "--taal", "en", "beoordeel", str(bestand))
        assert r.exit_code == 2, bestand.name
        for regel in r.stderr.splitlines():
            kern = re.sub(r"'[^']*'", "", regel.split(": ", 2)[-1] if ": " in regel else regel)
            assert not _NEDERLANDS.search(kern), (bestand.name, regel)
            gezien += 1
    assert gezien >= len(bestanden)
