# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Vijandige en kapotte invoer: altijd één Nederlandse regel per probleem met bestand:regel,
exitcode 2, nooit een traceback; in een batch worden de goede bestanden gewoon gescoord."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from azc_kwaliteit.invoer import privacy
from conftest import VOORBEELDEN, beoordeling, draai, schrijf

CORPUS = Path(__file__).parent / "slechte-invoer"
KADERS = Path(__file__).parent / "slechte-kaders"

# per bestand: een stukje van de melding dat moet laten zien dat precies dit probleem herkend is
VERWACHT = {
    "aanhalingsteken-niet-gesloten.yaml": "aanhalingsteken",
    "alias-bom.yaml": "ankers en aliassen",
    "alleen-commentaar.yaml": "leeg",
    "anker-en-alias.yaml": "ankers en aliassen",
    "antwoord-als-lijst.yaml": "verwacht één waarde",
    "binair.yaml": "binair bestand",
    "datum-als-getal.yaml": "verwacht een datum als JJJJ-MM-DD",
    "datum-bestaat-niet.yaml": "bestaande datum",
    "datum-in-de-toekomst.yaml": "in de toekomst",
    "diep-genest-blok.yaml": "te diep genest",
    "diepe-nesting.yaml": "te diep genest",
    "doelgroep-dubbel.yaml": "staat dubbel",
    "doelgroepen-als-tekst.yaml": "verwacht een lijst",
    "doelgroepen-leeg.yaml": "minstens 1",
    "dubbele-sleutel-bovenaan.yaml": "sleutel 'locatie' staat dubbel",
    "getal-met-duizenden-cijfers.yaml": "verwacht een getal (bewoners)",
    "capaciteit-met-duizenden-cijfers.yaml": "capaciteit: verwacht een geheel getal",
    "lijst-als-getal.yaml": "verwacht één waarde",
    "lijst-als-schaalniveau.yaml": "verwacht één waarde",
    "dubbele-sleutel-in-antwoord.yaml": "sleutel 'waarde' staat dubbel",
    "dubbele-sleutel-in-antwoorden.yaml": "sleutel 'drinkwater' staat dubbel",
    "dubbele-sleutel-in-locatie.yaml": "sleutel 'gemeente' staat dubbel",
    "eigen-tag.yaml": "onbekende tag !getal",
    "enorm-getal.yaml": "hoogstens 100000",
    "enorm-kommagetal.yaml": "kreeg 'inf'",
    "getal-met-procentteken.yaml": "kreeg '90%'",
    "getal-met-tekst.yaml": "verwacht een getal (%)",
    "haakje-niet-gesloten.yaml": "haakjes",
    "ja-nee-met-getal.yaml": "verwacht ja of nee",
    "ja-nee-met-yes.yaml": "kreeg 'yes'",
    "kader-in-plaats-van-beoordeling.yaml": "dit is een kader",
    "latin-1.yaml": "UTF-8",
    "leeg.yaml": "leeg",
    "lijst-in-plaats-van-mapping.yaml": "kreeg een lijst",
    "locatie-ontbreekt.yaml": "locatie: ontbreekt",
    "meerdere-documenten.yaml": "meerdere YAML-documenten",
    "naam-leeg.yaml": "mag niet leeg zijn",
    "nan.yaml": "kreeg 'nan'",
    "negatief-aantal-verhuizingen.yaml": "minstens 0",
    "negatieve-capaciteit.yaml": "groter dan 0",
    "no-als-draagvlak.yaml": "kreeg 'no'",
    "onbekend-criterium.yaml": "onbekend criterium 'wifi-aanwezig'",
    "onbekende-sleutel-bovenaan.yaml": "onbekende sleutel 'opmerkingen'",
    "onbekende-sleutel-in-antwoord.yaml": "toegestaan: bewijs, toelichting, waarde",
    "onbekende-sleutel-in-locatie.yaml": "onbekende sleutel 'adres'",
    "onbekende-soort.yaml": "kreeg 'hotel'",
    "oneindig.yaml": "kreeg 'inf'",
    "procent-boven-100.yaml": "kreeg '140'",
    "python-tag.yaml": "onbekende tag !!python",
    "schaal-met-tekst.yaml": "verwacht een niveau",
    "schaalniveau-7.yaml": "kreeg '7'",
    "tabs-bij-inspringen.yaml": "tab gevonden",
    "tekst-in-plaats-van-mapping.yaml": "verwacht een mapping",
    "verkeerd-inspringen.yaml": "inspringen",
    "verschreven-criterium.yaml": "bedoelde u 'kookvoorziening'?",
    "yes-als-status.yaml": "kreeg 'yes'",
}
REGEL = re.compile(r"^fout: (?P<bestand>[^:]+):(?P<regel>\d+): \S")


