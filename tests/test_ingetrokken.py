# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Ingetrokken criterium-ids: een beoordeling van kader 2026.1 laadt onder 2027.1, met één
waarschuwing per ingetrokken id (bestand:regel, wat ervoor in de plaats kwam), nooit een crash en
nooit een stil verdwenen antwoord. En 'vergelijk' zegt welke criteria van betekenis veranderden."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from azc_kwaliteit.indeling.categorie import deel_in
from conftest import BESTE, MINI_KADER, ROOT, VOORBEELDEN, beoordeling, draai, mini_kader, schrijf

OUD = ROOT / "tests" / "oude-rondes" / "sporthal-2026.1.yaml"
INGETROKKEN = {"voeding": "voeding-kinderen", "sanitair": "sanitair-voldoende",
               "verhuizingen-per-jaar": "verhuizingen-totaal",
               "screening-personeel": "vog-personeel", "veiligheid-gebouw": "brandveiligheid"}


def regel_van(pad: Path, sleutel: str) -> int:
    return next(i for i, r in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1)
                if r.startswith(f"  {sleutel}:"))


def test_oude_beoordeling_laadt_met_een_waarschuwing_per_ingetrokken_id(runner: CliRunner) -> None:
    r = draai(runner, "beoordeel", str(OUD), "--formaat", "json")
    assert r.exit_code == 0 and "Traceback" not in r.output
    meldingen = [m for m in r.stderr.splitlines() if "is ingetrokken" in m]
    assert len(meldingen) == len(INGETROKKEN)
    for oud, nieuw in INGETROKKEN.items():
        m = next(m for m in meldingen if f"'{oud}'" in m)
        assert m.startswith(f"waarschuwing: {OUD}:{regel_van(OUD, oud)}: ")
        assert nieuw in m and "beoordeel" in m
    j = json.loads(r.stdout)
    assert {i["criterium"] for i in j["ingetrokken"]} == set(INGETROKKEN)
    assert "kind-in-azc@2026.1" in r.stderr  # en de kadermismatch zelf
    # het rapport zegt het ook, niet alleen de terminal
    md = draai(runner, "beoordeel", str(OUD), "--formaat", "markdown").stdout
    assert "criterium 'veiligheid-gebouw' is ingetrokken" in md


def test_batch_meldt_ingetrokken_ids_met_regel_en_scoort_door(runner: CliRunner,
                                                           tmp_path: Path) -> None:
    schrijf(tmp_path / "oud.yaml", OUD.read_text(encoding="utf-8"))
    schrijf(tmp_path / "nieuw.yaml", (VOORBEELDEN / "goed-amv-kleinschalig.yaml").read_text("utf-8"))
    r = draai(runner, "batch", str(tmp_path), "--formaat", "json")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["samenvatting"]["beoordelingen"] == 2
    regels = [m for m in r.stderr.splitlines() if "is ingetrokken" in m]
    assert len(regels) == len(INGETROKKEN)
    assert all(re.match(rf"waarschuwing: {re.escape(str(tmp_path / 'oud.yaml'))}:\d+: ", m)
               for m in regels)


def test_vergelijk_over_twee_kaderversies_noemt_wat_van_betekenis_veranderde(
        runner: CliRunner) -> None:
    nieuw = VOORBEELDEN / "kritiek-sporthal-noodopvang.yaml"
    j = json.loads(draai(runner, "vergelijk", str(OUD), str(nieuw), "--formaat", "json").stdout)
    assert {i["criterium"] for i in j["ingetrokken"]} == set(INGETROKKEN)
    assert j["oud"]["kader"] == "kind-in-azc@2026.1" and j["nieuw"]["kader"] == "kind-in-azc@2027.1"
    # een vervanger is niet 'voor het eerst beoordeeld': het is een andere vraag
    assert not {w["id"] for w in j["nu_beoordeeld"]} & {"voeding-kinderen", "brandveiligheid"}
    tekst = draai(runner, "vergelijk", str(OUD), str(nieuw)).stdout
    assert "Andere betekenis sinds de vorige ronde (5)" in tekst
    assert "verschillende kaders (kind-in-azc@2026.1 en kind-in-azc@2027.1)" in tekst
    md = draai(runner, "vergelijk", str(OUD), str(nieuw), "--formaat", "markdown").stdout
    assert "### Andere betekenis sinds de vorige ronde (5)" in md


def test_overnemen_geeft_het_antwoord_aan_de_vervanger() -> None:
    criteria = [dict(c, id="klachtroute") if c["id"] == "klachten" else c
                for c in MINI_KADER["criteria"]]
    weg = {"id": "klachten", "sinds": "2", "vervangen_door": ["klachtroute"],
           "reden": "Alleen de naam is veranderd.", "overnemen": True}
    k = mini_kader(criteria=criteria, ingetrokken=[weg])
    antwoorden = {**{c: v for c, v in BESTE.items() if c != "klachten"}, "klachten": "nee"}
    u = deel_in(k, beoordeling(antwoorden))
    assert u.criterium("klachtroute").oordeel == "voldoet_niet"
    assert "het antwoord telt nu voor klachtroute" in u.ingetrokken[0].tekst
    # heeft de vervanger een eigen antwoord, dan wint dat, en de melding zegt het
    u = deel_in(k, beoordeling({**antwoorden, "klachtroute": "ja"}))
    assert u.criterium("klachtroute").oordeel == "voldoet"
    assert "eigen antwoord" in u.ingetrokken[0].tekst
    k2 = mini_kader(criteria=criteria, ingetrokken=[dict(weg, overnemen=False)])
    assert deel_in(k2, beoordeling(antwoorden)).criterium("klachtroute").oordeel == "onbekend"
