# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Publiek: de batch als CSV voor Excel en open data, met een CSVW-beschrijving die het
W3C-pakket ``csvw`` leest (elke waarde naar haar type), en de gegevens voor het register van
publieke code (publiccode.yml, CHANGELOG, licentiekoppen)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from azc_kwaliteit.invoer.openen import laad_kader
from conftest import VOORBEELDEN, draai

csvw = pytest.importorskip("csvw", reason="het pakket csvw ontbreekt")


@pytest.mark.parametrize("scheiding", [";", ","])
def test_csv_per_locatie_en_per_criterium_met_csvw(runner: CliRunner, tmp_path: Path,
                                                    scheiding: str) -> None:
    loc, crit = tmp_path / "locaties.csv", tmp_path / "criteria.csv"
    r = draai(runner, "batch", str(VOORBEELDEN), "--csv", str(loc), "--csv-criteria", str(crit),
              "--csv-scheiding", scheiding, "-f", "json")
    assert r.exit_code == 0, r.output
    resultaten = json.loads(r.stdout)["resultaten"]
    ruw = loc.read_bytes()
    assert ruw.startswith(b"\xef\xbb\xbf")  # BOM: Excel leest UTF-8
    assert ruw.split(b"\r\n")[0].count(scheiding.encode()) == 21
    tabel = csvw.Table.from_file(loc.with_name("locaties.csv-metadata.json"))
    rijen = list(tabel.iterdicts(strict=True))  # elke waarde naar het type van haar kolom
    assert [x["bestand"] for x in rijen] == [x["bestand"] for x in resultaten]
    for rij, j in zip(rijen, resultaten, strict=True):
        assert rij["categorie"] == j["categorie"]
        assert rij["onvoldoende_beoordeeld"] is j["onvoldoende_beoordeeld"]
        assert rij["omzetting"] is j["omzetting"] and rij["plantoets"] is j["plantoets"]
        score = j["pijlers"]["voorzieningen"]["score"]
        assert rij["score_voorzieningen"] == Decimal(f"{score:.4f}")
        assert rij["datum"].date().isoformat() == j["beoordeling"]["datum"]
    decimaal = "0,3214" if scheiding == ";" else "0.3214"
    assert decimaal in loc.read_text(encoding="utf-8-sig")
    criteria = list(csvw.Table.from_file(crit.with_name("criteria.csv-metadata.json"))
                    .iterdicts(strict=True))
    assert len(criteria) == len(resultaten) * len(laad_kader().kader.criteria)
    brug = [x for x in criteria if x["naam"] == "Noodopvang Sporthal De Brug"]
    assert {x["criterium"]: x["oordeel"] for x in brug}["onderwijs-binnen-2-maanden"] == \
        "voldoet_niet"
    meta = json.loads(loc.with_name("locaties.csv-metadata.json").read_text(encoding="utf-8"))
    assert meta["url"] == "locaties.csv" and meta["dialect"]["delimiter"] == scheiding
    assert all(k.get("dc:description") for k in meta["tableSchema"]["columns"])


def test_csv_scheiding_is_een_puntkomma_of_een_komma(runner: CliRunner, tmp_path: Path) -> None:
    r = draai(runner, "batch", str(VOORBEELDEN), "--csv", str(tmp_path / "x.csv"),
              "--csv-scheiding", "|")
    assert r.exit_code == 2 and "--csv-scheiding: kies ; of ," in r.stderr
    assert not (tmp_path / "x.csv").exists()


ROOT = Path(__file__).resolve().parent.parent


