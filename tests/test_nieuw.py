# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""``nieuw`` zoals een inspecteur het gebruikt: in een echte pseudo-terminal, met een fout
antwoord, hulp, terug, een onderbreking halverwege en verdergaan."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest
import yaml
from typer.testing import CliRunner

from conftest import ctrl_c_bij_prompt, draai

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pexpect heeft een pty nodig")

VRAAG = r"\[(locatie|criteria) (\d+)/(\d+)\] "


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
    deel, eerste = kind.match.group(1), int(kind.match.group(2))
    kind.expect("Taal- en schakelklassen")  # precies waar we gebleven waren
    assert (deel, eerste) == ("criteria", 3)
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


# ---------------------------------------------------------------- herstellen en vergeven

KRITIEK = Path(__file__).parent.parent / "voorbeelden" / "kritiek-sporthal-noodopvang.yaml"


def _gesprek(pad: Path, criterium: str | None = None) -> Any:
    from azc_kwaliteit.invoer.openen import laad_kader
    from azc_kwaliteit.invullen.vragenlijst import Gesprek

    return Gesprek(pad, laad_kader().kader, criterium)


def test_ongeldige_antwoorden_in_het_bestand_worden_opnieuw_gevraagd(tmp_path: Path) -> None:
    pad = tmp_path / "b.yaml"
    pad.write_text(KRITIEK.read_text(encoding="utf-8").replace("capaciteit: 250", "capaciteit: -5")
                   .replace("afstand-school: 6", "afstand-school: ver weg"), encoding="utf-8")
    g = _gesprek(pad)
    assert not g.klaar and g.vraag.sleutel == ("locatie", "capaciteit")
    assert g.probleem == ("in het bestand stond '-5': verwacht een aantal plaatsen groter dan 0")
    assert g.standaard is None  # het ongeldige antwoord is geen standaard voor Enter
    assert g.geef("250").fout is None
    assert g.vraag.sleutel == ("antwoorden", "afstand-school") and "ver weg" in str(g.probleem)
    assert g.geef("6").fout is None
    assert g.klaar
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    assert data["locatie"]["capaciteit"] == 250 and data["antwoorden"]["afstand-school"] == 6


def test_een_af_bestand_heropenen_om_een_antwoord_te_wijzigen(tmp_path: Path) -> None:
    from azc_kwaliteit.domein.fouten import InvoerFout

    pad = tmp_path / "b.yaml"
    pad.write_text(KRITIEK.read_text(encoding="utf-8"), encoding="utf-8")
    voor = yaml.safe_load(pad.read_text(encoding="utf-8"))
    assert _gesprek(pad).klaar
    g = _gesprek(pad, "kookvoorziening")
    assert g.vraag.sleutel == ("antwoorden", "kookvoorziening")
    assert g.standaard == "nee # Maaltijden via catering"
    assert g.geef("ja").fout is None and g.klaar
    na = yaml.safe_load(pad.read_text(encoding="utf-8"))
    assert na["antwoorden"].pop("kookvoorziening") == "ja"
    voor["antwoorden"].pop("kookvoorziening")
    assert na["antwoorden"] == voor["antwoorden"] and na["locatie"] == voor["locatie"]
    assert _gesprek(pad, "datum").vraag.sleutel == ("beoordeling", "datum")
    with pytest.raises(InvoerFout, match="onbekend criterium of veld 'koken'"):
        _gesprek(pad, "koken")
    with pytest.raises(InvoerFout, match="'amv-per-slaapkamer' geldt niet voor deze locatie"):
        _gesprek(pad, "amv-per-slaapkamer")  # alleen voor amv; dit is een gezinslocatie


def test_enter_is_onbekend_een_schaal_mag_met_een_woord_en_datums_op_zijn_nederlands(
        tmp_path: Path) -> None:
    pad = tmp_path / "b.yaml"
    g = _gesprek(pad)
    for tekst in ("De Brug", "Voorbeeldstad", "gemeentelijke opvang", "in gebruik", "gezinnen",
                  "80", "onbekend"):
        assert g.geef(tekst).fout is None, tekst
    assert g.concept.locatie["soort"] == "gemeentelijke_opvang"
    assert g.concept.locatie["status"] == "in_gebruik"
    assert g.vraag.sleutel == ("beoordeling", "datum")
    assert "31-2-2026" in g.vraag.uitleg or "1-12-2026" in g.vraag.uitleg
    assert g.geef("31-2-2026").fout is not None  # geen bestaande datum
    assert g.geef("1-2-2026").fout is None and g.concept.kop["datum"] == "2026-02-01"
    assert g.geef("Team Noord").fout is None
    eerste = g.vraag.sleutel[1]
    assert g.standaard == "onbekend" and g.geef("").fout is None  # Enter
    assert g.concept.antwoorden[eerste] == "onbekend"
    while g.vraag.sleutel[1] != "hygiene-schoon":
        g.geef("onbekend")
    assert g.geef("wisselend").fout is None and g.concept.antwoorden["hygiene-schoon"] == 2
    assert g.geef("?").uitleg is not None


