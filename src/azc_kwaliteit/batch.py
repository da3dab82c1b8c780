"""Een map vol beoordelingen scoren: bestanden vinden, elk apart verwerken, fouten verzamelen.

Een kapot bestand stopt de rest niet: het wordt een ``Probleem`` in de lijst met fouten, en de
andere bestanden worden gewoon gescoord. Per bestand blijft alleen een samenvatting over (zonder
de volledige lijst criteria), zodat duizenden bestanden weinig geheugen kosten.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from azc_kwaliteit.fouten import InvoerFout, Probleem
from azc_kwaliteit.indeling import deel_in
from azc_kwaliteit.invoer import GeladenKader, laad_beoordeling
from azc_kwaliteit.weergave import uitslag_naar_dict, volgorde

EXTENSIES = (".yaml", ".yml")


def zoek_bestanden(mappen: Iterable[Path]) -> tuple[list[Path], list[Probleem]]:
    """Alle YAML-bestanden onder ``mappen`` (recursief, gesorteerd, symlinks naar mappen niet
    gevolgd), en een probleem voor elke map die niet bestaat."""
    gevonden: list[Path] = []
    problemen: list[Probleem] = []
    for map_ in mappen:
        if map_.is_file() or (map_.is_symlink() and not map_.exists()):
            gevonden.append(map_)
        elif map_.is_dir():
            for wortel, mapnamen, bestandsnamen in os.walk(map_, followlinks=False):
                mapnamen.sort()
                gevonden.extend(Path(wortel) / n for n in sorted(bestandsnamen)
                                if n.lower().endswith(EXTENSIES))
        else:
            problemen.append(Probleem(str(map_), None, "map of bestand bestaat niet"))
    return list(dict.fromkeys(gevonden)), problemen


def verwerk(pad: Path, kader: GeladenKader) -> dict[str, Any]:
    """De samenvatting van één beoordeling (de JSON-vorm zonder de lijst criteria)."""
    beoordeling, _ = laad_beoordeling(pad, kader.kader)
    rij = uitslag_naar_dict(deel_in(kader.kader, beoordeling), kader.herkomst)
    del rij["criteria"], rij["kader"]
    return {"bestand": str(pad), **rij}


def verwerk_alle(paden: Iterable[Path],
                 kader: GeladenKader) -> Iterator[dict[str, Any] | list[Probleem]]:
    """Per bestand een samenvatting, of de lijst problemen als het bestand ongeldig is."""
    for pad in paden:
        try:
            yield verwerk(pad, kader)
        except InvoerFout as e:
            yield e.problemen


@dataclass
class BatchUitslag:
    """Alles wat een batchrun oplevert, klaar om te tonen of als JSON te schrijven."""

    kader: dict[str, str]
    resultaten: list[dict[str, Any]] = field(default_factory=list)
    fouten: list[Probleem] = field(default_factory=list)

    def voeg_toe(self, uitkomst: dict[str, Any] | list[Probleem]) -> None:
        if isinstance(uitkomst, list):
            self.fouten.extend(uitkomst)
        else:
            self.resultaten.append(uitkomst)

    @property
    def ongeldige_bestanden(self) -> int:
        return len({f.bestand for f in self.fouten})

    def tellingen(self) -> dict[str, int]:
        per = Counter(r["categorie"] for r in self.resultaten)
        return {"kritiek": per[1], "verbeterbaar": per[2], "goed": per[3],
                "omzetting": sum(r["omzetting"] for r in self.resultaten),
                "ongeldig": self.ongeldige_bestanden}

    def gezakt(self, faal_bij: int | None) -> list[dict[str, Any]]:
        """De locaties in categorie ``faal_bij`` of lager."""
        if faal_bij is None:
            return []
        return [r for r in self.resultaten if r["categorie"] <= faal_bij]

    def naar_dict(self, faal_bij: int | None = None) -> dict[str, Any]:
        return {
            "kader": self.kader,
            "samenvatting": {"beoordelingen": len(self.resultaten), **self.tellingen()},
            "poort": {"faal_bij": faal_bij, "gezakt": len(self.gezakt(faal_bij))},
            "resultaten": volgorde(self.resultaten),
            "fouten": [{"bestand": f.bestand, "regel": f.regel, "melding": f.melding}
                       for f in self.fouten],
        }