def test_publiccode_yml_heeft_de_verplichte_velden() -> None:
    """De verplichte velden en toegestane waarden van de standaard publiccode.yml."""
    import tomllib

    import yaml

    pc = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    for veld in ("publiccodeYmlVersion", "name", "url", "platforms", "developmentStatus",
                 "softwareType", "description", "legal", "maintenance", "localisation"):
        assert pc.get(veld), veld
    assert set(pc["platforms"]) <= {"web", "windows", "mac", "linux", "ios", "android"}
    assert pc["developmentStatus"] in {"concept", "development", "beta", "stable", "obsolete"}
    assert pc["softwareType"] in {"standalone/mobile", "standalone/iot", "standalone/desktop",
                                  "standalone/web", "standalone/backend", "standalone/other",
                                  "addon", "library", "configurationFiles"}
    assert {"nl", "en"} <= set(pc["description"])
    for taal, d in pc["description"].items():
        assert len(d["shortDescription"]) <= 150, taal
        assert 150 <= len(d["longDescription"]) <= 10_000, taal
        assert d["features"] and all(len(f) <= 100 for f in d["features"]), taal
    assert pc["legal"]["license"] == "EUPL-1.2" and (ROOT / "LICENSES" / "EUPL-1.2.txt").exists()
    assert pc["maintenance"]["type"] in {"internal", "contract", "community", "none"}
    assert pc["maintenance"]["contacts"]  # verplicht bij community
    assert isinstance(pc["localisation"]["localisationReady"], bool)
    assert pc["localisation"]["availableLanguages"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert pc["softwareVersion"] == project["version"]
    assert project["license"] == pc["legal"]["license"]


def test_changelog_volgt_keep_a_changelog_en_noemt_de_versie() -> None:
    import re
    import tomllib

    tekst = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    versie = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"]
    assert tekst.startswith("# Changelog") and "## [Unreleased]" in tekst
    assert re.search(rf"^## \[{re.escape(versie)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", tekst, re.M)
    koppen = set(re.findall(r"^### (\w+)", tekst, re.M))
    assert koppen <= {"Toegevoegd", "Veranderd", "Verouderd", "Verwijderd", "Opgelost",
                      "Beveiliging"}


def test_elk_bestand_heeft_een_licentie_volgens_reuse() -> None:
    pytest.importorskip("reuse", reason="het pakket reuse ontbreekt")
    import subprocess
    import sys

    if not (ROOT / ".git").exists():
        pytest.skip("geen git-checkout: reuse leest de bestanden van git")
    r = subprocess.run([sys.executable, "-m", "reuse", "--root", str(ROOT), "lint"],
                       capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stdout[-2000:]
    bron = (ROOT / "src" / "azc_kwaliteit" / "cli" / "__init__.py").read_text(encoding="utf-8")
    tag = "SPDX" + "-License-Identifier"  # niet letterlijk: reuse leest ook deze regel
    assert bron.splitlines()[1] == f"# {tag}: EUPL-1.2"


def test_versie_noemt_ook_het_kader(runner: CliRunner) -> None:
    r = draai(runner, "--versie")
    k = laad_kader()
    assert r.stdout == (f"azc-kwaliteit 0.1.0\ningebouwd kader: {k.kader.label} "
                        f"(hash {k.hash})\n")


def test_readme_heeft_een_engelse_paragraaf() -> None:
    tekst = (ROOT / "README.md").read_text(encoding="utf-8")
    engels = tekst[tekst.index("## In English"):]
    assert "azc-kwaliteit beoordeel" in engels and "EUPL-1.2" in engels


# ---------------------------------------------------------------- de kruistabel met Europa


def test_kruistabel_volgt_de_europese_bronnen_van_elk_criterium(runner: CliRunner) -> None:
    from azc_kwaliteit.uitvoer.kruistabel import kruistabel

    k = laad_kader().kader
    tabel = kruistabel(k)
    for c in k.criteria:
        europees = [b for b in (*c.bronnen, *c.euaa)
                    if b.split()[0] in ("easo-g", "easo-uac", "rcd2024")]
        genoemd = [r for r in tabel.regels if c.id in r.criteria]
        assert len(genoemd) == len(set(europees)), c.id
        assert (c.id in tabel.zonder) == (not europees), c.id
    tekst = draai(runner, "kader", "toon", "--euaa").stdout
    assert "  ind. 45.2: " in tekst or "  ind. 45.1: " in tekst
    assert "Drinkwater dag en nacht [drinkwater]" in tekst
    assert f"Zonder Europese tegenhanger ({len(tabel.zonder)} criteria" in tekst
    md = draai(runner, "kader", "document").stdout
    assert "## Kruistabel met EASO/EUAA en de Opvangrichtlijn" in md
    assert "| `rcd2024` | art. 16 lid 2 | Naar school binnen twee maanden; " in md
    html = draai(runner, "kader", "document", "-f", "html").stdout
    assert '<h2 id="europa">Kruistabel met EASO/EUAA en de Opvangrichtlijn</h2>' in html


def test_dekking_noemt_welke_easo_standaarden_het_kader_niet_uitwerkt(
        runner: CliRunner, tmp_path: Path) -> None:
    import yaml

    from azc_kwaliteit.uitvoer.kruistabel import RICHTSNOEREN, dekking, kruistabel

    for bron, laatste in (("easo-g", 40), ("easo-uac", 56)):  # elk nummer in precies één onderdeel
        alle = [n for o in RICHTSNOEREN[bron] for n in range(o.eerste, o.laatste + 1)]
        assert alle == list(range(1, laatste + 1)), bron
    k = laad_kader().kader
    tabel = kruistabel(k)
    per_bron = dekking(tabel)
    for bron, onderdelen in per_bron.items():
        genoemd = {int(r.verwijzing.split()[1].split(".")[0]) for r in tabel.regels
                   if r.bron == bron}
        assert {n for d in onderdelen for n in d.gedekt} == genoemd, bron
        assert not {n for d in onderdelen for n in d.niet} & genoemd
    kleding = next(d for d in per_bron["easo-g"]
                   if d.onderdeel == "Kleding en andere non-food-artikelen")
    assert kleding.gedekt == () and kleding.niet == (23, 24, 25, 26, 27)
    tekst = draai(runner, "kader", "toon", "--euaa").stdout
    assert "  Voeding: uitgewerkt 21, 22; niet uitgewerkt –" in tekst
    assert "  Opleiding van het personeel: uitgewerkt 38; niet uitgewerkt 37, 39, 40" in tekst
    assert "  Personeel: uitgewerkt 22, 23; niet uitgewerkt 24, 25, 26, 27" in tekst  # easo-uac
    md = draai(runner, "kader", "document").stdout
    assert "| Dagvergoeding | – | 28 |" in md
    assert "### Dekking van EASO, Guidance on reception conditions for unaccompanied children" in md
    html = draai(runner, "kader", "document", "-f", "html", "--taal", "en").stdout
    assert "<tr><th scope=\"row\">Clothing and other non-food items</th><td>–</td>" in html
    assert "<tr><th scope=\"row\">Day-to-day care</th><td>16, 17</td>" in html

    ruw = yaml.safe_load((Path(__file__).resolve().parent.parent / "kaders" /
                          "kind-in-azc.yaml").read_text(encoding="utf-8"))
    next(c for c in ruw["criteria"] if c["id"] == "drinkwater")["euaa"] = ["easo-g ind. 26.1"]
    pad = tmp_path / "k.yaml"
    pad.write_text(yaml.safe_dump(ruw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    tekst = draai(runner, "kader", "toon", "--euaa", "--kader", str(pad)).stdout
    assert "Kleding en andere non-food-artikelen: uitgewerkt 26; niet uitgewerkt 23, 24, 25, 27" in tekst


def test_een_kader_kan_europese_standaarden_buiten_zijn_bronnen_noemen(
        runner: CliRunner, tmp_path: Path) -> None:
    import yaml

    kader = yaml.safe_load((Path(__file__).resolve().parent.parent / "kaders" /
                            "kind-in-azc.yaml").read_text(encoding="utf-8"))
    drinkwater = next(c for c in kader["criteria"] if c["id"] == "drinkwater")
    drinkwater["euaa"] = ["rcd2024 art. 20 lid 1"]
    pad = tmp_path / "k.yaml"
    pad.write_text(yaml.safe_dump(kader, allow_unicode=True, sort_keys=False), encoding="utf-8")
    tekst = draai(runner, "kader", "toon", "--euaa", "--kader", str(pad)).stdout
    assert "  art. 20 lid 1: Drinkwater dag en nacht [drinkwater]" in tekst


def test_tekst_uit_een_beoordeling_wordt_geen_formule(runner: CliRunner, tmp_path: Path) -> None:
    """CSV injection: een locatienaam als '=HYPERLINK(...)' blijft in Excel tekst."""
    from conftest import schrijf

    tekst = (VOORBEELDEN / "kritiek-sporthal-noodopvang.yaml").read_text(encoding="utf-8")
    schrijf(tmp_path / "in" / "a.yaml", tekst.replace(
        "naam: Noodopvang Sporthal De Brug", "naam: '=HYPERLINK(\"http://x\";\"klik\")'"))
    schrijf(tmp_path / "in" / "b.yaml", tekst.replace("datum: 2026-09-15", "datum: 2026-03-01")
            .replace("naam: Noodopvang Sporthal De Brug", "naam: '=HYPERLINK(\"http://x\";\"klik\")'"))
    csv_pad = tmp_path / "l.csv"
    assert draai(runner, "batch", str(tmp_path / "in"), "--csv", str(csv_pad)).exit_code == 0
    rijen = list(csvw.Table.from_file(tmp_path / "l.csv-metadata.json").iterdicts(strict=True))
    assert len(rijen) == 1
    rij = rijen[0]
    assert rij["naam"] == "'" + '=HYPERLINK("http://x";"klik")'  # een ' ervoor: tekst
    assert rij["trend"] == "gelijk"  # niet '=': ook dat is in Excel een formule
    for regel in csv_pad.read_text(encoding="utf-8-sig").splitlines()[1:]:
        assert all(not veld.startswith(("=", "+", "@")) for veld in regel.split(";"))
