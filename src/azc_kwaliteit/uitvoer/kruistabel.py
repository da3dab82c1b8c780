# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De kruistabel met Europa: welke EASO/EUAA-standaarden en welke artikelen van de herziene
Opvangrichtlijn (2024/1346, art. 31 vraagt de EUAA-standaarden mee te wegen) het kader uitwerkt,
en welke criteria verder gaan dan Europa vraagt.

Ze volgt uit de bronnen van elk criterium (en het veld ``euaa``): een verwijzing als
``easo-uac ind. 45.1`` staat er alleen als de bron hem noemt. Er wordt niets bij verzonnen.

Voor de twee EASO-richtsnoeren (``easo-g``, 2016, en ``easo-uac``, 2018, over alleenstaande
kinderen) is de volledige lijst genummerde standaarden bekend (``RICHTSNOEREN``); daarmee zegt
``dekking`` ook welke standaarden het kader níet uitwerkt. Voor de Opvangrichtlijn staat zo'n
lijst niet in de bronnen; daar toont de kruistabel alleen wat het kader noemt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from azc_kwaliteit.domein.modellen import Kader
from azc_kwaliteit.domein.vertalen import N_, _

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


class Onderdeel(NamedTuple):
    naam: str
    eerste: int
    laatste: int
    """De standaarden ``eerste`` tot en met ``laatste`` van het onderdeel."""


RICHTSNOEREN: dict[str, tuple[Onderdeel, ...]] = {
    "easo-g": (
        Onderdeel(N_("Huisvesting"), 1, 20),
        Onderdeel(N_("Voeding"), 21, 22),
        Onderdeel(N_("Kleding en andere non-food-artikelen"), 23, 27),
        Onderdeel(N_("Dagvergoeding"), 28, 28),
        Onderdeel(N_("Gezondheidszorg"), 29, 29),
        Onderdeel(N_("Informatie en begeleiding"), 30, 33),
        Onderdeel(N_("Bijzondere opvangbehoeften herkennen, beoordelen en erop inspelen"), 34, 36),
        Onderdeel(N_("Opleiding van het personeel"), 37, 40),
    ),
    "easo-uac": (
        Onderdeel(N_("Informatie, inspraak en vertegenwoordiging"), 1, 6),
        Onderdeel(N_("Bijzondere behoeften en risico's"), 7, 12),
        Onderdeel(N_("Plaatsing"), 13, 15),
        Onderdeel(N_("Dagelijkse zorg"), 16, 21),
        Onderdeel(N_("Personeel"), 22, 27),
        Onderdeel(N_("Gezondheidszorg"), 28, 30),
        Onderdeel(N_("Onderwijs"), 31, 34),
        Onderdeel(N_("Voeding, kleding, andere non-food-artikelen en vergoedingen"), 35, 42),
        Onderdeel(N_("Huisvesting"), 43, 56),
    ),
}
"""De onderdelen van de twee EASO-richtsnoeren en hun genummerde standaarden, uit de
samenvattende tabellen van de richtsnoeren (euaa.europa.eu/guidance-reception en
/guidance-reception-unaccompanied-children): veertig standaarden in 2016, zesenvijftig in 2018
(het laatste hoofdstuk, huisvesting, eindigt met onderhoud, standaard 56)."""


class Dekking(NamedTuple):
    onderdeel: str
    gedekt: tuple[int, ...]
    """Standaarden die een criterium uitwerkt (zelf, of met een van hun indicatoren)."""
    niet: tuple[int, ...]


def dekking(kruis: Kruistabel) -> dict[str, list[Dekking]]:
    """Per richtsnoer (``easo-g``, ``easo-uac``) en per onderdeel welke standaarden het kader
    uitwerkt en welke niet."""
    uit = {}
    for bron, onderdelen in RICHTSNOEREN.items():
        genoemd = {int(m[1]) for r in kruis.regels if r.bron == bron
                   if (m := re.match(r"(?:std|ind)\. (\d+)", r.verwijzing))}
        uit[bron] = [Dekking(_(o.naam),
                             tuple(n for n in range(o.eerste, o.laatste + 1) if n in genoemd),
                             tuple(n for n in range(o.eerste, o.laatste + 1) if n not in genoemd))
                     for o in onderdelen]
    return uit
