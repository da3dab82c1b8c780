# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De opdrachtregel van begin tot eind: formaten, exitcodes, meldingen en de batch."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from azc_kwaliteit import cli
from conftest import VOORBEELDEN, beste_antwoorden_standaard, document, draai, schrijf

KRITIEK = VOORBEELDEN / "kritiek-sporthal-noodopvang.yaml"
GOED = VOORBEELDEN / "goed-kleinschalig-met-draagvlak.yaml"


def test_beoordeel_tekst_legt_uit(runner: CliRunner) -> None:
    r = draai(runner, "beoordeel", str(KRITIEK))
    assert r.exit_code == 0, r.output
    uit = r.stdout
    assert "CATEGORIE 1 – KRITIEK" in uit
    assert "Kritieke locatie met urgente knelpunten." in uit
    assert "Waarom deze categorie" in uit and "onderwijs-binnen-2-maanden" in uit
    assert "Verbeterpad naar categorie 2" in uit
    assert "Advies: Maak met de gemeente en de schoolbesturen" in uit
    assert "Bronnen: rcd2024 art. 16 lid 2" in uit
    assert "Waarom het telt:" in uit
    assert "24 van de 60 leerplichtige kinderen" in uit  # toelichting van de beoordelaar


def test_terminalweergave_met_kleur_en_balken(runner: CliRunner) -> None:
    r = runner.invoke(cli.app, ["beoordeel", str(KRITIEK)],
                      env={"FORCE_COLOR": "1", "COLUMNS": "120"})
    assert r.exit_code == 0
    assert "\x1b[" in r.stdout  # kleur
    assert "Categorie 1 – KRITIEK" in r.stdout
    assert "█" in r.stdout and "Dekking" in r.stdout
    assert "Verbeterpad naar categorie 2" in r.stdout


def test_beoordeel_json_volgt_het_contract(runner: CliRunner) -> None:
    r = draai(runner, "beoordeel", str(KRITIEK), "--formaat", "json")
    assert r.exit_code == 0
    j = json.loads(r.stdout)
    assert j["categorie"] == 1 and j["omzetting"] is False
    assert set(j["pijlers"]) == {"voorzieningen", "bescherming", "participatie"}
    assert all(0 <= p["score"] <= 1 for p in j["pijlers"].values())
    assert 0 <= j["dekking"] <= 1
    assert j["redenen"][0]["regel"] == "kritiek_voldoet_niet"
    assert j["verbeterpad"][0]["criterium"] == "onderwijs-binnen-2-maanden"
    assert j["kader"]["id"] == "kind-in-azc" and len(j["kader"]["hash"]) == 12


def test_beoordeel_markdown_en_uitvoerbestand(runner: CliRunner, tmp_path: Path) -> None:
    uit = tmp_path / "sub" / "rapport.md"
    r = draai(runner, "beoordeel", str(GOED), "--formaat", "markdown", "--uitvoer", str(uit))
    assert r.exit_code == 0
    tekst = uit.read_text(encoding="utf-8")
    assert tekst.startswith("## Gezinsopvang Het Hofje (Lindewaarde)")
    assert "**Categorie 3 – goed**" in tekst
    assert "Omzetting naar reguliere opvang is mogelijk" in tekst
    assert r.stdout == ""


def test_categorie_3_zonder_draagvlak_zegt_waarop_het_wacht(runner: CliRunner) -> None:
    r = draai(runner, "beoordeel", str(VOORBEELDEN / "goed-kleinschalig-zonder-draagvlak.yaml"))
    assert "omzetting naar reguliere opvang wacht op draagvlak in de regio" in r.stdout


def test_plantoets(runner: CliRunner) -> None:
    r = draai(runner, "plantoets", str(VOORBEELDEN / "gepland-voormalig-klooster.yaml"))
    assert r.exit_code == 0
    assert "VERWACHTE CATEGORIE 1" in r.stdout
    assert "Nog te beoordelen zodra de locatie in gebruik is" in r.stdout
    assert "schoolplaatsen-geregeld" in r.stdout


def test_fout_in_antwoord_noemt_bestand_regel_en_verwachting(runner: CliRunner,
                                                            tmp_path: Path) -> None:
    antwoorden = beste_antwoorden_standaard(doelgroepen=("gezinnen",))
    antwoorden["onderwijs-binnen-2-maanden"] = "veel"
    pad = schrijf(tmp_path / "x.yaml", document(antwoorden))
    regel = next(i for i, r in enumerate(pad.read_text().splitlines(), 1)
                 if r.strip().startswith("onderwijs-binnen-2-maanden"))
    r = draai(runner, "beoordeel", str(pad))
    assert r.exit_code == 2
    assert (f"{pad}:{regel}: antwoorden.onderwijs-binnen-2-maanden: verwacht een getal (%), "
            "minstens 0 en hoogstens 100, kreeg 'veel'") in r.stderr
    assert "Traceback" not in r.output


