# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Meet wat het indelen zelf kost per beoordeling (``deel_in``, zonder lezen of valideren).

Gebruik: python benchmarks/indeling.py [N] [--herhaal R] [--kader PAD] [--tegen SRC --paren P]

Maakt N synthetische beoordelingen (``genereer.py``), valideert ze één keer, en deelt ze daarna
R keer allemaal in, zoals een batch doet (``volledig=False``) en zoals ``beoordeel`` doet
(``volledig=True``). Het script drukt de snelste run af in microseconden per beoordeling; vergelijk
twee versies door het op beide te draaien, vlak na elkaar op dezelfde machine, met hetzelfde
kader (``--kader tests/kaders/kind-in-azc-2026.1.yaml`` is het kader van vóór de kalibratie).
Met ``--tegen SRC`` (de ``src``-map van een andere versie, bijvoorbeeld uit ``git worktree add``)
draaien beide versies ``--paren`` keer om en om in een eigen proces, en drukt het script de
mediaan van de verhouding nieuw/oud per paar af: op een gedeelde machine schommelt de snelheid
te veel voor één meting.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))

from genereer import genereer  # noqa: E402

from azc_kwaliteit.indeling.categorie import deel_in  # noqa: E402
from azc_kwaliteit.invoer.openen import laad_beoordeling, laad_kader  # noqa: E402


def meet(n: int, herhaal: int, kader_pad: Path | None) -> dict[str, float]:
    """Microseconden per beoordeling, snelste van ``herhaal``, voor batch en volledig."""
    kader = laad_kader(kader_pad).kader
    with tempfile.TemporaryDirectory() as tmp:
        paden = genereer(Path(tmp), n, kader=kader)
        beoordelingen = [laad_beoordeling(pad, kader)[0] for pad in paden]
    uit = {}
    for volledig in (False, True):
        beste = float("inf")
        for _ in range(herhaal):
            t = time.perf_counter()
            for b in beoordelingen:
                deel_in(kader, b, volledig=volledig)
            beste = min(beste, time.perf_counter() - t)
        uit["volledig" if volledig else "batch"] = beste / len(beoordelingen) * 1e6
    return uit


SOORTEN = {"batch": "batch (alleen open criteria)", "volledig": "beoordeel (volledig)"}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("n", nargs="?", type=int, default=2000)
    p.add_argument("--herhaal", type=int, default=7)
    p.add_argument("--kader", type=Path, default=None)
    p.add_argument("--tegen", type=Path, default=None)
    p.add_argument("--paren", type=int, default=5)
    p.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.tegen is None:
        uit = meet(args.n, args.herhaal, args.kader)
        if args.json:
            print(json.dumps(uit))
            return
        for soort, us in uit.items():
            print(f"{SOORTEN[soort]}: {us:.1f} µs per beoordeling (snelste van {args.herhaal}, "
                  f"{args.n} beoordelingen)")
        return
    opdracht = [sys.executable, __file__, str(args.n), "--herhaal", str(args.herhaal), "--json"]
    if args.kader is not None:
        opdracht += ["--kader", str(args.kader.resolve())]
    hier = str(Path(__file__).resolve().parents[1] / "src")
    verhoudingen: dict[str, list[float]] = {s: [] for s in SOORTEN}
    for _ in range(args.paren):
        metingen = []
        for src in (str(args.tegen.resolve()), hier):
            r = subprocess.run(opdracht, capture_output=True, text=True, check=True,
                               env=dict(os.environ, PYTHONPATH=src))
            metingen.append(json.loads(r.stdout))
        oud, nieuw = metingen
        for s in SOORTEN:
            verhoudingen[s].append(nieuw[s] / oud[s])
        print(" · ".join(f"{s}: oud {oud[s]:.1f} µs, nieuw {nieuw[s]:.1f} µs" for s in SOORTEN))
    for s, v in verhoudingen.items():
        print(f"{SOORTEN[s]}: mediaan nieuw/oud {statistics.median(v):.3f} over {len(v)} paren")


if __name__ == "__main__":
    main()
