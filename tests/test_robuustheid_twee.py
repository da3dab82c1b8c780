"""Robuustheid II: invoer die een batch niet mag stoppen, uitvoer die niets van de gebruiker
vernietigt, een batch die niets buiten zijn mappen leest, en een privacycontrole die vangt wat
mensen schrijven. Alles door de opdrachtregel, en waar het telt in een batch met goede bestanden
ernaast."""

from __future__ import annotations

import json
import os
import stat
import sys
import unicodedata
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pexpect
import pytest
import yaml
from typer.testing import CliRunner

from azc_kwaliteit.invoer import privacy
from conftest import VOORBEELDEN, draai, schrijf

KRITIEK = VOORBEELDEN / "kritiek-sporthal-noodopvang.yaml"
GOED = VOORBEELDEN / "goed-amv-kleinschalig.yaml"


def kopie(doel: Path, bron: Path = GOED) -> Path:
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_bytes(bron.read_bytes())
    return doel


# ---------------------------------------------------------------- een eigen --sjabloon


@pytest.mark.parametrize(("inhoud", "regel", "melding"), [
    (b"kop\n{{ 1 / 0 }}\n", 2, "ZeroDivisionError"),
    (b"{{ u.bestaat_niet.x }}\n", 1, "has no attribute 'bestaat_niet'"),
    (b"{% for x in range(10**9) %}{% endfor %}", 1, "Range too big"),
    (b"\xff\xfe{{ u }}", None, "het sjabloon is geen UTF-8-tekst"),
    (b"{{ u.locatie | int // 0 }}", 1, "ZeroDivisionError"),
    (b"{% if %}", 1, "fout in het sjabloon"),
])
def test_een_fout_in_een_eigen_sjabloon_is_een_gebruikersfout(
        runner: CliRunner, tmp_path: Path, inhoud: bytes, regel: int | None, melding: str) -> None:
    sjabloon = tmp_path / "mijn.txt"
    sjabloon.write_bytes(inhoud)
    r = draai(runner, "beoordeel", str(KRITIEK), "--sjabloon", str(sjabloon))
    assert r.exit_code == 2 and "Traceback" not in r.output and "interne fout" not in r.output
    fout = [m for m in r.stderr.splitlines() if m.startswith("fout:")]
    plek = f"{sjabloon}:{regel}: " if regel else f"{sjabloon}: "
    assert len(fout) == 1 and fout[0].startswith(f"fout: {plek}") and melding in fout[0]


# ---------------------------------------------------------------- bestandsnamen die geen UTF-8 zijn


@pytest.mark.parametrize("formaat", ["tekst", "json", "markdown", "junit", "sarif"])
def test_bestandsnaam_die_geen_utf8_is(runner: CliRunner, tmp_path: Path, formaat: str) -> None:
    kopie(tmp_path / "goed.yaml")
    kapot = Path(os.fsdecode(bytes(tmp_path) + b"/kapot\xff.yaml"))
    kopie(kapot, KRITIEK)
    r = draai(runner, "batch", str(tmp_path), "--formaat", formaat)
    assert r.exit_code == 2 and "interne fout" not in r.output
    leesbaar = f"{tmp_path}/kapot\\xff.yaml"
    if formaat == "json":
        j = json.loads(r.stdout)
        assert [f["bestand"] for f in j["fouten"]] == [leesbaar]
        assert [x["bestand"] for x in j["resultaten"]] == [str(tmp_path / "goed.yaml")]
    elif formaat == "junit":
        suite = ET.fromstring(r.stdout)
        assert {t.get("name") for t in suite.iter("testcase")} >= {leesbaar}
    elif formaat == "sarif":
        uri = json.loads(r.stdout)["runs"][0]["results"][0]["locations"][0]
        assert "kapot%5Cxff.yaml" in uri["physicalLocation"]["artifactLocation"]["uri"]
    else:
        assert f"{leesbaar}: de bestandsnaam is geen UTF-8" in r.stdout.replace("`", "")


