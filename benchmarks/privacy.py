# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Meet de privacycontrole op lange vrije tekst: ``beoordeel`` van een geldig bestand van ongeveer
190 KB met lange toelichtingen, tegen hetzelfde bestand met korte toelichtingen.

Gebruik: python benchmarks/privacy.py [--herhaal R]

De controle moet lineair blijven in de lengte van de tekst (vóór Robuustheid II kostte zo'n bestand
7 s door een e-mailpatroon dat op elke plek opnieuw begon; op deze machine 4,4 s tegen nu 0,6 s
voor 190 KB); het script drukt beide tijden af (de
snelste van R runs) en hun verhouding.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

HIER = Path(__file__).resolve().parent
VOORBEELD = HIER.parent / "voorbeelden" / "kritiek-sporthal-noodopvang.yaml"


def maak(pad: Path, lengte: int) -> None:
    data = yaml.safe_load(VOORBEELD.read_text(encoding="utf-8"))
    stuk = "De kinderen spelen in de hal, 3 keer per week met 12 begeleiders; "
    for i, (cid, antwoord) in enumerate(list(data["antwoorden"].items())):
        waarde = antwoord["waarde"] if isinstance(antwoord, dict) else antwoord
        # om en om gewone zinnen en één lange reeks zonder spatie (een geplakte link of code):
        # die laatste maakte een patroon dat op elke plek opnieuw begon kwadratisch
        tekst = (stuk * (lengte // len(stuk) + 1))[:lengte] if i % 2 else (
            "zie 12 " + "https://voorbeeld.nl/" + "abc123" * (lengte // 6))[:lengte]
        data["antwoorden"][cid] = {"waarde": waarde, "toelichting": tekst}
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, width=10**9), encoding="utf-8")


def tijd(pad: Path, herhaal: int) -> float:
    exe = Path(sys.executable).parent / "azc-kwaliteit"
    beste = float("inf")
    for _ in range(herhaal):
        t = time.perf_counter()
        subprocess.run([str(exe), "beoordeel", str(pad), "--formaat", "json"], capture_output=True,
                       check=True)
        beste = min(beste, time.perf_counter() - t)
    return beste


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--herhaal", type=int, default=5)
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        lang, kort = Path(tmp) / "lang.yaml", Path(tmp) / "kort.yaml"
        maak(lang, 4000)
        maak(kort, 40)
        tl, tk = tijd(lang, a.herhaal), tijd(kort, a.herhaal)
        print(f"lang ({lang.stat().st_size // 1024} KB): {tl:.2f} s; kort "
              f"({kort.stat().st_size // 1024} KB): {tk:.2f} s; verhouding {tl / tk:.2f}")


if __name__ == "__main__":
    main()
