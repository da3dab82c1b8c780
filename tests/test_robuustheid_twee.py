# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
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
from conftest import VOORBEELDEN, ctrl_c_bij_prompt, draai, schrijf

KRITIEK = VOORBEELDEN / "kritiek-sporthal-noodopvang.yaml"
GOED = VOORBEELDEN / "goed-amv-kleinschalig.yaml"


def kopie(doel: Path, bron: Path = GOED) -> Path:
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_bytes(bron.read_bytes())
    return doel


# ---------------------------------------------------------------- een eigen --sjabloon


@pytest.mark.parametrize(("inhoud", "regel", "melding"), [
    (b"kop\n{{ 1 / 0 }}\n", 2, "delen door nul"),
    (b"{{ u.bestaat_niet.x }}\n", 1, "'bestaat_niet' bestaat hier niet"),
    (b"{% for x in range(10**9) %}{% endfor %}", 1,
     "dat bereik is te groot: de sandbox staat hoogstens 100000 stappen toe"),
    (b"\xff\xfe{{ u }}", None, "het sjabloon is geen UTF-8-tekst"),
    (b"{{ u.locatie | int // 0 }}", 1, "delen door nul"),
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
    ctrl_c_bij_prompt(kind)
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
    (map_ / "sub" / "map-buiten").symlink_to(buiten, target_is_directory=True)
    (map_ / "sub-binnen").symlink_to(map_ / "sub", target_is_directory=True)  # telt via sub
    (tmp_path / "andere-weg").symlink_to(map_, target_is_directory=True)
    r = draai(runner, "batch", str(map_), str(map_), str(tmp_path / "andere-weg"),
              str(map_ / ".." / "map"), "--formaat", "json")
    assert r.exit_code == 0, r.output  # overslaan is geen fout, en de pijp blokkeert niets
    j = json.loads(r.stdout)
    assert [x["bestand"] for x in j["resultaten"]] == [str(map_ / "a.yaml")]
    assert j["samenvatting"]["overgeslagen"] == 5 and j["samenvatting"]["beoordelingen"] == 1
    meldingen = sorted(m for m in r.stderr.splitlines() if m.startswith("waarschuwing:"))
    assert meldingen == [
        f"waarschuwing: {map_ / 'dubbel.yaml'}: koppeling naar {map_ / 'a.yaml'}, dat al in deze "
        "batch zit; niet dubbel geteld",
        f"waarschuwing: {map_ / 'naar-buiten.yaml'}: symbolische koppeling naar "
        f"{buiten / 'geheim.yaml'}, buiten de opgegeven map; overgeslagen",
        f"waarschuwing: {map_ / 'pijp.yaml'}: geen gewoon bestand (een pijp, apparaat of socket); "
        "overgeslagen",
        f"waarschuwing: {map_ / 'sub' / 'map-buiten'}: symbolische koppeling naar {buiten}, "
        "buiten de opgegeven map; overgeslagen",
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
    ("V-nummer: 1234567890", "een V-nummer"), ("0612345678", "een telefoonnummer"),
    ("IBAN NL91ABNA0417164300", "een rekeningnummer (IBAN)"),
    ("op NL91 ABNA 0417 1643 00 gestort", "een rekeningnummer (IBAN)"),
])
def test_privacy_vangt_gangbare_schrijfwijzen(tekst: str, soort: str) -> None:
    assert soort in privacy.in_tekst(tekst)
    if soort in ("een telefoonnummer", "een rekeningnummer (IBAN)"):  # niet ook als V-nummer
        assert "een V-nummer" not in privacy.in_tekst(tekst)


@pytest.mark.parametrize("tekst", [
    "123.456.789",  # haalt de elfproef niet
    "in 2025 woonden er 40 kinderen van 4 tot 12 jaar", "datum 2026-05-01, 1.234.567 euro",
    "capaciteit 120 plaatsen, 45 m2 per gezin", "zie rcd2024 art. 16 lid 2",
    "NL91ABNA0417164301",  # haalt de controle modulo 97 niet
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


# ---------------------------------------------------------------- tekst blijft data, in elk kanaal

VIJANDIG = ("Sporthal\n::error file=x::gehackt\r\n  ::add-mask::geheim \x1b[31mROOD\x1b]8;;http://x"
            "\x07link\x1b]8;;\x07 <script>alert(1)</script> <img src=x onerror=alert(1)> `code` "
            "@iedereen | pijp %0A::warning::y \u202egnirts\ufffe \x9b31m")
STUURTEKENS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0b, 0x20), 0x7f, 0x9b)] + [
    "\u202e", "\u2028", "\ufffe"]


