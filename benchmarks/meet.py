"""Meet de batch tegen een kale ``yaml.load`` van dezelfde bestanden, en de opstarttijd van --help.

Gebruik: python benchmarks/meet.py [N] [--map MAP]

(a) alleen lezen en ontleden met PyYAML's C-loader, in één proces;
(b) de volledige ``azc-kwaliteit batch`` (ontleden, valideren, indelen, samenvatting, JSON);
(c) ``azc-kwaliteit --help`` tegen ``--help`` van een kale Typer-app.
Het script drukt de verhoudingen af en het piekgeheugen van de batch (grootste proces). (a) en
(b) lopen elk ``--herhaal`` keer om en om; de snelste run telt (op een gedeelde machine schommelen
losse metingen tot 25 %).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
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


def beste_van(n: int, opdracht: list[str]) -> float:
    """De snelste van n starts, na een opwarmrun; zonder PYTHONDONTWRITEBYTECODE, zodat beide
    kanten hun .pyc-bestanden hebben, zoals na een gewone installatie."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(opdracht, capture_output=True, check=True, env=env)
    tijden = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(opdracht, capture_output=True, check=True, env=env)
        tijden.append(time.perf_counter() - t)
    return min(tijden)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("n", type=int, nargs="?", default=10_000)
    p.add_argument("--map", type=Path, help="bestaande map met beoordelingen (anders gegenereerd)")
    p.add_argument("--herhaal", type=int, default=3, help="aantal runs van (a) en (b)")
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
    th = beste_van(7, [exe, "--help"])
    tk = beste_van(7, [sys.executable, f.name, "--help"])
    os.unlink(f.name)
    print(f"machine: {platform.machine()}, {os.cpu_count()} kernen, Python {platform.python_version()}")
    print(f"bestanden: {len(paden)}")
    print(f"runs: {a.herhaal}; (a) {', '.join(f'{t:.2f}' for t in metingen_a)} s; "
          f"(b) {', '.join(f'{t:.2f}' for t in metingen_b)} s")
    print(f"(a) yaml.load, één proces:      {ta:7.2f} s")
    print(f"(b) azc-kwaliteit batch:        {tb:7.2f} s   verhouding b/a = {tb / ta:.2f} (doel ≤ 0,75)")
    print(f"    piekgeheugen (grootste proces): {piek_kb / 1024:.0f} MB (doel < 150 MB)")
    print(f"(c) --help: {th * 1000:.0f} ms tegen kale Typer {tk * 1000:.0f} ms: "
          f"verhouding {th / tk:.2f} (doel ≤ 1,15)")


if __name__ == "__main__":
    main()
