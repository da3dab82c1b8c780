# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Een batch boven de 50 locaties: de uitvoer komt in stukken uit de tussenopslag, de overzichten
tonen alleen de kritieke locaties (tenzij --alle), en de JSON staat met één locatie per regel."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pexpect
import pytest
import xmlschema
from typer.testing import CliRunner

from conftest import VOORBEELDEN, draai, schrijf

SCHEMAS = Path(__file__).parent / "schemas"

AANTAL = 130  # boven de 50 van het overzicht en boven de 100 waar de workers meedoen


@pytest.fixture(scope="module")
def grote_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """130 verschillende locaties: de voorbeelden om en om, elk met een eigen naam."""
    map_ = tmp_path_factory.mktemp("groot")
    bronnen = sorted(VOORBEELDEN.glob("*.yaml"))
    for i in range(AANTAL):
        tekst = bronnen[i % len(bronnen)].read_text(encoding="utf-8")
        naam = next(r for r in tekst.splitlines() if r.startswith("  naam: "))
        schrijf(map_ / f"regio-{i % 3}" / f"b{i:03d}.yaml",
                tekst.replace(naam, f"  naam: Locatie {i:03d}", 1))
    return map_


def test_json_in_stukken_met_alle_locaties_op_volgorde(runner: CliRunner, grote_map: Path,
                                                      tmp_path: Path) -> None:
    uit = tmp_path / "batch.json"
    r = draai(runner, "batch", str(grote_map), "--json", str(uit), "--stil")
    assert r.exit_code == 0, r.stderr
    tekst = uit.read_text(encoding="utf-8")
    j = json.loads(tekst)
    assert len(j["resultaten"]) == j["samenvatting"]["beoordelingen"] == AANTAL
    assert {x["locatie"]["naam"] for x in j["resultaten"]} == {
        f"Locatie {i:03d}" for i in range(AANTAL)}
    sleutels = [(x["categorie"], x["locatie"]["naam"]) for x in j["resultaten"]]
    assert [c for c, _ in sleutels] == sorted(c for c, _ in sleutels)
    # één locatie per regel: grote uitvoer blijft te lezen met grep en diff
    regels = [x for x in tekst.splitlines() if x.startswith(('{"bestand"', ',{"bestand"'))]
    assert len(regels) == AANTAL


def test_tekst_en_markdown_tonen_bij_veel_locaties_alleen_de_kritieke(
        runner: CliRunner, grote_map: Path) -> None:
    j = json.loads(draai(runner, "batch", str(grote_map), "--formaat", "json").stdout)
    kritiek = [x["locatie"]["naam"] for x in j["resultaten"] if x["categorie"] == 1]
    assert 0 < len(kritiek) < AANTAL

    tekst = draai(runner, "batch", str(grote_map)).stdout
    getoond = [r for r in tekst.splitlines() if r.startswith("  [")]
    assert [r.split("] ", 1)[1].split(" (")[0] for r in getoond] == kritiek
    assert f"({AANTAL - len(kritiek)} locaties in categorie 2 en 3 niet getoond" in tekst
    alles = draai(runner, "batch", str(grote_map), "--alle").stdout
    assert len([r for r in alles.splitlines() if r.startswith("  [")]) == AANTAL

    md = draai(runner, "batch", str(grote_map), "--formaat", "markdown").stdout
    _, _, rest = md.partition("### Kritieke locaties")
    assert [r.split("**")[1] for r in rest.splitlines()
            if r.startswith(("- **", "- Plan: **"))] == kritiek
    assert "### Alle locaties" not in md
    md_alle = draai(runner, "batch", str(grote_map), "--formaat", "markdown", "--alle").stdout
    assert md_alle.count("\n| 1 |") + md_alle.count("\n| 2 |") + md_alle.count(
        "\n| 3 |") == AANTAL


@pytest.mark.skipif(sys.platform == "win32", reason="pexpect heeft een pty nodig")
def test_op_een_terminal_een_tabel_van_de_kritieke_locaties(grote_map: Path) -> None:
    env = dict(os.environ, NO_COLOR="1", TERM="dumb", COLUMNS="200", CI="")
    kind = pexpect.spawn(sys.executable, ["-m", "azc_kwaliteit", "batch", str(grote_map)],
                         env=env, encoding="utf-8", timeout=60, dimensions=(50, 200))
    uit = kind.read()
    kind.wait()
    assert "Locaties, de meest urgente eerst" in uit
    # een tabel als hij past, anders (lange paden) een lijst; nooit een afgekapte naam
    rijen = [r for r in uit.splitlines() if r.startswith(("│  1 ", "  [1] "))]
    assert rijen and all("Locatie" in r for r in rijen)
    assert not any(r.startswith(("│  2 ", "│  3 ", "  [2]", "  [3]")) for r in uit.splitlines())
    assert f"{AANTAL} locaties gescoord" in uit


ONGELDIG = 60


@pytest.fixture(scope="module")
def map_met_veel_fouten(grote_map: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """De grote map plus 60 ongeldige bestanden, zoals oude beoordelingen tegen een nieuw kader."""
    map_ = tmp_path_factory.mktemp("fouten")
    shutil.copytree(grote_map, map_ / "goed")
    for i in range(ONGELDIG):
        schrijf(map_ / "oud" / f"o{i:02d}.yaml",
                "locatie:\n  naam: Oud\n  gemeente: X\nantwoorden:\n  verzonnen-id: ja\n")
    return map_


def test_veel_ongeldige_bestanden_in_elk_formaat(runner: CliRunner, map_met_veel_fouten: Path,
                                                  tmp_path: Path) -> None:
    uit = {s: tmp_path / f"r.{s}" for s in ("json", "xml", "sarif", "md")}
    r = draai(runner, "batch", str(map_met_veel_fouten), "--json", str(uit["json"]), "--junit",
              str(uit["xml"]), "--sarif", str(uit["sarif"]), "--markdown", str(uit["md"]))
    assert r.exit_code == 2
    assert f"{ONGELDIG} bestanden ongeldig; exitcode 2." in r.stderr

    j = json.loads(uit["json"].read_text(encoding="utf-8"))
    assert j["samenvatting"]["ongeldig"] == ONGELDIG
    assert len(j["resultaten"]) == AANTAL
    sleutels = [(f["bestand"], f["regel"] or 0) for f in j["fouten"]]
    assert sleutels == sorted(sleutels) and len({b for b, _ in sleutels}) == ONGELDIG
    assert all(f["melding"] for f in j["fouten"])

    junit = ET.parse(uit["xml"]).getroot().find("testsuite")
    assert junit is not None and junit.get("errors") == str(ONGELDIG)
    assert junit.get("tests") == str(AANTAL + ONGELDIG)
    xmlschema.XMLSchema(str(SCHEMAS / "junit.xsd")).validate(str(uit["xml"]))
    fouten = [t for t in junit.iter("testcase") if t.find("error") is not None]
    assert sorted(t.get("name", "") for t in fouten) == sorted({b for b, _ in sleutels})

    sarif = json.loads(uit["sarif"].read_text(encoding="utf-8"))
    ongeldig = [x for x in sarif["runs"][0]["results"] if x["ruleId"] == "ongeldige-invoer"]
    assert len(ongeldig) == len(j["fouten"])

    md = uit["md"].read_text(encoding="utf-8")
    assert md.count("- `" + str(map_met_veel_fouten / "oud")) == len(j["fouten"])
    assert f"| ongeldige bestanden | {ONGELDIG} |" in md