def _vijandige_map(tmp_path: Path, naam: str = "vijand.yaml") -> Path:
    data = yaml.safe_load(KRITIEK.read_text(encoding="utf-8"))
    data["locatie"]["naam"] = VIJANDIG
    data["locatie"]["gemeente"] = "Stad\x07\x08 @gemeente ::debug::x"
    data["beoordeling"]["beoordelaar"] = "::stop-commands::token"
    eerste = next(iter(data["antwoorden"]))
    waarde = data["antwoorden"][eerste]
    data["antwoorden"][eerste] = {"waarde": waarde["waarde"] if isinstance(waarde, dict) else waarde,
                                  "toelichting": "regel 1\n::error::twee\n</td><b>vet</b>`"}
    schrijf(tmp_path / "map" / naam, data)
    kapot = dict(data, antwoorden={eerste: "nee\n::error::uit-een-melding \x1b[2J"})
    schrijf(tmp_path / "map" / "kapot.yaml", kapot)
    return tmp_path / "map"


def _geen_commando_en_geen_stuurteken(tekst: str, kanaal: str, *, json_: bool = False) -> None:
    """Geen regel die een workflow-commando kan zijn, en geen stuurteken. In JSON staat tekst
    letterlijk (de codering ontsnapt stuurtekens zelf; U+202E blijft daar data)."""
    for regel in tekst.splitlines():
        assert not regel.lstrip().startswith("::"), (kanaal, regel)
    verboden = [t for t in STUURTEKENS if ord(t) < 0xa0] if json_ else STUURTEKENS
    assert not [t for t in verboden if t in tekst], kanaal


@pytest.mark.parametrize("formaat", ["tekst", "json", "markdown", "junit", "sarif"])
def test_vijandige_tekst_in_elk_batchformaat(runner: CliRunner, tmp_path: Path, formaat: str) -> None:
    map_ = _vijandige_map(tmp_path)
    r = draai(runner, "batch", str(map_), "--formaat", formaat, "--markdown",
              str(tmp_path / "pr.md"), "--junit", str(tmp_path / "j.xml"))
    assert r.exit_code == 2  # het kapotte bestand
    _geen_commando_en_geen_stuurteken(r.stdout, f"stdout {formaat}", json_=formaat in ("json", "sarif"))
    _geen_commando_en_geen_stuurteken(r.stderr, f"stderr {formaat}")
    md = (tmp_path / "pr.md").read_text(encoding="utf-8")
    _geen_commando_en_geen_stuurteken(md, "markdown")
    assert "@iedereen" not in md and "@gemeente" not in md and "@\u200biedereen" in md
    assert "<script>" not in md and "<b>" not in md
    xml = (tmp_path / "j.xml").read_text(encoding="utf-8")
    _geen_commando_en_geen_stuurteken(xml, "junit")
    ET.fromstring(xml)  # goed gevormd, ook met U+FFFE en stuurtekens in de invoer
    if formaat == "json":
        assert json.loads(r.stdout)["resultaten"][0]["locatie"]["naam"] == VIJANDIG  # data blijft data


