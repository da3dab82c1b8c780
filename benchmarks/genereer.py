# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Maak N realistische, synthetische beoordelingen tegen het ingebouwde kader.

Gebruik: python benchmarks/genereer.py MAP [N] [--zaad Z]

Elke locatie krijgt een willekeurige soort, doelgroepen en een 'kwaliteit'; de antwoorden volgen
die kwaliteit (goede locaties voldoen vaker), een deel heeft een toelichting, een deel is
onbekend. Zo lijkt de verdeling over categorieën op een echte landelijke ronde.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

import yaml

from azc_kwaliteit.domein.modellen import GetalCriterium, JaNeeCriterium, Kader, SchaalCriterium
from azc_kwaliteit.invoer.openen import laad_kader

SOORTEN = ["azc", "noodopvang", "crisisnoodopvang", "gemeentelijke_opvang", "gezinslocatie",
           "amv_kleinschalig"]
TOELICHTINGEN = ["Besproken met de locatiemanager.", "Volgens de registratie van de locatie.",
                 "Gezien tijdens de rondgang.", "Kinderen noemden dit zelf in het gesprek.",
                 "Verbetering is in gang gezet, nog niet afgerond."]


def antwoord(c: Any, kwaliteit: float, rnd: random.Random) -> Any:
    r = rnd.random()
    if r < 0.03:
        return "onbekend"
    goed = r < kwaliteit
    if isinstance(c, JaNeeCriterium):
        ja = goed == (c.verwacht == "ja")
        return "ja" if ja else "nee"
    if isinstance(c, GetalCriterium):
        norm, deels = c.norm, c.deels
        if goed:
            return norm.min if norm.min is not None else norm.max
        if deels is not None and rnd.random() < 0.5:
            return deels.min if deels.min is not None else deels.max
        if norm.min is not None:
            return round(norm.min * rnd.uniform(0, 0.7), 1)
        return round((norm.max or 1) * rnd.uniform(2.1, 4), 1)
    assert isinstance(c, SchaalCriterium)
    return c.norm.voldoet if goed else min(c.niveaus)


def beoordeling(i: int, rnd: random.Random, kader: Kader | None = None) -> dict[str, Any]:
    kader = kader or laad_kader().kader
    soort = rnd.choice(SOORTEN)
    doelgroepen = ["amv"] if soort == "amv_kleinschalig" else rnd.choice(
        [["gezinnen"], ["gezinnen"], ["gezinnen", "amv"]])
    kwaliteit = rnd.choice([0.55, 0.8, 0.9, 0.97, 1.0])
    antwoorden: dict[str, Any] = {}
    for c in kader.criteria:
        if "in_gebruik" not in c.fasen or not set(doelgroepen) & set(c.doelgroepen):
            continue
        if c.soorten and soort not in c.soorten:
            continue
        waarde = antwoord(c, kwaliteit, rnd)
        antwoorden[c.id] = ({"waarde": waarde, "toelichting": rnd.choice(TOELICHTINGEN)}
                            if rnd.random() < 0.2 else waarde)
    return {
        "locatie": {"naam": f"Locatie {i:05d}", "gemeente": f"Gemeente {i % 342:03d}",
                    "soort": soort, "status": "in_gebruik", "capaciteit": rnd.randint(16, 900),
                    "doelgroepen": doelgroepen,
                    "bewoners": {"kinderen": rnd.randint(5, 200), "amv": rnd.randint(0, 40)},
                    "draagvlak_regio": rnd.choice(["ja", "nee", "onbekend"])},
        "beoordeling": {"datum": f"2026-{rnd.randint(1, 10):02d}-{rnd.randint(1, 28):02d}",
                        "beoordelaar": f"Team toezicht {rnd.choice(['Noord', 'Oost', 'Zuid', 'West'])}",
                        "kader": kader.label},
        "antwoorden": antwoorden,
    }


def genereer(map_: Path, n: int, zaad: int = 2025, kader: Kader | None = None) -> list[Path]:
    rnd = random.Random(zaad)
    map_.mkdir(parents=True, exist_ok=True)
    paden = []
    for i in range(n):
        pad = map_ / f"regio-{i % 25:02d}" / f"locatie-{i:05d}.yaml"
        pad.parent.mkdir(exist_ok=True)
        pad.write_text(yaml.dump(beoordeling(i, rnd, kader), Dumper=yaml.CSafeDumper, allow_unicode=True,
                                 sort_keys=False),
                       encoding="utf-8")
        paden.append(pad)
    return paden


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("map", type=Path)
    p.add_argument("n", type=int, nargs="?", default=1000)
    p.add_argument("--zaad", type=int, default=2025)
    a = p.parse_args()
    genereer(a.map, a.n, a.zaad)
    print(f"{a.n} beoordelingen in {a.map}")


if __name__ == "__main__":
    main()
