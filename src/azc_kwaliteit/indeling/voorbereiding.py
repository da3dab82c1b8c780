# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Wat per kader vaststaat, één keer klaargezet in de vorm die de binnenste lussen snel houdt.

Gewichten worden gehele getallen (alle met dezelfde factor vermenigvuldigd) en drempels exacte
breuken (``Deel``), zodat een pijler die precies op een drempel ligt niet door afronding aan de
verkeerde kant valt. Dit is een geheugensteun, geen toestand: de uitkomst van de indeling hangt
alleen af van kader en beoordeling.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

from azc_kwaliteit.domein.antwoorden import (
    PUNTEN,
    AnyCriterium,
    Oordeel,
    SnelOordeel,
    norm_tekst,
    pct,
    snel_oordeel,
)
from azc_kwaliteit.domein.modellen import Doelgroep, Ernst, Fase, Kader, Soort
from azc_kwaliteit.domein.modellen import Ingetrokken as IngetrokkenId
from azc_kwaliteit.domein.taal import woord
from azc_kwaliteit.domein.vertalen import _
from azc_kwaliteit.indeling.toepassing import NVT_FASE, waarom_niet

HALVE_PUNTEN = {o: int(p * 2) for o, p in PUNTEN.items()}
NVT, VOLDOET, NIET, DEELS, ONBEKEND = (
    Oordeel.nvt, Oordeel.voldoet, Oordeel.voldoet_niet, Oordeel.deels, Oordeel.onbekend)
"""De oordelen als gewone namen: ``Oordeel.x`` gaat in Python 3.11 langs de trage weg van de
enum-metaklasse, en de binnenste lussen vragen dit tienduizenden keren per batch."""
OPEN = (NIET, DEELS, ONBEKEND)
"""Wat (nog) niet voldoet."""


@dataclass(frozen=True)
class Rij:
    """Eén criterium met wat de hoofdlus ervan nodig heeft, al klaargezet."""

    criterium: AnyCriterium
    id: str
    doelgroepen: frozenset[str]
    fasen: frozenset[str]
    soorten: frozenset[str]
    norm: str
    bronnen: tuple[str, ...]
    snel: SnelOordeel
    pijler: str
    gewicht: int
    """Het gewicht als geheel getal: alle gewichten van het kader met dezelfde factor
    vermenigvuldigd, zodat scores exact blijven."""
    kritiek: bool
    voorwaarde: bool


@dataclass(frozen=True)
class Vooraf:
    """Wat de indeling per kader nodig heeft, in de vorm die de binnenste lussen snel houdt."""

    rijen: tuple[Rij, ...]
    per_id: dict[str, Rij]
    """Criterium-id → rij (bij een dubbel id, dat het kader zelf al weigert: de eerste)."""
    namen: dict[str, str]
    """Pijler-id → naam, in de volgorde van het kader."""
    titels: dict[str, str]
    """Criterium-id → titel: rapporten noemen een criterium bij zijn naam, niet bij zijn id."""
    per_pijler: dict[str, tuple[str, ...]]
    volgorde: dict[str, tuple[int, float, str]]
    """Sorteersleutel 'kritiek, dan voorwaarde, dan gewoon; daarbinnen zwaarste eerst, dan op id'."""
    alfabet: dict[str, int]
    """Plaats van elk id in alfabetische volgorde (voor een gelijke stand)."""
    kritiek: tuple[str, ...]
    voorwaarde: tuple[str, ...]
    kritiek_onder: Deel
    goed_vanaf: Deel
    min_dekking: Deel
    min_dekking_oordeel: Deel
    ingetrokken: dict[str, IngetrokkenId]
    _toepassingen: dict[tuple[frozenset[str], str, bool],
                        tuple[tuple[str | None, ...], tuple[str, ...]]] = field(
        default_factory=dict)

    def toepassing(self, groepen: frozenset[str], soort: str,
                   plantoets: bool) -> tuple[tuple[str | None, ...], tuple[str, ...]]:
        """Per criterium waarom het niet van toepassing is (None: wel van toepassing), en welke
        criteria pas te beoordelen zijn als de locatie in gebruik is. Er zijn maar een paar
        combinaties van doelgroepen, soort en fase; elk wordt één keer uitgerekend."""
        sleutel = (groepen, soort, plantoets)
        if (bekend := self._toepassingen.get(sleutel)) is not None:
            return bekend
        fase = Fase.gepland if plantoets else Fase.in_gebruik
        redenen: list[str | None] = []
        later: list[str] = []
        for r in self.rijen:
            reden = waarom_niet(r.criterium, groepen, soort, fase)
            redenen.append(reden)
            if plantoets and reden == _(NVT_FASE[fase]) and Fase.in_gebruik in r.fasen:
                later.append(r.id)
        uitkomst = tuple(redenen), tuple(later)
        self._toepassingen[sleutel] = uitkomst
        return uitkomst


_GEHEUGEN: dict[int, tuple[Kader, Vooraf]] = {}


