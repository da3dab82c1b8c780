"""De kruistabel met Europa: welke EASO/EUAA-standaarden en welke artikelen van de herziene
Opvangrichtlijn (2024/1346, art. 31 vraagt de EUAA-standaarden mee te wegen) het kader uitwerkt,
en welke criteria verder gaan dan Europa vraagt.

Ze volgt uit de bronnen van elk criterium (en het veld ``euaa``): een verwijzing als
``easo-uac ind. 45.1`` staat er alleen als de bron hem noemt. Er wordt niets bij verzonnen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from azc_kwaliteit.domein.modellen import Kader

EUROPEES = ("easo-g", "easo-uac", "rcd2024")
"""De sleutels van de bronnenlijst die Europese standaarden zijn."""


class Regel(NamedTuple):
    bron: str
    """Sleutel in de bronnenlijst (``easo-uac``)."""
    verwijzing: str
    """Wat erachter staat: ``ind. 45.1``, ``std. 31``, ``art. 26 lid 2``."""
    criteria: tuple[str, ...]


class Kruistabel(NamedTuple):
    regels: tuple[Regel, ...]
    zonder: tuple[str, ...]
    """Criteria zonder Europese tegenhanger: wat het kader zelf toevoegt."""

    def per_bron(self) -> dict[str, list[Regel]]:
        uit: dict[str, list[Regel]] = {}
        for r in self.regels:
            uit.setdefault(r.bron, []).append(r)
        return uit


def _sortering(verwijzing: str) -> tuple[tuple[int, ...], str]:
    """Op nummer: standaard 5 en indicator 5.3 staan bij elkaar, 16 na 8."""
    return tuple(int(d) for d in re.findall(r"\d+", verwijzing)), verwijzing


def kruistabel(kader: Kader, bronnen: Iterable[str] = EUROPEES) -> Kruistabel:
    sleutels = tuple(bronnen)
    gevonden: dict[tuple[str, str], list[str]] = {}
    zonder = []
    for c in kader.criteria:
        eigen = [b for b in (*c.bronnen, *c.euaa) if b.split(" ", 1)[0] in sleutels]
        if not eigen:
            zonder.append(c.id)
        for b in eigen:
            bron, _spatie, verwijzing = b.partition(" ")
            lijst = gevonden.setdefault((bron, verwijzing or "(geheel)"), [])
            if c.id not in lijst:
                lijst.append(c.id)
    regels = sorted(gevonden.items(), key=lambda kv: (sleutels.index(kv[0][0]),
                                                      _sortering(kv[0][1])))
    return Kruistabel(tuple(Regel(b, v, tuple(cs)) for (b, v), cs in regels), tuple(zonder))