def test_nieuw_met_bytes_die_geen_utf8_zijn(tmp_path: Path) -> None:
    pad = tmp_path / "b.yaml"
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    kind = pexpect.spawn(sys.executable, ["-m", "azc_kwaliteit", "nieuw", str(pad)], env=env,
                         timeout=30)
    kind.expect("Naam van de locatie")
    kind.expect("Antwoord")
    kind.send(b"De \xff Brug\r")
    kind.expect("Ongeldig: de invoer is geen geldige UTF-8-tekst")
    kind.expect("Antwoord")
    kind.sendline("De Brug")
    kind.expect("Gemeente")
    kind.sendcontrol("c")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 130
    assert yaml.safe_load(pad.read_text(encoding="utf-8"))["locatie"]["naam"] == "De Brug"


# ---------------------------------------------------------------- niets van de gebruiker vernietigen


def test_uitvoer_overschrijft_geen_invoer_en_geen_ingevulde_beoordeling(
        runner: CliRunner, tmp_path: Path) -> None:
    invoer = kopie(tmp_path / "a.yaml", KRITIEK)
    origineel = invoer.read_bytes()
    ander = kopie(tmp_path / "ingevuld.yaml", GOED)
    for args in (["beoordeel", str(invoer), "-f", "json", "-o", str(invoer)],
                 ["beoordeel", str(invoer), "-f", "markdown", "-o", str(ander)],
                 ["sjabloon", "-o", str(ander)],
                 ["batch", str(tmp_path), "-f", "json", "-o", str(invoer)],
                 ["batch", str(tmp_path), "--json", str(ander)],
                 ["vergelijk", str(invoer), str(ander), "--forceer", "-o", str(tmp_path / "x.md")]):
        r = draai(runner, *args)
        if args[0] == "vergelijk":  # --forceer mag dan, en x.md is nieuw
            assert r.exit_code == 0
            continue
        assert r.exit_code == 2, args
        assert "kies een ander uitvoerbestand, of gebruik --forceer" in r.stderr
        assert "Geschreven:" not in r.stderr, args  # ook niet eerst het schema of de JSON
    assert invoer.read_bytes() == origineel
    assert ander.read_bytes() == GOED.read_bytes()
    assert not (tmp_path / "beoordeling.schema.json").exists()
    r = draai(runner, "beoordeel", str(invoer), "-f", "json", "-o", str(ander), "--forceer")
    assert r.exit_code == 0 and json.loads(ander.read_text())["categorie"] == 1


def test_een_leeg_sjabloon_mag_opnieuw_gemaakt_worden(runner: CliRunner, tmp_path: Path) -> None:
    leeg = tmp_path / "formulier.yaml"
    assert draai(runner, "sjabloon", "-o", str(leeg)).exit_code == 0
    assert draai(runner, "sjabloon", "-o", str(leeg), "--soort", "azc").exit_code == 0


def test_nieuw_raakt_een_ander_yaml_bestand_niet_aan(tmp_path: Path) -> None:
    compose = tmp_path / "docker-compose.yaml"
    compose.write_text('version: "3"\nservices:\n  web:\n    image: nginx\n', encoding="utf-8")
    origineel = compose.read_bytes()
    kind = pexpect.spawn(sys.executable, ["-m", "azc_kwaliteit", "nieuw", str(compose)],
                         env={**os.environ, "NO_COLOR": "1"}, timeout=30)
    kind.expect(pexpect.EOF)
    kind.close()
    uitvoer = kind.before.decode()
    assert kind.exitstatus == 2
    assert f"{compose}:1: dit bestand is geen beoordeling (het heeft version, services)" in uitvoer
    assert compose.read_bytes() == origineel


def test_geschreven_bestanden_zijn_leesbaar_voor_collega_s(runner: CliRunner, tmp_path: Path) -> None:
    oud = os.umask(0o022)
    try:
        nieuw = tmp_path / "rapport.md"
        assert draai(runner, "beoordeel", str(KRITIEK), "-f", "markdown", "-o", str(nieuw)).exit_code == 0
        assert stat.S_IMODE(nieuw.stat().st_mode) == 0o644
        html = tmp_path / "html"
        assert draai(runner, "batch", str(VOORBEELDEN), "--html", str(html)).exit_code in (0, 1)
        assert {stat.S_IMODE(p.stat().st_mode) for p in html.iterdir()} == {0o644}
        nieuw.chmod(0o640)  # wie de rechten zelf zette, houdt ze
        assert draai(runner, "beoordeel", str(KRITIEK), "-f", "markdown", "-o", str(nieuw)).exit_code == 0
        assert stat.S_IMODE(nieuw.stat().st_mode) == 0o640
        os.umask(0o077)
        streng = tmp_path / "streng.md"
        assert draai(runner, "beoordeel", str(KRITIEK), "-f", "markdown", "-o", str(streng)).exit_code == 0
        assert stat.S_IMODE(streng.stat().st_mode) == 0o600
    finally:
        os.umask(oud)


