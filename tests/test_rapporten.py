# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""HTML- en Markdown-rapporten: structuur (met een echte HTML-parser), ontsnappen, veilige
bestandsnamen, eigen sjablonen in de sandbox, en (waar Chromium er is) afdrukken naar PDF/PNG."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import VOORBEELDEN, draai, schrijf

KRITIEK = VOORBEELDEN / "kritiek-sporthal-noodopvang.yaml"


class Boom(HTMLParser):
    """Verzamelt tags met attributen en de tekst, en controleert dat elementen netjes sluiten."""

    LEEG = frozenset({"meta", "br", "img", "link", "input", "hr", "rect", "line", "path"})

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, Any]]] = []
        self.tekst: list[str] = []
        self.open: list[str] = []
        self.stijl = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.LEEG:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, (tag, self.open[-5:])
        self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] == "style":
            self.stijl += data
        self.tekst.append(data)

    def alle(self, tag: str) -> list[dict[str, Any]]:
        return [a for t, a in self.tags if t == tag]


def ontleed(tekst: str) -> Boom:
    b = Boom()
    b.feed(tekst)
    b.close()
    assert b.open == [], b.open
    return b


def test_rapport_van_een_locatie(runner: CliRunner, tmp_path: Path) -> None:
    uit = tmp_path / "rapport.html"
    r = draai(runner, "beoordeel", str(KRITIEK), "--formaat", "html", "--uitvoer", str(uit))
    assert r.exit_code == 0
    b = ontleed(uit.read_text(encoding="utf-8"))
    tekst = " ".join(b.tekst)
    assert ("html", {"lang": "nl"}) in b.tags
    assert any(a.get("class") == "badge c1" for a in b.alle("span"))
    assert "Categorie 1 – kritiek" in tekst and "Kritieke locatie met urgente knelpunten." in tekst
    grafiek = next(a for a in b.alle("div") if a.get("role") == "img")
    assert grafiek["aria-label"].startswith("Pijlerscores: Voorzieningen 32,1 %; Bescherming")
    assert grafiek["aria-label"].endswith("Grens kritiek 50 %, grens goed 80 %.")
    balken = [a for a in b.alle("span") if a.get("class") == "vulling"]
    assert [a["style"].split(";")[0] for a in balken] == ["width: 32.1%", "width: 64.3%",
                                                         "width: 33.3%"]
    assert len([a for a in b.alle("span") if a.get("class") == "grens"]) == 2 * 3
    assert "grens kritiek 50 % (daaronder categorie 1) en grens goed 80 %" in tekst
    koppen = {a.get("id") for a in b.alle("h2")}
    assert {"kop-pijlers", "kop-redenen", "kop-knelpunten", "kop-pad", "kop-criteria"} <= koppen
    assert "Maak met de gemeente en de schoolbesturen" in tekst  # advies in het verbeterpad
    assert "rcd2024 art. 16 lid 2" in tekst  # bronnen
    rijen = {a["id"] for a in b.alle("tr") if a.get("id", "").startswith("c-")}
    assert "c-onderwijs-binnen-2-maanden" in rijen and len(rijen) >= 40
    from azc_kwaliteit.invoer.openen import laad_kader

    assert "kind-in-azc@2027.1" in tekst and laad_kader().hash in tekst
    assert not b.alle("script") and not b.alle("link") and not b.alle("img")
    assert "@media print" in b.stijl and "size: A4" in b.stijl and "@media (max-width" in b.stijl
    assert "voldoet niet" in tekst  # tekstlabels naast kleur


def test_kwaadaardige_tekst_wordt_ontsnapt(runner: CliRunner, tmp_path: Path) -> None:
    tekst = KRITIEK.read_text(encoding="utf-8").replace(
        "naam: Noodopvang Sporthal De Brug", 'naam: "<script>alert(1)</script>{{ 7*7 }}"').replace(
        "Maaltijden via catering", "<img src=x onerror=alert(2)>")
    pad = schrijf(tmp_path / "x.yaml", tekst)
    r = draai(runner, "beoordeel", str(pad), "--formaat", "html")
    assert "<script>alert(1)" not in r.stdout and "<img src=x" not in r.stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt;{{ 7*7 }}" in r.stdout
    ontleed(r.stdout)