def test_onbekend_criterium_stelt_het_dichtstbijzijnde_voor(runner: CliRunner,
                                                           tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "x.yaml", document({"onderwijs-binnen-3-maanden": 40}))
    r = draai(runner, "beoordeel", str(pad))
    assert r.exit_code == 2
    assert "onbekend criterium 'onderwijs-binnen-3-maanden'; bedoelde u " \
           "'onderwijs-binnen-2-maanden'?" in r.stderr


def test_dubbele_sleutel_in_antwoorden_verliest_niets(runner: CliRunner, tmp_path: Path) -> None:
    tekst = KRITIEK.read_text(encoding="utf-8") + "  drinkwater: nee\n"
    pad = schrijf(tmp_path / "dubbel.yaml", tekst)
    r = draai(runner, "beoordeel", str(pad))
    assert r.exit_code == 2
    assert f"{pad}:{len(tekst.splitlines())}: sleutel 'drinkwater' staat dubbel" in r.stderr


def test_batch_scoort_door_na_een_kapot_bestand(runner: CliRunner, tmp_path: Path) -> None:
    for f in (KRITIEK, GOED):
        schrijf(tmp_path / "map" / f.name, f.read_text(encoding="utf-8"))
    schrijf(tmp_path / "map" / "diep" / "kapot.yaml", "locatie: [\n")
    schrijf(tmp_path / "map" / "notities.txt", "geen yaml")
    r = draai(runner, "batch", str(tmp_path / "map"), "--formaat", "json")
    assert r.exit_code == 2
    j = json.loads(r.stdout)
    assert [x["categorie"] for x in j["resultaten"]] == [1, 3]
    assert j["resultaten"][0]["bestand"].endswith(KRITIEK.name)
    assert len(j["fouten"]) == 1
    fout = j["fouten"][0]
    assert fout["bestand"].endswith("kapot.yaml") and fout["regel"] == 1
    assert j["samenvatting"] == {"beoordelingen": 2, "kritiek": 1, "onvoldoende_beoordeeld": 0,
                                 "verbeterbaar": 0, "goed": 1, "omzetting": 1, "ongeldig": 1,
                                 "eerdere_rondes": 0, "overgeslagen": 0,
                                 "gepland": {"beoordelingen": 0, "kritiek": 0,
                                             "onvoldoende_beoordeeld": 0, "verbeterbaar": 0,
                                             "goed": 0}}


def test_batch_poort(runner: CliRunner) -> None:
    assert draai(runner, "batch", str(VOORBEELDEN), "--faal-bij", "1").exit_code == 1
    assert draai(runner, "batch", str(GOED), "--faal-bij", "2").exit_code == 0
    r = draai(runner, "batch", str(VOORBEELDEN / "verbeterbaar-kantoorpand-noodopvang.yaml"),
              "--faal-bij", "2")
    assert r.exit_code == 1
    assert "Poort gezakt: 1 locatie in categorie 2 of lager." in r.stderr
    assert draai(runner, "batch", str(VOORBEELDEN)).exit_code == 0


def test_batch_tekst_sorteert_op_categorie_en_json_naar_bestand(runner: CliRunner,
                                                               tmp_path: Path) -> None:
    uit = tmp_path / "batch.json"
    r = draai(runner, "batch", str(VOORBEELDEN), "--json", str(uit))
    assert r.exit_code == 0
    regels = [x for x in r.stdout.splitlines() if x.startswith("  [")]
    assert [x[3] for x in regels] == sorted(x[3] for x in regels)
    assert "In gebruik (7): 2 kritiek, 0 onvoldoende beoordeeld, 2 verbeterbaar, 3 goed" in r.stdout
    assert "Gepland, plantoets (1): 1 verwacht kritiek" in r.stdout
    assert json.loads(uit.read_text())["samenvatting"]["beoordelingen"] == len(regels)


def test_batch_markdown(runner: CliRunner) -> None:
    r = draai(runner, "batch", str(VOORBEELDEN), "--formaat", "markdown")
    assert "| 1 kritiek | 2 | 1 |" in r.stdout  # in gebruik, gepland
    assert "### Kritieke locaties" in r.stdout


def test_batch_lege_of_ontbrekende_map(runner: CliRunner, tmp_path: Path) -> None:
    r = draai(runner, "batch", str(tmp_path))
    assert r.exit_code == 2 and "geen beoordelingen" in r.stderr
    r = draai(runner, "batch", str(tmp_path / "nee"))
    assert r.exit_code == 2 and "bestaat niet" in r.stdout


def test_kader_toon_en_filter(runner: CliRunner) -> None:
    r = draai(runner, "kader", "toon", "--pijler", "participatie", "--formaat", "json")
    assert r.exit_code == 0
    criteria = json.loads(r.stdout)["criteria"]
    assert criteria and {c["pijler"] for c in criteria} == {"participatie"}
    r = draai(runner, "kader", "toon")
    assert "onderwijs-binnen-2-maanden" in r.stdout
    r = draai(runner, "kader", "toon", "--pijler", "vrije-tijd")
    assert r.exit_code == 2 and "onbekende pijler" in r.stderr


