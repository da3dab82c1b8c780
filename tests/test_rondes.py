# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Inspecteurswerk buiten het scoren: lege sjablonen, JSON Schema, twee rondes vergelijken en
de geschiedenis in een batch."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml
from typer.testing import CliRunner

from conftest import VOORBEELDEN, draai, schrijf

KRITIEK = VOORBEELDEN / "kritiek-sporthal-noodopvang.yaml"


def tweede_ronde(tmp_path: Path, datum: str = "2026-11-20") -> Path:
    """Dezelfde locatie later: school opgelost, speelruimte beter, gebouw nu onveilig."""
    tekst = KRITIEK.read_text(encoding="utf-8")
    tekst = tekst.replace("    waarde: 40", "    waarde: 97").replace("datum: 2026-09-15",
                                                                    f"datum: {datum}")
    tekst = tekst.replace("  speelruimte-binnen: 1", "  speelruimte-binnen: 3")
    tekst = tekst.replace("  brandveiligheid: ja", "  brandveiligheid: nee")
    tekst = tekst.replace("  kwetsbaarheden-binnen-30-dagen: onbekend",
                          "  kwetsbaarheden-binnen-30-dagen: 96")
    return schrijf(tmp_path / f"ronde-{datum}.yaml", tekst)


def test_vergelijk_rondes(runner: CliRunner, tmp_path: Path) -> None:
    nieuw = tweede_ronde(tmp_path)
    r = draai(runner, "vergelijk", str(KRITIEK), str(nieuw), "--formaat", "json")
    assert r.exit_code == 0, r.output
    j = json.loads(r.stdout)
    assert (j["oud"]["categorie"], j["nieuw"]["categorie"], j["trend"]) == (1, 1, "=")
    ids = {k: {w["id"] for w in j[k]} for k in ("verbeterd", "verslechterd", "nieuw_kritiek",
                                                  "nog_steeds_niet", "nu_beoordeeld")}
    assert ids["verbeterd"] == {"onderwijs-binnen-2-maanden", "speelruimte-binnen"}
    assert ids["verslechterd"] == {"brandveiligheid"}
    assert ids["nieuw_kritiek"] == {"brandveiligheid"}
    assert ids["nu_beoordeeld"] == {"kwetsbaarheden-binnen-30-dagen"}
    assert "kookvoorziening" in ids["nog_steeds_niet"]
    voorz = next(p for p in j["pijlers"] if p["naam"] == "Voorzieningen")
    assert voorz["na"] > voorz["voor"] and voorz["verschil"] > 0
    tekst = draai(runner, "vergelijk", str(KRITIEK), str(nieuw)).stdout
    assert "Categorie 1 – kritiek → Categorie 1 – kritiek  =" in tekst and "Nieuw kritiek (1)" in tekst
    md = draai(runner, "vergelijk", str(KRITIEK), str(nieuw), "--formaat", "markdown").stdout
    assert "### Verbeterd (2)" in md