def test_corpus_is_compleet() -> None:
    bestanden = {p.name for p in CORPUS.iterdir()}
    assert bestanden == set(VERWACHT)
    assert len(bestanden) >= 40


@pytest.mark.parametrize("naam", sorted(VERWACHT))
def test_slechte_invoer_geeft_nette_fout(naam: str, runner: CliRunner) -> None:
    pad = CORPUS / naam
    r = draai(runner, "beoordeel", str(pad))
    assert r.exit_code == 2, r.output
    assert r.stdout == ""
    regels = r.stderr.strip().splitlines()
    assert regels and "Traceback" not in r.stderr
    for regel in regels:
        m = REGEL.match(regel)
        assert m is not None, regel
        assert m["bestand"] == str(pad)
    assert VERWACHT[naam] in r.stderr


def test_batch_scoort_de_goede_naast_de_slechte(runner: CliRunner, tmp_path: Path) -> None:
    for p in [*CORPUS.iterdir(), *VOORBEELDEN.glob("*.yaml")]:
        (tmp_path / p.name).write_bytes(p.read_bytes())
    r = draai(runner, "batch", str(tmp_path), "--formaat", "json")
    assert r.exit_code == 2
    j = json.loads(r.stdout)
    assert len(j["resultaten"]) == len(list(VOORBEELDEN.glob("*.yaml")))
    assert {Path(f["bestand"]).name for f in j["fouten"]} == set(VERWACHT)
    assert all(f["melding"] for f in j["fouten"])


def test_bom_en_crlf_worden_geaccepteerd(runner: CliRunner, tmp_path: Path) -> None:
    tekst = (VOORBEELDEN / "goed-amv-kleinschalig.yaml").read_text(encoding="utf-8")
    pad = tmp_path / "windows.yaml"
    pad.write_bytes(b"\xef\xbb\xbf" + tekst.replace("\n", "\r\n").encode("utf-8"))
    r = draai(runner, "beoordeel", str(pad), "--formaat", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["categorie"] == 3


def test_beoordeling_uit_een_pijp(tmp_path: Path) -> None:
    """/dev/stdin en <(...) melden grootte 0; toch moet het hele document gelezen worden, en een
    te grote stroom geweigerd."""
    tekst = (VOORBEELDEN / "goed-amv-kleinschalig.yaml").read_bytes()
    opdracht = [sys.executable, "-m", "azc_kwaliteit", "beoordeel", "/dev/stdin", "--formaat",
                "json"]
    r = subprocess.run(opdracht, input=tekst, capture_output=True, check=False)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["categorie"] == 3
    r = subprocess.run(opdracht, input=tekst + b"#" * (3 * 1024 * 1024), capture_output=True,
                       check=False)
    assert r.returncode == 2 and b"te groot" in r.stderr


def test_groot_bestand_wordt_geweigerd_zonder_het_te_lezen(runner: CliRunner,
                                                           tmp_path: Path) -> None:
    pad = tmp_path / "groot.yaml"
    with pad.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB, ijl: het lezen zou traag en duur zijn
    r = draai(runner, "beoordeel", str(pad))
    assert r.exit_code == 2 and "te groot (51200 KB)" in r.stderr


def test_map_met_yaml_naam_koppelingen_en_lussen(runner: CliRunner, tmp_path: Path) -> None:
    map_ = tmp_path / "batch"
    schrijf(map_ / "goed.yaml", (VOORBEELDEN / "goed-amv-kleinschalig.yaml").read_text("utf-8"))
    (map_ / "x.yaml").mkdir()
    schrijf(map_ / "x.yaml" / "binnen.yaml",
            (VOORBEELDEN / "kritiek-sporthal-noodopvang.yaml").read_text("utf-8"))
    (map_ / "hangend.yaml").symlink_to(tmp_path / "bestaat-niet.yaml")
    (map_ / "lus-a.yaml").symlink_to(map_ / "lus-b.yaml")
    (map_ / "lus-b.yaml").symlink_to(map_ / "lus-a.yaml")
    (map_ / "terug").symlink_to(map_, target_is_directory=True)  # mappenlus: niet gevolgd
    r = draai(runner, "batch", str(map_), "--formaat", "json")
    assert r.exit_code == 2
    j = json.loads(r.stdout)
    assert sorted(Path(x["bestand"]).name for x in j["resultaten"]) == ["binnen.yaml", "goed.yaml"]
    meldingen = {Path(f["bestand"]).name: f["melding"] for f in j["fouten"]}
    assert "koppeling naar een bestand dat niet bestaat" in meldingen["hangend.yaml"]
    assert "lus" in meldingen["lus-a.yaml"] and "lus" in meldingen["lus-b.yaml"]
    r = draai(runner, "beoordeel", str(map_ / "x.yaml"))
    assert r.exit_code == 2 and "dit is een map" in r.stderr


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="als root zijn leesrechten niet af te nemen")
def test_onleesbaar_bestand(runner: CliRunner, tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "geheim.yaml", "a: 1\n")
    pad.chmod(0)
    r = draai(runner, "beoordeel", str(pad))
    assert r.exit_code == 2 and "geen leesrechten" in r.stderr