def test_vijandige_tekst_in_csv(runner: CliRunner, tmp_path: Path) -> None:
    """Ook wie de CSV in een CI-log of terminal leest, krijgt geen commando of stuurteken; de cel
    met de naam blijft één cel en leest terug als de zichtbaar gemaakte naam."""
    import csv

    map_ = _vijandige_map(tmp_path)
    r = draai(runner, "batch", str(map_), "--csv", str(tmp_path / "l.csv"), "--csv-criteria",
              str(tmp_path / "c.csv"))
    assert r.exit_code == 2
    for naam in ("l.csv", "c.csv"):
        tekst = (tmp_path / naam).read_text(encoding="utf-8-sig")
        _geen_commando_en_geen_stuurteken(tekst, naam)
        rijen = list(csv.DictReader(tekst.splitlines(keepends=True), delimiter=";"))
        naam_ = rijen[0]["naam"]  # één cel, van het begin tot het eind van de naam
        assert naam_.startswith("Sporthal\n") and naam_.endswith("\\x9b31m")
        assert "\\x1b[31mROOD" in naam_ and "<script>" in naam_ and "\\x0d" in naam_
        assert rijen[0]["gemeente"] == "Stad\\x07\\x08 @gemeente ::debug::x"


def test_vijandige_tekst_in_beoordeel_en_vergelijk(runner: CliRunner, tmp_path: Path) -> None:
    map_ = _vijandige_map(tmp_path)
    pad = map_ / "vijand.yaml"
    for args in (["beoordeel", str(pad)], ["beoordeel", str(pad), "-f", "markdown"],
                 ["plantoets", str(pad)], ["beoordeel", str(map_ / "kapot.yaml")],
                 ["vergelijk", str(pad), str(pad)], ["vergelijk", str(pad), str(pad), "-f",
                                                     "markdown"]):
        r = draai(runner, *args)
        _geen_commando_en_geen_stuurteken(r.stdout + r.stderr, " ".join(args[:3]))
    html = draai(runner, "beoordeel", str(pad), "-f", "html").stdout
    assert "<script>" not in html and "<img src=x" not in html and "&lt;script&gt;" in html