def voorbereid(kader: Kader) -> Vooraf:
    """Wat per kader vaststaat, één keer klaargezet (ook gebruikt door de kadercontrole)."""
    bekend = _GEHEUGEN.get(id(kader))
    if bekend is not None and bekend[0] is kader:
        return bekend[1]
    gewichten = {c.id: _exact(c.gewicht) for c in kader.criteria}
    noemer = math.lcm(*(g.denominator for g in gewichten.values()))
    gewicht = {cid: g.numerator * (noemer // g.denominator) for cid, g in gewichten.items()}
    ind = kader.indeling
    rijen = tuple(
        Rij(criterium=c, id=c.id, doelgroepen=frozenset(c.doelgroepen),
             fasen=frozenset(c.fasen), soorten=frozenset(c.soorten),
             norm=norm_tekst(c), bronnen=tuple(c.bronnen), snel=snel_oordeel(c),
             pijler=c.pijler, gewicht=gewicht[c.id], kritiek=c.ernst is Ernst.kritiek,
             voorwaarde=c.ernst is Ernst.voorwaarde)
        for c in kader.criteria)
    v = Vooraf(
        rijen=rijen,
        per_id={r.id: r for r in reversed(rijen)},
        namen={p.id: p.naam for p in kader.pijlers},
        titels={c.id: c.titel for c in kader.criteria},
        per_pijler={p.id: tuple(c.id for c in kader.criteria if c.pijler == p.id)
                    for p in kader.pijlers},
        volgorde={c.id: (_ERNST_VOLGORDE[c.ernst], -c.gewicht, c.id) for c in kader.criteria},
        alfabet={cid: i for i, cid in enumerate(sorted({c.id for c in kader.criteria}))},
        kritiek=tuple(c.id for c in kader.criteria if c.ernst is Ernst.kritiek),
        voorwaarde=tuple(c.id for c in kader.criteria if c.ernst is Ernst.voorwaarde),
        kritiek_onder=Deel.van(ind.kritiek_onder), goed_vanaf=Deel.van(ind.goed_vanaf),
        min_dekking=Deel.van(ind.min_dekking),
        min_dekking_oordeel=Deel.van(ind.min_dekking_oordeel),
        ingetrokken={i.id: i for i in kader.ingetrokken},
    )
    if len(_GEHEUGEN) >= 8:
        _GEHEUGEN.clear()
    _GEHEUGEN[id(kader)] = (kader, v)
    return v


def eenling_kritiek(kader: Kader) -> list[tuple[str, str]]:
    """Criteria die niet kritiek zijn, maar op een verder volmaakte locatie in hun eentje een
    pijler onder ``kritiek_onder`` kunnen brengen, en dus categorie 1 zouden geven (design §5:
    een gewoon criterium dat niet voldoet, maakt een locatie nooit kritiek). Per criterium één
    melding (id, tekst), met de eerste situatie (doelgroepen, soort, fase) waarin het gebeurt."""
    v = voorbereid(kader)
    meldingen: dict[str, str] = {}
    for groepen in ((Doelgroep.gezinnen,), (Doelgroep.amv,), (Doelgroep.gezinnen, Doelgroep.amv)):
        for soort in Soort:
            for plantoets in (False, True):
                nvt, _nog = v.toepassing(frozenset(groepen), soort, plantoets)
                van_toepassing = [r for r, reden in zip(v.rijen, nvt, strict=True) if reden is None]
                totaal = dict.fromkeys(v.namen, 0)
                for r in van_toepassing:
                    totaal[r.pijler] += r.gewicht
                for r in van_toepassing:
                    w = totaal[r.pijler]
                    if (not r.kritiek and r.id not in meldingen
                            and Deel(w - r.gewicht, w) < v.kritiek_onder):
                        meldingen[r.id] = (
                            _("criterium '{id}' (ernst {ernst}) brengt in zijn eentje pijler "
                              "{pijler} onder de kritieke grens van {grens} (bij {doelgroepen}, "
                              "{soort}, {fase}); geef het minder gewicht, geef de pijler meer "
                              "criteria, of maak het kritiek").format(
                                  id=r.id, ernst=woord(r.criterium.ernst), pijler=v.namen[r.pijler],
                                  grens=pct(v.kritiek_onder),
                                  doelgroepen=_(" en ").join(groepen), soort=soort.value,
                                  fase=_("plan") if plantoets else woord("in_gebruik")))
    return list(meldingen.items())


_ERNST_VOLGORDE = {Ernst.kritiek: 0, Ernst.voorwaarde: 1, Ernst.gewoon: 2}


@lru_cache(maxsize=256)
def _exact(x: float) -> Fraction:
    """Een getal zoals het in het kader staat (0.80 is precies 4/5, niet de binaire benadering)."""
    return Fraction(str(x))


class Deel:
    """Een exacte verhouding teller/noemer (noemer > 0), vergeleken door kruislings te
    vermenigvuldigen: even exact als ``Fraction``, maar zonder diens kosten in de binnenste lus."""

    __slots__ = ("noemer", "teller")

    def __init__(self, teller: int, noemer: int) -> None:
        self.teller, self.noemer = teller, noemer

    @classmethod
    def van(cls, x: float) -> Deel:
        f = _exact(x)
        return cls(f.numerator, f.denominator)

    def __float__(self) -> float:
        return self.teller / self.noemer

    def _kruis(self, ander: Deel) -> tuple[int, int]:
        return self.teller * ander.noemer, ander.teller * self.noemer

    def __lt__(self, ander: Deel) -> bool:
        a, b = self._kruis(ander)
        return a < b

    def __gt__(self, ander: Deel) -> bool:
        a, b = self._kruis(ander)
        return a > b

    def __eq__(self, ander: object) -> bool:
        if not isinstance(ander, Deel):
            return NotImplemented
        a, b = self._kruis(ander)
        return a == b

    def __repr__(self) -> str:
        return f"{self.teller}/{self.noemer}"