@pytest.mark.parametrize("naam, stukje", [
    ("dubbel-id.yaml", "criterium-id 'school' is al gebruikt"),
    ("onbekende-pijler.yaml", "onbekende pijler 'vrije-tijd'"),
    ("tegenstrijdige-norm.yaml", "deels-band moet de norm omvatten"),
    ("drempels-omgekeerd.yaml", "moet kleiner zijn dan goed_vanaf"),
    ("gewicht-nul.yaml", "moet groter dan 0"),
    ("zonder-bron.yaml", "bronnen: verwacht minstens 1"),
    ("schaalnorm-buiten-niveaus.yaml", "is geen van de niveaus"),
    ("onbekende-ernst.yaml", "ernst: verwacht een van: kritiek, voorwaarde, gewoon"),
    ("kritiek-en-ernst-tegenstrijdig.yaml", "spreekt ernst: gewoon tegen"),
    ("oordeel-strenger-dan-goed.yaml", "min_dekking_oordeel (0.95) mag niet hoger"),
    ("categorie-1-onbereikbaar.yaml", "categorie 1 is onbereikbaar"),
    ("ingetrokken-id-nog-in-gebruik.yaml", "'school' is ingetrokken maar staat ook bij de criteria"),
])
def test_kapotte_kaders(naam: str, stukje: str, runner: CliRunner) -> None:
    pad = KADERS / naam
    for args in (["kader", "controleer", str(pad)],
                 ["beoordeel", str(VOORBEELDEN / "goed-amv-kleinschalig.yaml"), "--kader", str(pad)]):
        r = draai(runner, *args)
        assert r.exit_code == 2
        assert REGEL.match(r.stderr.splitlines()[0]) and stukje in r.stderr


def test_tekst_uit_een_beoordeling_wordt_nooit_uitgevoerd_of_opgemaakt(runner: CliRunner,
                                                                     tmp_path: Path) -> None:
    tekst = (VOORBEELDEN / "kritiek-sporthal-noodopvang.yaml").read_text(encoding="utf-8")
    tekst = tekst.replace("naam: Noodopvang Sporthal De Brug",
                          'naam: "<script>alert(1)</script> {{ 7*7 }} | **vet**"')
    pad = schrijf(tmp_path / "x.yaml", tekst)
    r = draai(runner, "beoordeel", str(pad))
    assert "<script>alert(1)</script> {{ 7*7 }}" in r.stdout and "49 | **vet**" not in r.stdout
    md = draai(runner, "beoordeel", str(pad), "--formaat", "markdown").stdout
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "\\{\\{ 7\\*7 \\}\\}" in md and "\\| \\*\\*vet\\*\\*" in md