def test_github_annotaties_zijn_alleen_onze_eigen(runner: CliRunner, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    map_ = _vijandige_map(tmp_path)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    r = draai(runner, "batch", str(map_), "--faal-bij", "1")
    commando = [m for m in (r.stdout + r.stderr).splitlines() if m.lstrip().startswith("::")]
    assert len(commando) == 2 and all(m.startswith("::error file=") for m in commando)
    assert all("\n" not in m and "%0A" in m for m in commando)  # de regeleinden zijn gecodeerd
    assert not [t for t in STUURTEKENS if t in r.stdout + r.stderr]


@pytest.mark.parametrize("naam", ["met spatie.yaml", "honderd%.yaml", "hekje#1.yaml",
                                  "vraag?.yaml", "a`b`c.yaml", "pijp|naam.yaml", "c:d.yaml"])
def test_bestandsnamen_in_sarif_en_markdown(runner: CliRunner, tmp_path: Path, naam: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from urllib.parse import unquote, urlsplit

    kopie(tmp_path / "map" / naam, KRITIEK)
    monkeypatch.chdir(tmp_path)
    r = draai(runner, "batch", "map", "--formaat", "sarif", "--markdown", "pr.md")
    uri = json.loads(r.stdout)["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]["uri"]
    delen = urlsplit(uri)
    assert not delen.scheme and not delen.query and not delen.fragment and " " not in uri
    assert unquote(delen.path) == f"map/{naam}"
    md = (tmp_path / "pr.md").read_text(encoding="utf-8")
    regel = next(r for r in md.splitlines() if "Noodopvang Sporthal" in r and r.startswith("- "))
    # zoals GitHub het leest: de code blijft dicht en toont precies de naam, zonder extra teken
    assert _code_in_markdown(regel) == [f"map/{naam}"]


def _code_in_markdown(md: str) -> list[str]:
    """De codefragmenten zoals een Markdown-lezer ze toont: markdown-it (de lezer van Rich), CommonMark
    met tabellen zoals GitHub."""
    import html
    import re

    from markdown_it import MarkdownIt

    gemaakt = MarkdownIt("commonmark").enable("table").render(md)
    return [html.unescape(c) for c in re.findall("<code>(.*?)</code>", gemaakt)]


@pytest.mark.parametrize("naam", ["a|b.yaml", "a`|`b.yaml", "``x|", "|"])
def test_bestandsnaam_als_code_in_een_tabelcel(naam: str) -> None:
    from markdown_it import MarkdownIt

    from azc_kwaliteit.uitvoer.weergave import md_code

    tabel = f"| bestand | n |\n|---|---|\n| {md_code(naam, tabel=True)} | 1 |\n"
    assert _code_in_markdown(tabel) == [naam]
    assert "<td>1</td>" in MarkdownIt("commonmark").enable("table").render(tabel)  # de cel is niet gebroken


def test_kaderteksten_worden_overal_ontsnapt(runner: CliRunner, tmp_path: Path) -> None:
    from conftest import BESTE, MINI_KADER, document

    kader = json.loads(json.dumps(MINI_KADER))
    kader["kader"]["naam"] = "Kader <script>alert(1)</script> [/] [per kamer]"
    kader["pijlers"][0]["naam"] = "Voorzieningen <svg onload=alert(1)>"
    kader["criteria"][0]["titel"] = "School </text><script>x</script> | pijp"
    kader["criteria"][0]["advies"] = "Doe iets\n::error::uit-het-kader"
    kpad = schrijf(tmp_path / "kader.yaml", kader)
    bpad = schrijf(tmp_path / "b.yaml", document({**BESTE, "school": 10}))
    tekst = draai(runner, "beoordeel", str(bpad), "--kader", str(kpad)).stdout
    _geen_commando_en_geen_stuurteken(tekst, "tekst")
    uitvoer = [draai(runner, "beoordeel", str(bpad), "--kader", str(kpad), "-f", f).stdout
               for f in ("markdown", "html")]
    uitvoer += [draai(runner, "kader", "document", "--kader", str(kpad), "-f", f).stdout
                for f in ("markdown", "html")]
    _geen_commando_en_geen_stuurteken(draai(runner, "batch", str(bpad), "--kader", str(kpad),
                                            "--html", str(tmp_path / "html")).stdout, "batch")
    uitvoer += [p.read_text(encoding="utf-8") for p in (tmp_path / "html").iterdir()]
    for tekst in uitvoer:
        assert "<script>" not in tekst and "<svg onload" not in tekst
        _geen_commando_en_geen_stuurteken(tekst, tekst[:40])
    assert "[per kamer]" in draai(runner, "kader", "toon", "--kader", str(kpad)).stdout


# ---------------------------------------------------------------- onderbreken


@pytest.mark.parametrize(("sein", "code", "melding"), [
    ("SIGINT", 130, "Afgebroken."), ("SIGTERM", 143, "Beëindigd (SIGTERM).")])
def test_onderbreken_laat_niets_half_achter(tmp_path: Path, sein: str, code: int,
                                            melding: str) -> None:
    """Ctrl-C (aan de hele procesgroep, zoals een terminal doet) of SIGTERM (aan het hoofdproces,
    zoals een CI-runner doet) midden in een batch met workers en HTML: geen tijdelijke bestanden,
    geen tracebacks van workers, en de afgesproken exitcode."""
    import signal
    import subprocess
    import time

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from genereer import genereer

    genereer(tmp_path / "in", 600)
    uit = tmp_path / "uit"
    proces = subprocess.Popen(
        [sys.executable, "-m", "azc_kwaliteit", "batch", str(tmp_path / "in"), "--html",
         str(uit / "html"), "--json", str(uit / "r.json")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    begin = time.monotonic()
    while (not (uit / "html").is_dir() or len(list((uit / "html").iterdir())) < 20) \
            and proces.poll() is None and time.monotonic() - begin < 60:
        time.sleep(0.02)
    assert proces.poll() is None, "de batch was al klaar; maak hem groter"
    if sein == "SIGINT":
        os.killpg(proces.pid, signal.SIGINT)
    else:
        proces.send_signal(signal.SIGTERM)
    _, err = proces.communicate(timeout=120)
    assert proces.returncode == code
    tekst = err.decode()
    assert melding in tekst and "Traceback" not in tekst and "KeyboardInterrupt" not in tekst
    assert not [p for p in uit.rglob("*") if p.name.endswith(".tmp")]
    assert not (uit / "r.json").exists()  # niet half geschreven: er is niets


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="geen /dev/full op dit systeem")
def test_een_volle_schijf_noemt_het_pad(runner: CliRunner) -> None:
    for args in (["beoordeel", str(KRITIEK), "-f", "json", "-o", "/dev/full"],
                 ["batch", str(VOORBEELDEN), "--json", "/dev/full"]):
        r = draai(runner, *args)
        assert r.exit_code == 2 and "Traceback" not in r.output
        assert "fout: /dev/full: kan niet schrijven (de schijf is vol)" in r.stderr
    r = draai(runner, "--taal", "en", "beoordeel", str(KRITIEK), "-o", "/dev/full")
    assert "error: /dev/full: cannot write (the disk is full)" in r.stderr  # niet half Engels


def test_een_zeldzame_systeemfout_noemt_code_en_tekst() -> None:
    import errno

    from azc_kwaliteit.domein.fouten import systeemreden

    assert systeemreden(OSError(errno.EROFS, "Read-only file system")) == (
        "het bestandssysteem is alleen-lezen")
    assert systeemreden(OSError(errno.EXDEV, "Invalid cross-device link")) == (
        f"foutcode {errno.EXDEV}: Invalid cross-device link")


def test_rich_opmaak_in_een_beoordeling_is_tekst(runner: CliRunner, tmp_path: Path) -> None:
    """Vierkante haken in wat de inspecteur schreef: op een (kleur)terminal letterlijk, geen crash."""
    from azc_kwaliteit.cli import app

    data = yaml.safe_load(GOED.read_text(encoding="utf-8"))
    data["locatie"]["naam"] = "De Linde [bold]vet[/] [per kamer]"
    data["locatie"]["gemeente"] = "Zandvoorde [/]"
    data["beoordeling"]["beoordelaar"] = "Team [link=http://x]A[/link]"
    pad = schrijf(tmp_path / "in" / "b.yaml", data)
    for args, tekst in ((["beoordeel", str(pad)], "De Linde [bold]vet[/] [per kamer]"),
                        (["beoordeel", str(pad)], "Team [link=http://x]A[/link]"),
                        (["batch", str(tmp_path / "in")], "Zandvoorde [/]")):
        r = runner.invoke(app, args, env={"FORCE_COLOR": "1", "COLUMNS": "250"})
        assert r.exit_code == 0, r.output
        assert tekst in r.stdout, args


def test_opruimen_raakt_alleen_eigen_halve_bestanden(tmp_path: Path) -> None:
    from azc_kwaliteit.uitvoer.schrijven import ruim_halve_op

    for naam in (".index.html.ab12cd_9.tmp", ".r.json.zz99yy00.tmp", "index.html", ".notities.tmp",
                 ".r.json.kort.tmp", "rapport.tmp"):
        (tmp_path / naam).write_text("x")
    ruim_halve_op(tmp_path, ["r.json"])
    assert not (tmp_path / ".r.json.zz99yy00.tmp").exists()
    assert (tmp_path / ".index.html.ab12cd_9.tmp").exists()  # niet een van de genoemde
    ruim_halve_op(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".notities.tmp", ".r.json.kort.tmp", "index.html", "rapport.tmp"]