# ---------------------------------------------------------------- niets buiten de mappen


def test_batch_leest_niets_buiten_zijn_map(runner: CliRunner, tmp_path: Path) -> None:
    map_, buiten = tmp_path / "map", tmp_path / "buiten"
    kopie(map_ / "a.yaml")
    kopie(buiten / "geheim.yaml", KRITIEK)
    (map_ / "naar-buiten.yaml").symlink_to(buiten / "geheim.yaml")
    (map_ / "dubbel.yaml").symlink_to(map_ / "a.yaml")
    os.mkfifo(map_ / "pijp.yaml")
    (map_ / "sub").mkdir()
    (map_ / "sub" / "naar-pijp.yaml").symlink_to(map_ / "pijp.yaml")
    (tmp_path / "andere-weg").symlink_to(map_, target_is_directory=True)
    r = draai(runner, "batch", str(map_), str(map_), str(tmp_path / "andere-weg"),
              str(map_ / ".." / "map"), "--formaat", "json")
    assert r.exit_code == 0, r.output  # overslaan is geen fout, en de pijp blokkeert niets
    j = json.loads(r.stdout)
    assert [x["bestand"] for x in j["resultaten"]] == [str(map_ / "a.yaml")]
    assert j["samenvatting"]["overgeslagen"] == 4 and j["samenvatting"]["beoordelingen"] == 1
    meldingen = sorted(m for m in r.stderr.splitlines() if m.startswith("waarschuwing:"))
    assert meldingen == [
        f"waarschuwing: {map_ / 'dubbel.yaml'}: koppeling naar {map_ / 'a.yaml'}, dat al in deze "
        "batch zit; niet dubbel geteld",
        f"waarschuwing: {map_ / 'naar-buiten.yaml'}: symbolische koppeling naar "
        f"{buiten / 'geheim.yaml'}, buiten de opgegeven map; overgeslagen",
        f"waarschuwing: {map_ / 'pijp.yaml'}: geen gewoon bestand (een pijp, apparaat of socket); "
        "overgeslagen",
        f"waarschuwing: {map_ / 'sub' / 'naar-pijp.yaml'}: koppeling naar iets dat geen gewoon "
        "bestand is; overgeslagen",
    ]
    assert "Noodopvang Sporthal" not in r.stdout  # de inhoud van buiten is niet gelezen


# ---------------------------------------------------------------- privacy


@pytest.mark.parametrize(("tekst", "soort"), [
    ("bsn 123456782", "een BSN"), ("123.456.782", "een BSN"), ("123 456 782", "een BSN"),
    ("1234 56 782", "een BSN"), ("+31 (0)6 12345678", "een telefoonnummer"),
    ("(020) 123 4567", "een telefoonnummer"), ("06-12345678", "een telefoonnummer"),
    ("06 12 34 56 78", "een telefoonnummer"), ("0031 20 1234567", "een telefoonnummer"),
    ("bel 06-12345678 of 123456782", "een BSN"), ("mail naar j.jansen@voorbeeld.nl", "een e-mailadres"),
    ("V-nummer: 1234567890", "een V-nummer"),
])
def test_privacy_vangt_gangbare_schrijfwijzen(tekst: str, soort: str) -> None:
    assert soort in privacy.in_tekst(tekst)


@pytest.mark.parametrize("tekst", [
    "123.456.789",  # haalt de elfproef niet
    "in 2025 woonden er 40 kinderen van 4 tot 12 jaar", "datum 2026-05-01, 1.234.567 euro",
    "capaciteit 120 plaatsen, 45 m2 per gezin", "zie rcd2024 art. 16 lid 2",
])
def test_privacy_laat_gewone_getallen_staan(tekst: str) -> None:
    assert privacy.in_tekst(tekst) == []


