"""Meet wat het indelen zelf kost per beoordeling (``deel_in``, zonder lezen of valideren).

Gebruik: python benchmarks/indeling.py [N] [--herhaal R] [--kader PAD]

Maakt N synthetische beoordelingen (``genereer.py``), valideert ze één keer, en deelt ze daarna
R keer allemaal in, zoals een batch doet (``volledig=False``) en zoals ``beoordeel`` doet
(``volledig=True``). Het script drukt de snelste run af in microseconden per beoordeling; vergelijk
twee versies door het op beide te draaien, vlak na elkaar op dezelfde machine, met hetzelfde
kader (``--kader tests/kaders/kind-in-azc-2026.1.yaml`` is het kader van vóór de kalibratie).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))

from genereer import genereer  # noqa: E402

from azc_kwaliteit.indeling import deel_in  # noqa: E402
from azc_kwaliteit.invoer import laad_beoordeling, laad_kader  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("n", nargs="?", type=int, default=2000)
    p.add_argument("--herhaal", type=int, default=7)
    p.add_argument("--kader", type=Path, default=None)
    args = p.parse_args()
    kader = laad_kader(args.kader).kader
    with tempfile.TemporaryDirectory() as tmp:
        paden = genereer(Path(tmp), args.n, kader=kader)
        beoordelingen = [laad_beoordeling(pad, kader)[0] for pad in paden]
    for volledig in (False, True):
        beste = float("inf")
        for _ in range(args.herhaal):
            t = time.perf_counter()
            for b in beoordelingen:
                deel_in(kader, b, volledig=volledig)
            beste = min(beste, time.perf_counter() - t)
        soort = "beoordeel (volledig)" if volledig else "batch (alleen open criteria)"
        print(f"{soort}: {beste / len(beoordelingen) * 1e6:.1f} µs per beoordeling "
              f"(snelste van {args.herhaal}, {len(beoordelingen)} beoordelingen)")


if __name__ == "__main__":
    main()
