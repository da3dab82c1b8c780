# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De terminal op elke breedte, zoals een inspecteur hem gebruikt: in een echte pseudo-terminal
van 60, 80, 120 en 200 kolommen, en in een pijp. Plus elke ``--formaat`` die een hulptekst noemt,
en de vergelijking van rondes waarin criteria niet meer beoordeeld zijn."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pexpect
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from azc_kwaliteit.uitvoer.ombreken import ombreek
from conftest import VOORBEELDEN, draai, schrijf

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pexpect heeft een pty nodig")

KRITIEK = VOORBEELDEN / "kritiek-sporthal-noodopvang.yaml"
VERBETERBAAR = VOORBEELDEN / "verbeterbaar-kantoorpand-noodopvang.yaml"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def in_terminal(kolommen: int, *args: str) -> str:
    """De uitvoer zoals de terminal hem toont (zonder kleurcodes), op ``kolommen`` breed."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "CI")}
    env.update(TERM="xterm-256color", LANG="C.UTF-8")
    kind = pexpect.spawn(sys.executable, ["-m", "azc_kwaliteit", *args], env=env,
                         dimensions=(60, kolommen), encoding="utf-8", timeout=60)
    kind.expect(pexpect.EOF)
    kind.close()
    return ANSI.sub("", kind.before.replace("\r\n", "\n"))


def woorden(tekst: str) -> list[str]:
    return tekst.split()


@given(st.lists(st.text(alphabet="abcdefghij-é", min_size=1, max_size=14), min_size=1,
                max_size=60), st.integers(20, 120), st.sampled_from(["", "  - ", "    ", "1. "]))
def test_ombreken_splitst_geen_woord_en_verliest_niets(lijst: list[str], breedte: int,
                                                       begin: str) -> None:
    regel = begin + " ".join(lijst)
    uit = ombreek(regel, breedte)
    assert woorden(uit) == woorden(regel)  # dezelfde woorden, heel en in volgorde
    assert all(len(r) <= breedte for r in uit.split("\n"))  # woorden zijn korter dan 20


@pytest.mark.parametrize("kolommen", [60, 80, 120])
def test_beoordeel_breekt_om_op_woordgrenzen(kolommen: int, runner: CliRunner) -> None:
    scherm = in_terminal(kolommen, "beoordeel", str(KRITIEK))
    regels = scherm.split("\n")
    assert max(len(r) for r in regels) <= kolommen
    # de tekst na de kop: dezelfde woorden als in een pijp (daar blijft elke regel heel)
    pijp = draai(runner, "beoordeel", str(KRITIEK)).stdout
    beide = [t[t.index("Waarom deze categorie"):] for t in (scherm, pijp)]
    assert woorden(beide[0]) == woorden(beide[1])
    assert "250 plaatsen" in scherm and "Noodopvang Sporthal De Brug (Voorbeeldstad)" in scherm


@pytest.mark.parametrize("kolommen", [60, 200])
def test_kader_toon_is_leesbaar_smal_breed_en_in_een_pijp(kolommen: int,
                                                         runner: CliRunner) -> None:
    from azc_kwaliteit.invoer.openen import laad_kader

    scherm = in_terminal(kolommen, "kader", "toon")
    assert max(len(r) for r in scherm.split("\n")) <= kolommen
    pijp = draai(runner, "kader", "toon").stdout
    assert woorden(scherm) == woorden(pijp)
    for c in laad_kader().kader.criteria:  # elke titel en elk id heel, in een pijp op één regel
        assert any(r.strip().startswith(c.titel) for r in pijp.split("\n")), c.titel
        assert re.search(rf"^    {re.escape(c.id)} · ", pijp, re.M), c.id
    assert not re.search(r"[┃│]", scherm)  # geen tabel van negen kolommen die inklapt


def test_batch_op_60_kolommen_kapt_geen_bestandsnaam_af(tmp_path: Path) -> None:
    scherm = in_terminal(60, "batch", str(VOORBEELDEN))
    # alleen een regel die één ondeelbaar woord is (een lang pad) mag breder zijn
    assert all(len(r) <= 60 or len(r.split()) == 1 for r in scherm.split("\n"))
    for f in VOORBEELDEN.glob("*.yaml"):
        assert f"{VOORBEELDEN}/{f.name}" in scherm or f.name in scherm, f.name
    breed = in_terminal(200, "batch", str(VOORBEELDEN))
    assert "┃ Cat." in breed  # op een brede terminal wel de tabel


HULP_FORMATEN = re.compile(r"--formaat\s+-f\s+<([a-z|]+)>")


@pytest.mark.parametrize("opdracht", [
    ["beoordeel", str(KRITIEK)], ["plantoets", str(VOORBEELDEN / "gepland-voormalig-klooster.yaml")],
    ["batch", str(VOORBEELDEN)], ["vergelijk", str(KRITIEK), str(KRITIEK)],
    ["kader", "toon"], ["kader", "document"]])
def test_elk_formaat_dat_de_hulp_noemt_werkt(opdracht: list[str], runner: CliRunner) -> None:
    hulp = " ".join(draai(runner, *opdracht[:2 if opdracht[0] == "kader" else 1], "--help")
                    .stdout.replace("│", " ").split())
    gevonden = HULP_FORMATEN.search(hulp.replace("| ", "|").replace(" |", "|"))
    assert gevonden is not None, hulp
    for formaat in gevonden.group(1).split("|"):
        r = draai(runner, *opdracht, "--formaat", formaat)
        assert r.exit_code in (0, 1), (formaat, r.output)  # 1: alleen de poort van batch
        assert r.stdout.strip(), formaat
        if formaat == "json":
            json.loads(r.stdout)
        if formaat == "html":
            assert r.stdout.startswith("<!DOCTYPE html>") or "<html" in r.stdout[:300]
        if formaat == "tekst":
            assert "┏" not in r.stdout, formaat  # in een pijp: gewone tekst


def test_kader_controleer_kent_ook_de_optie_kader(runner: CliRunner) -> None:
    pad = Path(__file__).resolve().parent.parent / "kaders" / "kind-in-azc.yaml"
    r = draai(runner, "kader", "controleer", "--kader", str(pad))
    assert r.exit_code == 0 and "is in orde" in r.stdout
    assert str(pad) in r.stdout
    r = draai(runner, "kader", "controleer", str(pad), "--kader", str(VERBETERBAAR))
    assert r.exit_code == 2 and "niet allebei" in r.stderr


def test_vergelijk_toont_wat_niet_meer_beoordeeld_is(runner: CliRunner, tmp_path: Path) -> None:
    tekst = VERBETERBAAR.read_text(encoding="utf-8")
    oud = schrijf(tmp_path / "oud.yaml", tekst)
    nieuw = schrijf(tmp_path / "nieuw.yaml", tekst.replace(
        "speelruimte-buiten: nee", "speelruimte-buiten: onbekend").replace(
        "kinderruimte-4-12: nee", "kinderruimte-4-12: onbekend").replace(
        "datum: 2026-10-02", "datum: 2026-11-20"))
    r = draai(runner, "vergelijk", str(oud), str(nieuw))
    assert "Niet meer beoordeeld (nu onbekend of niet van toepassing) (2)" in r.stdout
    assert "Buiten spelen [speelruimte-buiten]: nee → onbekend" in r.stdout
    assert ("Let op: de score van Voorzieningen steeg alleen doordat criteria die niet voldeden "
            "nu niet meer beoordeeld zijn") in r.stdout
    md = draai(runner, "vergelijk", str(oud), str(nieuw), "-f", "markdown").stdout
    assert "### Niet meer beoordeeld" in md and "| Buiten spelen (`speelruimte-buiten`)" in md
    j = json.loads(draai(runner, "vergelijk", str(oud), str(nieuw), "-f", "json").stdout)
    assert [w["id"] for w in j["niet_meer_beoordeeld"]] == ["speelruimte-buiten",
                                                            "kinderruimte-4-12"]
    assert j["schijnbaar_gestegen"] == ["Voorzieningen"]
    assert not j["verbeterd"]
    # een echte verbetering in dezelfde pijler: dan is de stijging niet alleen schijn
    beter = schrijf(tmp_path / "beter.yaml", nieuw.read_text(encoding="utf-8").replace(
        "speelruimte-binnen: 2", "speelruimte-binnen: 3"))
    j = json.loads(draai(runner, "vergelijk", str(oud), str(beter), "-f", "json").stdout)
    assert j["schijnbaar_gestegen"] == [] and j["verbeterd"]


def test_enkelvoud_en_meervoud(runner: CliRunner, tmp_path: Path) -> None:
    schrijf(tmp_path / "a.yaml", KRITIEK.read_text(encoding="utf-8"))
    schrijf(tmp_path / "b.yaml", KRITIEK.read_text(encoding="utf-8").replace(
        "datum: 2026-09-15", "datum: 2026-03-01"))
    schrijf(tmp_path / "kapot.yaml", "locatie: [\n")
    r = draai(runner, "batch", str(tmp_path))
    assert "1 locatie gescoord (nieuwste ronde; 1 eerdere ronde," in r.stdout
    assert "1 ongeldig bestand, niet gescoord" in r.stdout
    assert "1 bestand ongeldig; exitcode 2." in r.stderr
    assert "(s)" not in r.output and "(en)" not in r.output


# ---------------------------------------------------------------- Nederlands, overal

OPDRACHTEN = [["beoordeel"], ["plantoets"], ["batch"], ["nieuw"], ["vergelijk"], ["sjabloon"],
              ["kader", "toon"], ["kader", "controleer"], ["kader", "document"],
              ["kader", "schema"], ["formulier"], ["importeer"]]


@pytest.mark.parametrize("opdracht", OPDRACHTEN, ids=" ".join)
def test_hulp_is_nederlands_met_schone_metavars(opdracht: list[str], runner: CliRunner) -> None:
    hulp = draai(runner, *opdracht, "--help").stdout
    for fout in ("[[", "{", "<str>", "<int>", "<=", ">=", "Usage", "Options", "Arguments",
                 "Commands", "TEXT", "PATH", "INTEGER"):
        assert fout not in hulp, (opdracht, fout)
    assert "Gebruik: azc-kwaliteit " + " ".join(opdracht) in hulp
    assert "--kader" in hulp  # elke opdracht werkt met een kader, en laat er een kiezen


@pytest.mark.parametrize("opdracht", [o for o in OPDRACHTEN if o not in (
    ["nieuw"], ["kader", "controleer"], ["importeer"])], ids=" ".join)
def test_elke_opdracht_die_een_document_maakt_kent_uitvoer(opdracht: list[str],
                                                            runner: CliRunner) -> None:
    hulp = draai(runner, *opdracht, "--help").stdout
    assert "--uitvoer" in hulp and "-o" in hulp


def test_tikfout_in_een_opdracht_via_de_commandoregel(tmp_path: Path) -> None:
    import subprocess

    r = subprocess.run([sys.executable, "-m", "azc_kwaliteit", "beoordel", str(KRITIEK)],
                       capture_output=True, text=True, check=False)
    assert r.returncode == 2
    assert r.stderr.splitlines()[0] == "fout: onbekende opdracht 'beoordel'; bedoelde u 'beoordeel'?"
    assert "Did you mean" not in r.stderr


def test_anonimiseren_raadt_anonimiseren_niet_aan(runner: CliRunner, tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "b.yaml", KRITIEK.read_text(encoding="utf-8").replace(
        "Maaltijden via catering", "Maaltijden via catering bsn 123456782"))
    gewoon = draai(runner, "beoordeel", str(pad))
    assert "(gebruik --anonimiseer voor publicatie)" in gewoon.stderr
    anoniem = draai(runner, "beoordeel", str(pad), "--anonimiseer")
    assert "gebruik --anonimiseer" not in anoniem.stderr
    assert "in deze uitvoer weggelaten (--anonimiseer)" in anoniem.stderr
    assert "123456782" not in anoniem.stdout


@pytest.mark.parametrize(("sjabloon", "melding"), [
    ("{% for x in %}", "verwacht een uitdrukking, kreeg '%}'"),
    ("{% iff x %}", "onbekende tag 'iff'"),
    ("{{ u.bestaatniet }}", "'bestaatniet' bestaat hier niet"),
    ("{{ x | geenfilter }}", "onbekend filter 'geenfilter'"),
    ("{% if 1 %}", "het sjabloon houdt op terwijl het blok 'if' nog open is (endif ontbreekt)"),
    ("{{ u.__class__ }}", "'__class__' is in een sjabloon niet toegestaan (sandbox)"),
    ("{{ 1/0 }}", "delen door nul"),
    ("{{ onbekend }}", "'onbekend' bestaat niet"),
])
def test_fouten_in_een_eigen_sjabloon_in_het_nederlands(sjabloon: str, melding: str,
                                                       runner: CliRunner, tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "s.txt", sjabloon + "\n")
    r = draai(runner, "beoordeel", str(KRITIEK), "--sjabloon", str(pad))
    assert r.exit_code == 2
    assert r.stderr == f"fout: {pad}:1: fout in het sjabloon: {melding}\n"


def test_nieuw_breekt_vragen_om_op_een_smalle_terminal(tmp_path: Path) -> None:
    pad = tmp_path / "b.yaml"
    pad.write_text(KRITIEK.read_text(encoding="utf-8").replace(
        "  onderwijs-binnen-2-maanden:", "  onderwijs-x:"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "CI")}
    env.update(TERM="xterm-256color", LANG="C.UTF-8", NO_COLOR="1")
    kind = pexpect.spawn(sys.executable, ["-m", "azc_kwaliteit", "nieuw", str(pad),
                                          "--criterium", "onderwijs-binnen-2-maanden"],
                         env=env, dimensions=(40, 60), encoding="utf-8", timeout=30)
    kind.expect("Antwoord")
    scherm = ANSI.sub("", kind.before.replace("\r\n", "\n"))
    kind.sendline("96")
    kind.expect(pexpect.EOF)
    kind.close()
    assert "Naar school binnen twee maanden" in " ".join(scherm.split())
    # meldingen (stderr) blijven één regel per melding, voor grep en CI-logs
    vragen = [r for r in scherm.split("\n") if not r.startswith("waarschuwing: ")]
    assert all(len(r) <= 60 or len(r.split()) == 1 for r in vragen), scherm


def test_hulptekst_breekt_om_op_de_breedte_niet_op_de_broncode(runner: CliRunner) -> None:
    from azc_kwaliteit.cli import app

    r = runner.invoke(app,
                      ["kader", "document", "--help"], env={"COLUMNS": "160", "NO_COLOR": "1"})
    # in de docstring staat een regeleinde na 'van het'; op 160 kolommen past de zin op één regel
    assert "de herleidbaarheid naar het verslag van het rondetafelgesprek; en de" in r.stdout