def test_privacy_in_gemeente_en_beoordelaar_met_regel(runner: CliRunner, tmp_path: Path) -> None:
    data = yaml.safe_load(GOED.read_text(encoding="utf-8"))
    data["locatie"]["gemeente"] = "Zandvoorde, contact 06-12345678"
    data["beoordeling"]["beoordelaar"] = "J. Jansen (j.jansen@voorbeeld.nl)"
    pad = schrijf(tmp_path / "b.yaml", data)
    r = draai(runner, "batch", str(tmp_path))
    regels = {m.split(": ", 2)[1]: m for m in r.stderr.splitlines() if "lijkt" in m}
    tekst = pad.read_text(encoding="utf-8").splitlines()
    gemeente = next(i for i, t in enumerate(tekst, 1) if t.strip().startswith("gemeente:"))
    assert f"{pad}:{gemeente}" in regels
    assert "locatie.gemeente lijkt een telefoonnummer te bevatten" in regels[f"{pad}:{gemeente}"]
    assert any("beoordeling.beoordelaar lijkt een e-mailadres" in m for m in regels.values())


def test_anonimiseer_haalt_citaten_uit_foutmeldingen(runner: CliRunner, tmp_path: Path) -> None:
    data: dict[str, Any] = yaml.safe_load(GOED.read_text(encoding="utf-8"))
    data["antwoorden"]["drinkwater"] = "Jan's moeder, bel 06-12345678"
    schrijf(tmp_path / "kapot.yaml", data)
    for formaat in ("tekst", "json", "markdown", "junit", "sarif"):
        r = draai(runner, "batch", str(tmp_path), "--anonimiseer", "--formaat", formaat)
        assert r.exit_code == 2
        assert "12345678" not in r.output, formaat
        assert "Jan" not in r.stdout, formaat
        assert "kreeg '(weggelaten)'" in r.stdout.replace("\\", ""), formaat
    r = draai(runner, "beoordeel", str(tmp_path / "kapot.yaml"), "--anonimiseer")
    assert "12345678" not in r.output and "kreeg '(weggelaten)'" in r.stderr
    r = draai(runner, "batch", str(tmp_path), "--formaat", "json")  # zonder: de inspecteur ziet het
    assert "Jan’s moeder, bel 06-12345678" in r.stdout


# ---------------------------------------------------------------- dezelfde locatie, alle problemen


def test_nfc_en_nfd_zijn_dezelfde_locatie(runner: CliRunner, tmp_path: Path) -> None:
    data = yaml.safe_load(GOED.read_text(encoding="utf-8"))
    data["locatie"]["naam"] = unicodedata.normalize("NFC", "Café Één")
    data["beoordeling"]["datum"] = "2026-01-10"
    schrijf(tmp_path / "mac.yaml", data)
    data["locatie"]["naam"] = unicodedata.normalize("NFD", "Café Één")
    data["beoordeling"]["datum"] = "2026-03-10"
    schrijf(tmp_path / "windows.yaml", data)
    j = json.loads(draai(runner, "batch", str(tmp_path), "--formaat", "json").stdout)
    assert j["samenvatting"]["beoordelingen"] == 1 and j["samenvatting"]["eerdere_rondes"] == 1
    assert j["resultaten"][0]["rondes"] == 2
    r = draai(runner, "vergelijk", str(tmp_path / "mac.yaml"), str(tmp_path / "windows.yaml"))
    assert r.exit_code == 0 and "verschillende locaties" not in r.stderr


def test_alle_problemen_van_een_bestand_worden_gemeld(runner: CliRunner, tmp_path: Path) -> None:
    data = yaml.safe_load(GOED.read_text(encoding="utf-8"))
    ids = list(data["antwoorden"])[:40]
    for cid in ids:
        data["antwoorden"][cid] = {"waarde": "ja", "onbekend_veld": 1}
    pad = schrijf(tmp_path / "veel.yaml", data)
    j = json.loads(draai(runner, "batch", str(tmp_path), "--formaat", "json").stdout)
    assert len(j["fouten"]) >= 40 and {f["bestand"] for f in j["fouten"]} == {str(pad)}
    data["antwoorden"] = {f"onbekend-{i:03}": "ja" for i in range(60)}
    schrijf(pad, data)
    r = draai(runner, "beoordeel", str(pad))
    fouten = [m for m in r.stderr.splitlines() if m.startswith("fout:")]
    assert len(fouten) == 51 and fouten[-1] == "fout: ... en nog 10 problemen"
