# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Meet de batch tegen een kale ``yaml.load`` van dezelfde bestanden, en de opstarttijd van --help.

Gebruik: python benchmarks/meet.py [N] [--map MAP]

(a) alleen lezen en ontleden met PyYAML's C-loader, in één proces;
(b) de volledige ``azc-kwaliteit batch`` (ontleden, valideren, indelen, samenvatting, JSON);
(c) ``azc-kwaliteit --help`` tegen ``--help`` van een kale Typer-app;
(d) ``azc-kwaliteit beoordeel`` van één voorbeeld (tekst en JSON, naar een pijp) tegen dezelfde
    kale Typer-app;
(e) de ondergrens van (d): ``minimaal.py``, het kleinste programma met dezelfde verplichte
    bibliotheken (Typer, Pydantic, Jinja) en niets van azc-kwaliteit.
Het script drukt de verhoudingen af en het piekgeheugen van de batch (grootste proces). (a) en
(b) lopen elk ``--herhaal`` keer om en om; de snelste run telt, en daarnaast de mediaan van de
verhouding per paar (a, b) dat vlak na elkaar liep. Op een gedeelde virtuele machine schommelt de
snelheid van de processor van minuut tot minuut, soms met een factor 2; alleen afwisselen en vaak
herhalen geeft dan een eerlijk getal. (c), (d) en (e) lopen 20 keer om en om met de kale
Typer-app.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))

from genereer import genereer  # noqa: E402

KALE_TYPER = (
    "import typer\napp = typer.Typer()\n@app.command()\n"
    "def main(x: int = 1) -> None:\n    pass\napp()\n"
)


def yaml_load(paden: list[Path]) -> float:
    t = time.perf_counter()
    for p in paden:
        yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return time.perf_counter() - t


def batch(map_: Path) -> tuple[float, int]:
    exe = Path(sys.executable).parent / "azc-kwaliteit"
    t = time.perf_counter()
    r = subprocess.run([str(exe), "batch", str(map_), "--formaat", "json", "--uitvoer",
                        os.devnull, "--stil"], capture_output=True, text=True, check=False)
    duur = time.perf_counter() - t
    if r.returncode not in (0, 1):
        sys.exit(f"batch mislukte (code {r.returncode}): {r.stderr[-500:]}")
    piek_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return duur, piek_kb


def om_en_om(n: int, *opdrachten: list[str]) -> list[list[float]]:
    """n starts van elke opdracht, om en om, na een opwarmrun; zonder PYTHONDONTWRITEBYTECODE,
    zodat alle kanten hun .pyc-bestanden hebben, zoals na een gewone installatie."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    tijden: list[list[float]] = [[] for _ in opdrachten]
    for opdracht in opdrachten:
        subprocess.run(opdracht, capture_output=True, check=True, env=env)
    for _ in range(n):
        for opdracht, lijst in zip(opdrachten, tijden, strict=True):
            t = time.perf_counter()
            subprocess.run(opdracht, capture_output=True, check=True, env=env)
            lijst.append(time.perf_counter() - t)
    return tijden


def processor() -> str:
    """De naam van de processor (Linux), anders alleen de architectuur."""
    try:
        for regel in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if regel.startswith("model name"):
                return f"{regel.split(':', 1)[1].strip()} ({platform.machine()})"
    except OSError:
        pass
    return platform.machine()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("n", type=int, nargs="?", default=10_000)
    p.add_argument("--map", type=Path, help="bestaande map met beoordelingen (anders gegenereerd)")
    p.add_argument("--herhaal", type=int, default=5, help="aantal runs van (a) en (b)")
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        map_ = a.map or Path(tmp) / "beoordelingen"
        if a.map is None:
            genereer(map_, a.n)
        paden = sorted(map_.rglob("*.yaml"))
        yaml_load(paden[:200])  # opwarmen: beide metingen lezen uit de paginacache
        metingen_a, metingen_b = [], []
        for _ in range(a.herhaal):
            metingen_a.append(yaml_load(paden))
            metingen_b.append(batch(map_)[0])
        ta, tb = min(metingen_a), min(metingen_b)
        piek_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    exe = str(Path(sys.executable).parent / "azc-kwaliteit")
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(KALE_TYPER)
    voorbeeld = str(HIER.parent / "voorbeelden" / "kritiek-sporthal-noodopvang.yaml")
    help_azc, help_kaal, een_tekst, een_json, minimaal = om_en_om(
        20, [exe, "--help"], [sys.executable, f.name, "--help"], [exe, "beoordeel", voorbeeld],
        [exe, "beoordeel", voorbeeld, "--formaat", "json"],
        [sys.executable, str(HIER / "minimaal.py"), voorbeeld, "--formaat", "json"])
    os.unlink(f.name)
    th, tk = min(help_azc), min(help_kaal)
    paren = statistics.median(rb / ra for ra, rb in zip(metingen_a, metingen_b, strict=True))
    print(f"machine: {processor()}, {os.cpu_count()} kernen, Python {platform.python_version()}")
    print(f"bestanden: {len(paden)}")
    print(f"runs: {a.herhaal}; (a) {', '.join(f'{t:.2f}' for t in metingen_a)} s; "
          f"(b) {', '.join(f'{t:.2f}' for t in metingen_b)} s")
    print(f"(a) yaml.load, één proces:      {ta:7.2f} s")
    print(f"(b) azc-kwaliteit batch:        {tb:7.2f} s   verhouding b/a = {tb / ta:.2f} (doel ≤ 0,75)")
    print(f"    mediaan van de verhouding per paar: {paren:.2f}")
    print(f"    piekgeheugen (grootste proces): {piek_kb / 1024:.0f} MB (doel < 150 MB)")
    print(f"(c) --help: {th * 1000:.0f} ms tegen kale Typer {tk * 1000:.0f} ms (snelste van 20): "
          f"verhouding {th / tk:.2f} (doel ≤ 1,15); mediaan "
          f"{statistics.median(help_azc) / statistics.median(help_kaal):.2f}")
    for naam, tijden in (("(d) beoordeel één bestand (tekst)", een_tekst),
                         ("(d) beoordeel één bestand (json)", een_json),
                         ("(e) ondergrens, minimaal.py", minimaal)):
        print(f"{naam}: {min(tijden) * 1000:.0f} ms: verhouding {min(tijden) / tk:.2f} tegen kale "
              f"Typer (doel ≤ 1,3); mediaan "
              f"{statistics.median(tijden) / statistics.median(help_kaal):.2f}")


if __name__ == "__main__":
    main()