def test_kader_controleer(runner: CliRunner, tmp_path: Path) -> None:
    r = draai(runner, "kader", "controleer")
    assert r.exit_code == 0 and "is in orde" in r.stdout
    kapot = schrijf(tmp_path / "k.yaml", "kader: {id: x}\n")
    r = draai(runner, "kader", "controleer", str(kapot))
    assert r.exit_code == 2 and f"{kapot}:1: kader.naam: ontbreekt" in r.stderr


def test_ander_kader_met_optie(runner: CliRunner, tmp_path: Path) -> None:
    from conftest import BESTE, MINI_KADER

    kader = schrijf(tmp_path / "mini.yaml", MINI_KADER)
    pad = schrijf(tmp_path / "b.yaml", document(BESTE))
    r = draai(runner, "beoordeel", str(pad), "--kader", str(kader), "--formaat", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["kader"]["id"] == "mini"


@pytest.mark.parametrize("soort", [RuntimeError, OSError])
def test_interne_fout_geeft_code_3_zonder_traceback(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path, soort: type[Exception]) -> None:
    """Ook een OSError uit de code is een bug: alleen de eigen foutsoorten zijn code 2."""
    import azc_kwaliteit.indeling.categorie

    def kapot(*a: object, **k: object) -> None:
        raise soort("stuk")

    monkeypatch.setattr(azc_kwaliteit.indeling.categorie, "deel_in", kapot)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    with pytest.raises(SystemExit) as e:
        cli.main(["beoordeel", str(GOED)])
    assert e.value.code == 3
    err = capsys.readouterr().err
    assert f"interne fout: {soort.__name__}: stuk" in err and "Traceback" not in err
    # de traceback staat, met commando en versies, in het log dat de melding noemt
    log = Path(re.search(r"De details staan in (\S+\.log)\.", err)[1])  # type: ignore[index]
    assert log.parent == tmp_path / "azc-kwaliteit"
    inhoud = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in inhoud and f"{soort.__name__}: stuk" in inhoud
    assert f"commando: azc-kwaliteit beoordeel {GOED}" in inhoud and "pydantic " in inhoud
    # met --debug komt de traceback ook op het scherm
    with pytest.raises(SystemExit):
        cli.main(["--debug", "beoordeel", str(GOED)])
    assert "Traceback (most recent call last)" in capsys.readouterr().err


def test_tijdelijke_opslag_die_mislukt_is_een_gewone_fout(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Een schijf die volloopt is de omgeving, geen bug: één regel in het Nederlands, code 2,
    geen traceback. (Hier laat een kapotte opdracht SQLite echt falen.)"""
    from azc_kwaliteit.batch import tussenopslag

    monkeypatch.setattr(tussenopslag, "_BEWAAR", "INSERT INTO bestaat_niet VALUES (?)")
    with pytest.raises(SystemExit) as e:
        cli.main(["batch", str(GOED)])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("fout: tijdelijke opslag op schijf mislukt (no such table")
    assert "TMPDIR" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("args, melding", [
    (["beoordeel", "x.yaml", "--formaat", "xml"],
     "fout: ongeldige waarde voor --formaat: 'xml' is geen geldige keuze"),
    (["beoordeel", "x.yaml", "--onbekend"], "fout: onbekende optie --onbekend"),
    (["beoordeel"], "fout: argument BESTAND ontbreekt"),
    (["opruimen"], "fout: onbekende opdracht 'opruimen'"),
    (["batch", "x", "--faal-bij", "3"], "fout: ongeldige waarde voor --faal-bij: moet hoogstens 2"),
    (["beoordeel", "x.yaml", "--taal", "fr"],
     "fout: ongeldige waarde voor --taal: 'fr' is geen geldige keuze; kies uit 'nl', 'en'"),
])
def test_gebruiksfouten_in_het_nederlands_met_code_2(args: list[str], melding: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        cli.main(args)
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert melding in err and "voor hulp" in err


def test_hulp_is_nederlands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        cli.main(["batch", "--help"])
    assert e.value.code == 0
    uit = capsys.readouterr().out
    for woord in ("Gebruik:", "Opties", "Argumenten", "Toon deze hulp en stop.", "--faal-bij"):
        assert woord in uit
    for engels in ("Usage:", "Show this message", "[default:", "Options"):
        assert engels not in uit


def test_module_en_console_script_werken_buiten_de_repo(tmp_path: Path) -> None:
    """Het ingebouwde kader en de sjablonen komen uit de package, niet uit de werkmap."""
    schrijf(tmp_path / "b.yaml", GOED.read_text(encoding="utf-8"))
    r = subprocess.run([sys.executable, "-m", "azc_kwaliteit", "beoordeel", "b.yaml",
                        "--formaat", "json"], cwd=tmp_path, capture_output=True, text=True,
                       check=False)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["categorie"] == 3