def test_onderbroken_schrijven_laat_oud_of_volledig_bestand(tmp_path: Path) -> None:
    """Een batch die halverwege wordt gedood, laat geen half JSON-bestand achter."""
    bronnen = sorted(VOORBEELDEN.glob("*.yaml"))
    map_ = tmp_path / "veel"
    map_.mkdir()
    for i in range(400):
        (map_ / f"b{i:03d}.yaml").write_bytes(bronnen[i % len(bronnen)].read_bytes())
    uit = tmp_path / "uit.json"
    uit.write_text("OUD", encoding="utf-8")
    exe = Path(sys.executable).parent / "azc-kwaliteit"
    for wacht in (0.3, 0.8, 1.5):
        p = subprocess.Popen([str(exe), "batch", str(map_), "--json", str(uit), "--stil"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
        time.sleep(wacht)
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
        inhoud = uit.read_text(encoding="utf-8")
        assert inhoud == "OUD" or len(json.loads(inhoud)["resultaten"]) == 400


def test_privacy_elfproef_en_patronen() -> None:
    assert privacy.elfproef("111222333") and not privacy.elfproef("111222334")
    assert privacy.in_tekst("BSN 111222333") == ["een BSN"]
    assert privacy.in_tekst("123456789 kinderen") == []  # faalt de elfproef: geen BSN
    assert "een V-nummer" in privacy.in_tekst("V-nummer 1234567890")
    assert privacy.in_tekst("mail a.b@gemeente.nl") == ["een e-mailadres"]
    assert privacy.in_tekst("bel 06-12345678") == ["een telefoonnummer"]
    assert privacy.in_tekst("Maaltijden via catering, 3 per dag") == []


def test_privacy_waarschuwing_en_anonimiseren(runner: CliRunner, tmp_path: Path) -> None:
    tekst = (VOORBEELDEN / "kritiek-sporthal-noodopvang.yaml").read_text(encoding="utf-8")
    tekst = tekst.replace("Team toezicht Noord", "J. Jansen, j.jansen@gemeente.nl")
    tekst = tekst.replace("Maaltijden via catering", "Moeder van kind (BSN 111222333) klaagt")
    pad = schrijf(tmp_path / "x.yaml", tekst)
    r = draai(runner, "beoordeel", str(pad), "--formaat", "json")
    assert r.exit_code == 0
    assert f"{pad}:14: beoordeling.beoordelaar lijkt een e-mailadres te bevatten" in r.stderr
    assert "antwoorden.kookvoorziening.toelichting lijkt een BSN te bevatten" in r.stderr
    r = draai(runner, "beoordeel", str(pad), "--formaat", "json", "--anonimiseer")
    assert "jansen" not in r.stdout and "111222333" not in r.stdout
    j = json.loads(r.stdout)
    assert j["beoordeling"]["beoordelaar"] == "(weggelaten)"
    assert all(c["toelichting"] is None for c in j["criteria"])
    b = draai(runner, "batch", str(pad), "--formaat", "json")
    assert "lijkt een BSN te bevatten" in b.stderr


def test_anonimiseren_verandert_de_uitslag_niet() -> None:
    from azc_kwaliteit.indeling.categorie import deel_in
    from azc_kwaliteit.invoer.openen import laad_kader

    b = beoordeling({"voeding-kinderen": {"waarde": 1, "toelichting": "bel 0612345678"}})
    k = laad_kader().kader
    a, na = deel_in(k, b), deel_in(k, privacy.anonimiseer(b))
    assert (a.categorie, a.pijlers, a.redenen) == (na.categorie, na.pijlers, na.redenen)
    assert na.criterium("voeding-kinderen").toelichting is None


def test_rich_opmaak_in_een_naam_wordt_letterlijk_getoond(runner: CliRunner, tmp_path: Path) -> None:
    tekst = (VOORBEELDEN / "kritiek-sporthal-noodopvang.yaml").read_text(encoding="utf-8")
    pad = schrijf(tmp_path / "x.yaml", tekst.replace("naam: Noodopvang Sporthal De Brug",
                                                     'naam: "[bold red]x[/] [/]"'))
    for args in (["batch", str(tmp_path)], ["beoordeel", str(pad)]):
        from azc_kwaliteit.cli import app

        r = runner.invoke(app, args, env={"FORCE_COLOR": "1", "COLUMNS": "160"})
        assert r.exit_code == 0, r.output
        assert "[bold red]x[/] [/]" in r.stdout


def test_rich_opmaak_in_kadertekst_wordt_letterlijk_getoond(runner: CliRunner, tmp_path: Path) -> None:
    """Vierkante haken in een kader (een pijlernaam, een titel, de naam van het kader) zijn
    tekst: '[per kamer]' verdwijnt niet en '[/]' laat de terminaluitvoer niet vastlopen."""
    from azc_kwaliteit.cli import app
    from conftest import ROOT

    kader = yaml.safe_load((ROOT / "kaders" / "kind-in-azc.yaml").read_text(encoding="utf-8"))
    kader["kader"]["naam"] = "Kader [bold]vet[/] [per kamer]"
    kader["pijlers"][0]["naam"] = "Voorzieningen [per kamer] [/]"
    kader["criteria"][0]["titel"] = "School [/] [per kamer]"
    pad = schrijf(tmp_path / "kader.yaml", kader)
    goed = str(VOORBEELDEN / "goed-amv-kleinschalig.yaml")
    for args, tekst in ((["kader", "toon"], "School [/] [per kamer]"),
                        (["kader", "toon"], "Kader [bold]vet[/] [per kamer]"),
                        (["beoordeel", goed], "Voorzieningen [per kamer] [/]"),
                        (["batch", goed, "--alle"], "[per")):
        r = runner.invoke(app, [*args, "--kader", str(pad)],
                          env={"FORCE_COLOR": "1", "COLUMNS": "250"})
        assert r.exit_code == 0, r.output
        assert tekst in r.stdout, args