def test_vergelijk_weigert_andere_locatie(runner: CliRunner) -> None:
    andere = VOORBEELDEN / "goed-amv-kleinschalig.yaml"
    r = draai(runner, "vergelijk", str(KRITIEK), str(andere))
    assert r.exit_code == 2 and "verschillende locaties" in r.stderr and "--forceer" in r.stderr
    r = draai(runner, "vergelijk", str(KRITIEK), str(andere), "--forceer", "--formaat", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["trend"] == "↑"


def test_batch_toont_de_nieuwste_ronde_met_trend(runner: CliRunner, tmp_path: Path) -> None:
    schrijf(tmp_path / "ronde-1.yaml", KRITIEK.read_text(encoding="utf-8"))
    tekst = KRITIEK.read_text(encoding="utf-8").replace("datum: 2026-09-15", "datum: 2026-11-25")
    tekst = tekst.replace("    waarde: 40", "    waarde: 97").replace(
        "  voeding-kinderen: {waarde: 2,", "  voeding-kinderen: {waarde: 3,")
    schrijf(tmp_path / "ronde-3.yaml", tekst)
    tweede_ronde(tmp_path, "2026-10-20")
    schrijf(tmp_path / "ander.yaml", (VOORBEELDEN / "goed-amv-kleinschalig.yaml").read_text("utf-8"))
    r = draai(runner, "batch", str(tmp_path), "--formaat", "json")
    j = json.loads(r.stdout)
    assert j["samenvatting"]["beoordelingen"] == 2 and j["samenvatting"]["eerdere_rondes"] == 2
    brug = next(x for x in j["resultaten"] if x["locatie"]["naam"] == "Noodopvang Sporthal De Brug")
    assert brug["beoordeling"]["datum"] == "2026-11-25" and brug["rondes"] == 3
    assert brug["vorige_ronde"]["datum"] == "2026-10-20"
    assert brug["trend"] == ("↑" if brug["categorie"] > 1 else "=")
    tekst = draai(runner, "batch", str(tmp_path)).stdout
    assert "2 eerdere rondes" in tekst


def test_sjabloon_en_schema(runner: CliRunner, tmp_path: Path) -> None:
    uit = tmp_path / "formulier" / "leeg.yaml"
    r = draai(runner, "sjabloon", "--doelgroepen", "amv", "--uitvoer", str(uit))
    assert r.exit_code == 0
    tekst = uit.read_text(encoding="utf-8")
    assert tekst.startswith("# yaml-language-server: $schema=beoordeling.schema.json")
    assert "  # Vaste mentor of coach voor elke amv\n" in tekst
    assert "#   Norm: minstens 95 % (deels: minstens 75 %)" in tekst
    assert "\n  mentor-amv:\n" in tekst and "kookvoorziening" not in tekst  # alleen amv
    data = yaml.safe_load(tekst)
    assert all(v is None for v in data["antwoorden"].values())
    schema = json.loads((uit.parent / "beoordeling.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    # een ingevuld formulier past in het schema; een typfout in een id niet
    data["locatie"].update(naam="X", gemeente="Y", capaciteit=20)
    data["beoordeling"].update(beoordelaar="Z", datum=str(data["beoordeling"]["datum"]))
    data["antwoorden"]["mentor-amv"] = "ja"
    validator = jsonschema.Draft202012Validator(schema)
    assert not list(validator.iter_errors(data))
    data["antwoorden"]["mentor-amvv"] = "ja"
    data["antwoorden"]["onderwijs-binnen-2-maanden"] = 140
    assert len(list(validator.iter_errors(data))) == 2
    # het sjabloon zelf meldt precies wat nog ingevuld moet worden
    r = draai(runner, "beoordeel", str(uit))
    assert r.exit_code == 2 and "locatie.naam: mag niet leeg zijn" in r.stderr
    assert "locatie.capaciteit" in r.stderr


def test_sjabloon_plantoets_en_foute_optie(runner: CliRunner) -> None:
    r = draai(runner, "sjabloon", "--status", "gepland")
    assert r.exit_code == 0 and "schoolplaatsen-geregeld:" in r.stdout
    assert "voeding-kinderen:" not in r.stdout
    r = draai(runner, "sjabloon", "--doelgroepen", "kinderen")
    assert r.exit_code == 2 and "--doelgroepen" in r.stderr


def test_kader_schema_uit_de_modellen(runner: CliRunner) -> None:
    r = draai(runner, "kader", "schema", "kader")
    schema = json.loads(r.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    from azc_kwaliteit.invoer.openen import laad_kader
    from conftest import ROOT

    kader = yaml.safe_load((ROOT / "kaders" / "kind-in-azc.yaml").read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(kader))
    kader["criteria"][0]["type"] = "tekst"
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(kader))
    beoordeling = json.loads(draai(runner, "kader", "schema").stdout)
    ids = set(beoordeling["properties"]["antwoorden"]["properties"])
    k = laad_kader().kader
    assert "onderwijs-binnen-2-maanden" in ids and len(ids) == len(k.criteria) + len(k.ingetrokken)
    voeding = beoordeling["properties"]["antwoorden"]["properties"]["voeding"]
    assert voeding["deprecated"] is True and "voeding-kinderen" in voeding["description"]
