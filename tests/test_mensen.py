# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Rapporten zoals een raadslid, een beleidsmedewerker en een inspecteur ze gebruiken: afgedrukt op
A4, gelezen op een telefoon en met een schermlezer. Getoetst in echte Chromium (Debian's
``chromium``, bestuurd met Playwright), met axe-core voor toegankelijkheid en ``pdftotext`` op de
afdruk. Zonder die programma's zegt elke test dat hij is overgeslagen."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import VOORBEELDEN, draai

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")
PDFINFO = shutil.which("pdfinfo")
OUDE_RONDES = Path(__file__).parent / "oude-rondes"
KRITIEK = VOORBEELDEN / "kritiek-sporthal-noodopvang.yaml"
PLAN = VOORBEELDEN / "gepland-voormalig-klooster.yaml"
VLAGGEN = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"]

zonder_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is niet geïnstalleerd")


@pytest.fixture(scope="module")
def paginas(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Elke soort HTML-pagina die het programma maakt, zoals een gebruiker ze maakt."""
    runner = CliRunner()
    uit = tmp_path_factory.mktemp("html")
    draai(runner, "beoordeel", str(KRITIEK), "-f", "html", "-o", str(uit / "rapport.html"))
    draai(runner, "plantoets", str(PLAN), "-f", "html", "-o", str(uit / "plan.html"))
    draai(runner, "kader", "document", "-f", "html", "-o", str(uit / "kader.html"))
    r = draai(runner, "batch", str(VOORBEELDEN), str(OUDE_RONDES), "--html", str(uit / "site"))
    assert r.exit_code == 0, r.output
    site = uit / "site"
    ronde = next(p for p in site.iterdir() if p.name.startswith("noodopvang-sporthal-de-brug")
                 and "2026-03-15" in p.name)
    # dezelfde pagina's in het Engels (--taal en): lang="en", andere woordlengtes
    draai(runner, "beoordeel", str(KRITIEK), "-f", "html", "-o", str(uit / "report.html"),
          "--taal", "en")
    draai(runner, "kader", "document", "-f", "html", "-o", str(uit / "framework.html"),
          "--taal", "en")
    draai(runner, "batch", str(VOORBEELDEN), "--html", str(uit / "site-en"), "--taal", "en")
    return {"rapport": uit / "rapport.html", "plan": uit / "plan.html",
            "kader": uit / "kader.html", "index": site / "index.html", "locatie": ronde,
            "rapport-en": uit / "report.html", "kader-en": uit / "framework.html",
            "index-en": uit / "site-en" / "index.html"}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("chromium is niet geïnstalleerd")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=VLAGGEN)
        yield b
        b.close()


def _open(browser: Any, pad: Path, **opties: Any) -> Any:
    pagina = browser.new_page(**opties)
    pagina.goto(pad.as_uri())
    return pagina


# ---------------------------------------------------------------- afdrukken op A4


def _afdruk(pad: Path, doel: Path) -> str:
    """Druk af zoals Chromium dat doet (``--print-to-pdf``, de CSS bepaalt het papier) en geef de
    tekst van de PDF zonder witruimte: een woord dat over twee regels breekt, telt ook. ``-raw``
    houdt de tekst in de volgorde waarin Chromium hem tekent, dus cel voor cel."""
    assert CHROMIUM is not None and PDFTOTEXT is not None and PDFINFO is not None
    profiel = doel.with_suffix(".profiel")
    subprocess.run([CHROMIUM, *VLAGGEN, f"--user-data-dir={profiel}", f"--print-to-pdf={doel}",
                    "--no-pdf-header-footer", pad.as_uri()], capture_output=True, timeout=180,
                   check=False)
    assert doel.read_bytes()[:5] == b"%PDF-"
    info = subprocess.run([PDFINFO, str(doel)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info, info  # niet US Letter
    tekst = subprocess.run([PDFTOTEXT, "-raw", str(doel), "-"], capture_output=True, text=True,
                           check=True).stdout
    return re.sub(r"\s+", "", tekst)


def _kolommen_en_titels(pad: Path) -> list[str]:
    """Elke kolomkop en elke criteriumtitel van een pagina, uit de HTML zelf (in de taal van de
    pagina)."""
    from azc_kwaliteit.domein import vertalen
    from azc_kwaliteit.invoer.openen import laad_kader

    html = pad.read_text(encoding="utf-8")
    koppen = re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', html)
    vertalen.kies(re.search(r'<html lang="(\w+)">', html)[1])  # type: ignore[index]
    try:
        titels = [c.titel for c in laad_kader().kader.criteria if f">{_html(c.titel)}" in html]
    finally:
        vertalen.kies("nl")
    return [*koppen, *titels]


def _html(tekst: str) -> str:
    import html

    return html.escape(tekst, quote=False)


@zonder_chromium
@pytest.mark.skipif(PDFTOTEXT is None or PDFINFO is None,
                    reason="pdftotext (poppler-utils) is niet geïnstalleerd")
@pytest.mark.parametrize("soort", ["rapport", "index", "locatie", "kader", "rapport-en",
                                   "kader-en"])
def test_afdruk_op_a4_toont_elke_kolom_en_elk_criterium(paginas: dict[str, Path],
                                                        tmp_path: Path, soort: str) -> None:
    pad = paginas[soort]
    tekst = _afdruk(pad, tmp_path / f"{soort}.pdf")
    verwacht = _kolommen_en_titels(pad)
    assert len(verwacht) >= 5
    if soort.startswith(("rapport", "kader")):
        assert len([v for v in verwacht if v not in ("Pijler", "Pillar", "Score")]) >= 40
    ontbreekt = [v for v in verwacht if re.sub(r"\s+", "", v) not in tekst]
    assert ontbreekt == [], f"niet op papier: {ontbreekt}"


@pytest.mark.parametrize("soort", ["rapport", "index", "locatie", "kader", "rapport-en",
                                   "index-en", "kader-en"])
def test_afdruk_heeft_geen_scrollbalk_en_geen_afgesneden_tabel(
        browser: Any, paginas: dict[str, Path], soort: str) -> None:
    """Op de breedte van A4 binnen de marges (186 mm) past elke tabel in zijn vak: dan drukt
    Chromium geen scrollbalk af en valt er geen kolom weg."""
    pagina = _open(browser, paginas[soort], viewport={"width": 703, "height": 1000})
    pagina.emulate_media(media="print")
    te_breed = pagina.evaluate("""() => Array.from(document.querySelectorAll('table, .tabel-scroll'))
        .filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > 704)
        .map(e => e.tagName + ' ' + (e.getAttribute('aria-label') || e.textContent.slice(0, 40)))""")
    pagina.close()
    assert te_breed == []


# ---------------------------------------------------------------- toegankelijkheid


@pytest.mark.parametrize("soort", ["rapport", "plan", "index", "locatie", "kader", "rapport-en",
                                   "index-en", "kader-en"])
def test_axe_vindt_geen_overtredingen(browser: Any, paginas: dict[str, Path], soort: str) -> None:
    """axe-core (WCAG 2.1 AA en de best practices van axe) in Chromium: 0 overtredingen."""
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    pagina = _open(browser, paginas[soort])
    uitslag = axe_module.Axe().run(pagina)
    pagina.close()
    overtredingen = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
                     for v in uitslag.response["violations"]]
    assert overtredingen == []
    assert uitslag.response["passes"], "axe heeft niets getoetst"


def test_grafiek_heeft_een_tekstalternatief_en_koppen_staan_op_volgorde(
        browser: Any, paginas: dict[str, Path]) -> None:
    pagina = _open(browser, paginas["rapport"])
    grafiek = pagina.get_by_role("img", name=re.compile("Pijlerscores: Voorzieningen 32,1 %"))
    assert grafiek.count() == 1
    niveaus = pagina.evaluate(
        "() => Array.from(document.querySelectorAll('h1,h2,h3,h4')).map(h => +h.tagName[1])")
    pagina.close()
    assert niveaus[0] == 1 and all(b - a <= 1 for a, b in pairwise(niveaus))


# ---------------------------------------------------------------- telefoon


@pytest.mark.parametrize("soort", ["rapport", "plan", "index", "locatie", "kader", "rapport-en",
                                   "index-en", "kader-en"])
def test_op_een_telefoon_scrolt_de_pagina_niet_opzij(browser: Any, paginas: dict[str, Path],
                                                    soort: str) -> None:
    pagina = _open(browser, paginas[soort], viewport={"width": 390, "height": 844},
                   device_scale_factor=3, is_mobile=True, has_touch=True)
    breedte = pagina.evaluate("() => document.documentElement.scrollWidth")
    # wat breder is, staat in een eigen scrollvak dat zelf binnen het scherm blijft
    buiten = pagina.evaluate("""() => Array.from(document.querySelectorAll('body *'))
        .filter(e => e.getBoundingClientRect().right > 391 && !e.closest('.tabel-scroll'))
        .map(e => e.tagName + '.' + e.className)""")
    kleinste = pagina.evaluate("""() => Math.min(1000, ...Array.from(
        document.querySelectorAll('.grafiek *')).filter(e => e.textContent.trim())
        .map(e => parseFloat(getComputedStyle(e).fontSize)))""")
    pagina.close()
    assert breedte <= 390 and buiten == []
    assert kleinste >= 12


# ---------------------------------------------------------------- rapporten die zichzelf uitleggen


def test_rapport_noemt_de_locatie_en_criteria_bij_naam_en_schrijft_bronnen_uit(
        runner: CliRunner, paginas: dict[str, Path]) -> None:
    html = paginas["rapport"].read_text(encoding="utf-8")
    assert ("noodopvang, in gebruik · 250 plaatsen · 60 kinderen · voor gezinnen · draagvlak in "
            "de regio: onbekend") in html
    redenen = html[html.index('id="kop-redenen"'):html.index('id="kop-knelpunten"')]
    assert "Naar school binnen twee maanden" in redenen
    assert "<code>onderwijs-binnen-2-maanden</code>" not in redenen  # titels, geen ids
    assert 'id="kop-bronnen"' in html
    assert "Internationaal Verdrag inzake de Rechten van het Kind" in html
    plan = paginas["plan"].read_text(encoding="utf-8")
    assert "Zo gebouwd wordt dit een kritieke locatie" in plan
    assert "Kritieke locatie met urgente knelpunten" not in plan
    for formaat in ("tekst", "markdown"):
        r = draai(runner, "beoordeel", str(KRITIEK), "-f", formaat)
        assert "250 plaatsen · 60 kinderen" in r.stdout, formaat
        assert "Internationaal Verdrag inzake de Rechten van het Kind" in r.stdout, formaat


def test_batch_telt_plannen_apart_en_de_warmtekaart_alleen_waar_een_criterium_geldt(
        paginas: dict[str, Path]) -> None:
    index = paginas["index"].read_text(encoding="utf-8")
    assert "Overzicht van 7 locaties in gebruik en 1 geplande locatie" in index
    assert 'aria-label="Locaties in gebruik per categorie: 2 1 kritiek' in index
    assert "Geplande locaties (plantoets)" in index and "1 verwacht kritiek" in index


def test_warmtekaart_deelt_door_de_locaties_waar_het_criterium_geldt(runner: CliRunner) -> None:
    from azc_kwaliteit.invoer.openen import laad_kader
    from azc_kwaliteit.uitvoer.weergave import warmtekaart

    r = draai(runner, "batch", str(VOORBEELDEN), "-f", "json")
    resultaten = json.loads(r.stdout)["resultaten"]
    rijen = warmtekaart(resultaten, laad_kader().kader)
    for w in rijen:
        geldt = sum(w["id"] not in x["niet_van_toepassing"] for x in resultaten)
        assert w["geldt"] == geldt and w["aandeel"] == (w["voldoet_niet"] + w["deels"]) / geldt
    assert any(w["geldt"] < len(resultaten) for w in rijen)  # er is iets om te onderscheiden


def test_batch_koppelt_de_rondes_van_een_locatie(paginas: dict[str, Path]) -> None:
    oud = paginas["locatie"]
    html = oud.read_text(encoding="utf-8")
    assert "Rondes van deze locatie" in html
    assert '<strong aria-current="page">15 maart 2026' in html
    nieuw = re.search(r'<a href="([^"]+)">15 september 2026', html)
    assert nieuw is not None and (oud.parent / nieuw.group(1)).exists()
    assert f'<a href="{oud.name}">15 maart 2026' in (oud.parent / nieuw.group(1)).read_text(
        encoding="utf-8")
    enkel = next(p for p in oud.parent.iterdir() if p.name.startswith("azc-de-vaart"))
    assert "Rondes van deze locatie" not in enkel.read_text(encoding="utf-8")
    assert "<!--azc-rondes-->" not in html


def test_markdown_van_een_batch_noemt_criteria_bij_naam(runner: CliRunner) -> None:
    md = draai(runner, "batch", str(VOORBEELDEN), "-f", "markdown").stdout
    kritiek = md[md.index("### Kritieke locaties"):md.index("### Alle locaties")]
    assert "(Naar school binnen twee maanden)" in kritiek
    assert "`onderwijs-binnen-2-maanden`" not in kritiek
    assert "- Plan: **Voormalig klooster Sint-Agnes**" in kritiek


def test_legenda_noemt_ook_de_bronnen_van_knelpunten(runner: CliRunner) -> None:
    tekst = draai(runner, "beoordeel", str(KRITIEK)).stdout
    legenda = tekst[tekst.index("\nBronnen\n"):]
    # 'easo-uac' hoort bij het knelpunt voeding, niet bij een stap van het verbeterpad
    assert "  easo-uac: EASO, Guidance on reception conditions for unaccompanied" in legenda
    assert "  ivrk: Internationaal Verdrag inzake de Rechten van het Kind (1989)" in legenda