def test_de_teller_springt_niet_tussen_locatie_en_criteria(tmp_path: Path) -> None:
    g = _gesprek(tmp_path / "b.yaml")
    tellers = []
    for tekst in ("De Brug", "Voorbeeldstad", "noodopvang", "in gebruik", "gezinnen", "80",
                  "nee", "1-11-2026", "Team Noord", "onbekend", "onbekend"):
        tellers.append(g.nummer)
        g.geef(tekst)
    tellers.append(g.nummer)
    locatie = [t for t in tellers if t[0] == "locatie"]
    criteria = [t for t in tellers if t[0] == "criteria"]
    assert [n for _, n, _ in locatie] == list(range(1, 10)) and {t for *_, t in locatie} == {9}
    assert [n for _, n, _ in criteria] == [1, 2, 3] and len({t for *_, t in criteria}) == 1


def test_uitleg_bij_de_vragen_over_de_locatie(tmp_path: Path) -> None:
    g = _gesprek(tmp_path / "b.yaml")
    for tekst in ("De Brug", "Voorbeeldstad", "noodopvang", "in gebruik", "gezinnen", "80"):
        g.geef(tekst)
    assert g.vraag.sleutel == ("locatie", "draagvlak_regio")
    uitleg = g.geef("?").uitleg
    assert uitleg is not None and "reguliere opvang" in uitleg and "categorie 3" in uitleg


def test_eigen_opmerkingen_worden_vooraf_gemeld(tmp_path: Path, runner: CliRunner) -> None:
    eigen = tmp_path / "eigen.yaml"
    eigen.write_text(KRITIEK.read_text(encoding="utf-8").replace(
        "  kookvoorziening:", "  # navragen bij de locatiemanager\n  kookvoorziening:"),
        encoding="utf-8")
    gevonden = _gesprek(eigen).opmerkingen
    assert "# navragen bij de locatiemanager" in gevonden  # en de kop van het voorbeeld
    assert not any("Naar school binnen twee maanden" in o for o in gevonden)
    ons = tmp_path / "ons.yaml"
    g = _gesprek(ons)
    for tekst in ("De Brug", "Voorbeeldstad", "noodopvang", "in gebruik", "gezinnen", "80",
                  "nee", "1-11-2026", "Team Noord", "ja # \"met\" een # erin"):
        g.geef(tekst)
    assert _gesprek(ons).opmerkingen == []  # ons eigen commentaar telt niet
    draai(runner, "sjabloon", "-o", str(tmp_path / "leeg.yaml"))
    assert _gesprek(tmp_path / "leeg.yaml").opmerkingen == []


def test_heropenen_en_herstellen_in_een_terminal(tmp_path: Path) -> None:
    pad = tmp_path / "b.yaml"
    pad.write_text(KRITIEK.read_text(encoding="utf-8").replace(
        "  kookvoorziening:", "  # navragen\n  kookvoorziening:").replace(
        "afstand-school: 6", "afstand-school: ver weg"), encoding="utf-8")
    kind = start(pad)
    kind.expect(r"\d+ eigen opmerkingen")
    kind.expect("die gaan verloren")
    kind.expect(r"\[criteria \d+/\d+\] [^\n]*School dichtbij")
    kind.expect("Opnieuw: in het bestand stond 'ver weg'")
    antwoord(kind, "1,5")
    kind.expect("Klaar")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 0
    env = dict(os.environ, NO_COLOR="1", TERM="dumb", COLUMNS="200", CI="")
    kind = pexpect.spawn(sys.executable, ["-m", "azc_kwaliteit", "nieuw", str(pad), "--criterium",
                                          "kookvoorziening"], env=env, encoding="utf-8",
                         timeout=30, dimensions=(50, 200))
    kind.expect("Zelf kunnen koken")
    kind.expect(r"Antwoord \(nee # Maaltijden via catering\)")
    kind.sendline("ja # keuken geplaatst")
    kind.expect("Klaar")
    kind.expect(pexpect.EOF)
    kind.close()
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    assert data["antwoorden"]["kookvoorziening"] == {"waarde": "ja",
                                                     "toelichting": "keuken geplaatst"}
    assert data["antwoorden"]["afstand-school"] == 1.5