def test_batch_html_met_overzicht_pagina_per_locatie_en_warmtekaart(
        runner: CliRunner, tmp_path: Path) -> None:
    bron = tmp_path / "in"
    for f in VOORBEELDEN.glob("*.yaml"):
        schrijf(bron / f.name, f.read_text(encoding="utf-8"))
    for naam in ("../../etc/passwd", "/etc/passwd", "..", "<b>vet</b>"):
        schrijf(bron / f"gevaarlijk-{len(naam)}.yaml", KRITIEK.read_text(encoding="utf-8").replace(
            "naam: Noodopvang Sporthal De Brug", f'naam: "{naam}"'))
    uit = tmp_path / "uit" / "html"
    md = tmp_path / "uit" / "samenvatting.md"
    r = draai(runner, "batch", str(bron), "--html", str(uit), "--markdown", str(md))
    assert r.exit_code == 0, r.output
    bestanden = sorted(p.name for p in uit.iterdir())
    assert "index.html" in bestanden and len(bestanden) == 8 + 4 + 1
    assert all(p.parent == uit for p in uit.iterdir())
    assert not (tmp_path / "etc").exists()
    for naam in bestanden:
        assert naam == "index.html" or all(c.isalnum() or c in "-." for c in naam)
    index = ontleed((uit / "index.html").read_text(encoding="utf-8"))
    links = [a["href"] for a in index.alle("a")]
    assert len(links) == 12 and all((uit / link).exists() for link in links)
    assert "Welke normen het vaakst niet gehaald worden" in " ".join(index.tekst)
    assert any(a.get("aria-label", "").startswith("Locaties in gebruik per categorie: ")
               for a in index.alle("div"))
    assert "&lt;b&gt;vet&lt;/b&gt;" in (uit / "index.html").read_text(encoding="utf-8")
    pagina = ontleed((uit / links[0]).read_text(encoding="utf-8"))
    assert {"href": "index.html"} in pagina.alle("a")
    samenvatting = md.read_text(encoding="utf-8")
    assert "](html/" in samenvatting and "html/index.html" in samenvatting


def test_eigen_sjabloon_in_de_sandbox(runner: CliRunner, tmp_path: Path) -> None:
    goed = schrijf(tmp_path / "kort.txt", "{{ u.locatie }}: categorie {{ uitslag.categorie }} "
                   "({{ u.pijlers[0].score | pct }})\n")
    r = draai(runner, "beoordeel", str(KRITIEK), "--sjabloon", str(goed))
    assert r.exit_code == 0 and r.stdout == "Noodopvang Sporthal De Brug: categorie 1 (32,1 %)\n"
    kwaad = schrijf(tmp_path / "kwaad.html",
                    "{{ u.__class__.__init__.__globals__['sys'].modules['os'].system('echo x') }}")
    r = draai(runner, "beoordeel", str(KRITIEK), "--sjabloon", str(kwaad))
    assert r.exit_code == 2 and "fout in het sjabloon" in r.stderr
    html = schrijf(tmp_path / "eigen.html", "<p>{{ u.criteria[0].toelichting }}</p>")
    tekst = KRITIEK.read_text(encoding="utf-8").replace(
        "24 van de 60 leerplichtige", "<i>24</i> van de 60 leerplichtige")
    r = draai(runner, "beoordeel", str(schrijf(tmp_path / "b.yaml", tekst)), "--sjabloon",
              str(html))
    assert "&lt;i&gt;24&lt;/i&gt;" in r.stdout
    kapot = schrijf(tmp_path / "kapot.txt", "regel 1\n{% for x in %}\n")
    r = draai(runner, "beoordeel", str(KRITIEK), "--sjabloon", str(kapot))
    assert r.exit_code == 2 and f"{kapot}:2: fout in het sjabloon" in r.stderr


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is niet geïnstalleerd; PNG/PDF niet getest")
def test_chromium_maakt_png_en_pdf(runner: CliRunner, tmp_path: Path) -> None:
    rapport = tmp_path / "rapport.html"
    draai(runner, "beoordeel", str(KRITIEK), "--formaat", "html", "--uitvoer", str(rapport))
    basis = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profiel'}"]
    pdf, png = tmp_path / "rapport.pdf", tmp_path / "rapport.png"
    subprocess.run([*basis, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", rapport.as_uri()],
                   capture_output=True, timeout=120, check=False)
    subprocess.run([*basis, f"--screenshot={png}", "--window-size=1000,1400", rapport.as_uri()],
                   capture_output=True, timeout=120, check=False)
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
