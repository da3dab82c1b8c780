"""``nieuw`` zoals een inspecteur het gebruikt: in een echte pseudo-terminal, met een fout
antwoord, hulp, terug, een onderbreking halverwege en verdergaan."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest
import yaml
from typer.testing import CliRunner

from conftest import ctrl_c_bij_prompt, draai

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pexpect heeft een pty nodig")

VRAAG = r"\[(\d+)/(\d+)\] "


def start(pad: Path) -> pexpect.spawn:
    env = dict(os.environ, NO_COLOR="1", TERM="dumb", COLUMNS="200", CI="")
    return pexpect.spawn(sys.executable, ["-m", "azc_kwaliteit", "nieuw", str(pad)], env=env,
                         encoding="utf-8", timeout=30, dimensions=(50, 200))


def antwoord(kind: pexpect.spawn, tekst: str) -> None:
    kind.expect("Antwoord")
    kind.sendline(tekst)


def test_invullen_onderbreken_en_verdergaan(tmp_path: Path, runner: CliRunner) -> None:
    pad = tmp_path / "ronde.yaml"
    kind = start(pad)
    for tekst in ("Gezinslocatie Het Anker", "Zeestad", "gezinslocatie", "", "gezinnen", "90",
                  "ja", "2026-10-01", "Inspecteur P. Smit"):
        antwoord(kind, tekst)
    kind.expect("Naar school binnen twee maanden")
    antwoord(kind, "veel")  # ongeldig: opnieuw gevraagd, met uitleg
    kind.expect("Ongeldig: verwacht een getal")
    antwoord(kind, "?")
    kind.expect("Bronnen: rcd2024")
    antwoord(kind, "80 # 4 kinderen wachten op een plek")
    antwoord(kind, "nee")  # onderwijs-regulier
    antwoord(kind, "<")  # terug: toch ja
    kind.expect(r"Antwoord \(nee\)")
    kind.sendline("ja")
    kind.expect("Taal- en schakelklassen")
    ctrl_c_bij_prompt(kind)  # midden in het invullen
    kind.expect("Onderbroken")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 130

    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    assert data["locatie"]["naam"] == "Gezinslocatie Het Anker"
    assert data["locatie"]["status"] == "in_gebruik" and data["locatie"]["doelgroepen"] == ["gezinnen"]
    assert data["antwoorden"] == {
        "onderwijs-binnen-2-maanden": {"waarde": 80, "toelichting": "4 kinderen wachten op een plek"},
        "onderwijs-regulier": "ja",
    }
    assert "  # Naar school binnen twee maanden (kritiek)\n" in pad.read_text(encoding="utf-8")

    kind = start(pad)
    kind.expect("Verder met")
    kind.expect(VRAAG)
    eerste = int(kind.match.group(1))
    kind.expect("Taal- en schakelklassen")  # precies waar we gebleven waren
    assert eerste == 12
    beantwoord = 0
    while True:
        i = kind.expect(["Antwoord", "Klaar"])
        if i == 1:
            break
        kind.sendline("ja" if beantwoord % 3 else "onbekend")
        beantwoord += 1
        kind.expect([VRAAG, "Ongeldig", "Klaar"])
        if "Ongeldig" in kind.after:
            kind.expect("Antwoord")
            kind.sendline("onbekend")
        elif "Klaar" in kind.after:
            break
    kind.expect("Categorie|ONVOLDOENDE BEOORDEELD")  # een derde onbekend: vaak geen oordeel
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 0

    r = draai(runner, "beoordeel", str(pad), "--formaat", "json")
    assert r.exit_code == 0, r.output
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    assert data["antwoorden"]["onderwijs-binnen-2-maanden"]["waarde"] == 80
    assert len(data["antwoorden"]) == beantwoord + 2
    assert data["beoordeling"]["kader"] == "kind-in-azc@2027.1"


def test_voortgangsbalk_alleen_op_een_terminal_buiten_ci(tmp_path: Path) -> None:
    import shutil

    from conftest import VOORBEELDEN

    for i in range(40):
        shutil.copy(VOORBEELDEN / "goed-amv-kleinschalig.yaml", tmp_path / f"b{i:02d}.yaml")
    uitvoer = {}
    for ci in ("", "true"):
        env = dict(os.environ, TERM="xterm", COLUMNS="120", CI=ci)
        env.pop("NO_COLOR", None)
        tekst, status = pexpect.run(f"{sys.executable} -m azc_kwaliteit batch {tmp_path}",
                                    env=env, withexitstatus=True, timeout=60, encoding="utf-8")
        assert status == 0
        uitvoer[ci] = tekst
    assert "Beoordelingen scoren" in uitvoer[""]
    assert "Beoordelingen scoren" not in uitvoer["true"]
    assert "40 locaties gescoord" in uitvoer["true"]
