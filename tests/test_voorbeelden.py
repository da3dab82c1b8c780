# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Elk bestand in voorbeelden/ gaat door de CLI en landt in zijn bedoelde categorie."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import VOORBEELDEN, draai

VERWACHT = {
    "kritiek-sporthal-noodopvang.yaml": (1, False),
    "kritiek-crisisnoodopvang-baby.yaml": (1, False),
    "verbeterbaar-kantoorpand-noodopvang.yaml": (2, False),
    "gesplitst-gezinnen-en-amv.yaml": (2, False),
    "goed-kleinschalig-met-draagvlak.yaml": (3, True),
    "goed-kleinschalig-zonder-draagvlak.yaml": (3, False),
    "goed-amv-kleinschalig.yaml": (3, True),
    "gepland-voormalig-klooster.yaml": (1, False),
}


def test_elk_voorbeeld_heeft_een_verwachting() -> None:
    bestanden = {p.name for p in VOORBEELDEN.glob("*.y*ml")}
    assert bestanden == set(VERWACHT)
    assert len(bestanden) >= 6


@pytest.mark.parametrize("naam", sorted(VERWACHT))
def test_voorbeeld_landt_in_zijn_categorie(naam: str, runner: CliRunner) -> None:
    pad = VOORBEELDEN / naam
    opdracht = "plantoets" if naam.startswith("gepland") else "beoordeel"
    r = draai(runner, opdracht, str(pad), "--formaat", "json")
    assert r.exit_code == 0, r.output
    j = json.loads(r.stdout)
    assert (j["categorie"], j["omzetting"]) == VERWACHT[naam]
    assert j["waarschuwingen"] == []
    if j["categorie"] < 3:
        assert j["redenen"] and j["verbeterpad"]


def test_voorbeelden_readme_noemt_elk_bestand() -> None:
    readme = (VOORBEELDEN / "README.md").read_text(encoding="utf-8")
    for naam in VERWACHT:
        assert naam in readme


def test_gesplitste_locatie_krijgt_beide_sets_criteria(runner: CliRunner) -> None:
    r = draai(runner, "beoordeel", str(Path(VOORBEELDEN / "gesplitst-gezinnen-en-amv.yaml")),
              "--formaat", "json")
    oordeel = {c["id"]: c["oordeel"] for c in json.loads(r.stdout)["criteria"]}
    assert oordeel["mentor-amv"] == "voldoet_niet"  # alleen amv
    assert oordeel["kookvoorziening"] == "voldoet"  # alleen gezinnen
