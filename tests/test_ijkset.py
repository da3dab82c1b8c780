# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De kalibratieset (tests/ijkset): gepubliceerde bevindingen, en de categorie die het kader er
volgens de bronnen aan mag geven. De hele map gaat door de opdrachtregel, zoals een beleidsteam
hem zou draaien."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from conftest import ROOT, draai

IJKSET = ROOT / "tests" / "ijkset" / "gevallen"
VERWACHTING: list[dict[str, Any]] = yaml.safe_load(
    (IJKSET.parent / "verwachting.yaml").read_text(encoding="utf-8"))["ijkgevallen"]


def ijkgevallen() -> set[str]:
    return {p.name for p in IJKSET.glob("*.yaml")}


def test_minstens_25_ijkgevallen_elk_met_bron_en_verwachting() -> None:
    assert len(VERWACHTING) >= 25
    assert {v["bestand"] for v in VERWACHTING} == ijkgevallen()
    for v in VERWACHTING:
        tekst = (IJKSET / v["bestand"]).read_text(encoding="utf-8")
        assert tekst.startswith("# Bron: ") and v["bron"] in tekst.splitlines()[0], v["bestand"]
        assert v["verwacht"] and set(v["verwacht"]) <= {1, 2, 3, None}


def test_de_categorie_van_elk_ijkgeval_valt_binnen_de_verwachting(runner: CliRunner) -> None:
    r = draai(runner, "batch", str(IJKSET), "--formaat", "json", "--alle")
    assert r.exit_code == 0, r.stderr  # geen ongeldige bestanden, geen poort
    uit = {Path(x["bestand"]).name: x for x in json.loads(r.stdout)["resultaten"]}
    assert set(uit) == ijkgevallen()
    mis = [(v["bestand"], uit[v["bestand"]]["categorie"], v["verwacht"]) for v in VERWACHTING
           if uit[v["bestand"]]["categorie"] not in v["verwacht"]]
    assert not mis
    # de set dekt alle uitkomsten, ook 'onvoldoende beoordeeld'
    assert {x["categorie"] for x in uit.values()} == {1, 2, 3, None}
    assert all(x["onvoldoende_beoordeeld"] is (x["categorie"] is None) for x in uit.values())


def test_poort_zakt_op_onvoldoende_beoordeeld(runner: CliRunner, tmp_path: Path) -> None:
    for naam in ("vog-en-brand-niet-beoordeeld.yaml", "kleinschalige-gemeentelijke-opvang.yaml"):
        (tmp_path / naam).write_bytes((IJKSET / naam).read_bytes())
    for poort in ("1", "2"):
        r = draai(runner, "batch", str(tmp_path), "--faal-bij", poort,
                  "--junit", str(tmp_path / "junit.xml"))
        assert r.exit_code == 1 and "onvoldoende beoordeeld (1)" in r.stderr
    junit = (tmp_path / "junit.xml").read_text(encoding="utf-8")
    assert junit.count("<failure ") == 1 and 'type="onvoldoende-beoordeeld"' in junit
    assert 'failures="1"' in junit
    j = json.loads(draai(runner, "batch", str(tmp_path), "--formaat", "json").stdout)
    assert j["samenvatting"]["onvoldoende_beoordeeld"] == 1 and j["samenvatting"]["goed"] == 1
    md = draai(runner, "batch", str(tmp_path), "--formaat", "markdown").stdout
    assert "| onvoldoende beoordeeld (geen categorie) | 1 |" in md and "### Onvoldoende beoordeeld" in md
    tekst = draai(runner, "batch", str(tmp_path)).stdout
    assert "1 onvoldoende beoordeeld" in tekst and "[?]" in tekst
