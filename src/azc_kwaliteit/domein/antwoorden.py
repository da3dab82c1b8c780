# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Wat een antwoord betekent voor één criterium: de waarde lezen en het oordeel bepalen.

Eén plek voor beide, zodat de validatie (die fouten meldt) en de indeling (die oordeelt) nooit
anders over hetzelfde antwoord denken.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from enum import StrEnum
from fractions import Fraction
from typing import Any, SupportsFloat

from azc_kwaliteit.domein.fouten import OngeldigAntwoord
from azc_kwaliteit.domein.modellen import (
    AntwoordWaarde,
    GetalCriterium,
    JaNeeCriterium,
    SchaalCriterium,
)
from azc_kwaliteit.domein.taal import kreeg, woord
from azc_kwaliteit.domein.vertalen import _, taal

AnyCriterium = JaNeeCriterium | GetalCriterium | SchaalCriterium


class Oordeel(StrEnum):
    voldoet = "voldoet"
    deels = "deels"
    voldoet_niet = "voldoet_niet"
    nvt = "nvt"
    onbekend = "onbekend"


PUNTEN = {Oordeel.voldoet: Fraction(1), Oordeel.deels: Fraction(1, 2),
          Oordeel.voldoet_niet: Fraction(0)}
"""Punten per oordeel (design §5); nvt en onbekend tellen niet mee."""

Waarde = bool | float | int | Oordeel
"""Een gelezen antwoord: ja/nee als bool, een getal, een schaalniveau, of nvt/onbekend."""

_JA = {"ja": True, "nee": False}
_SPECIAAL = {"nvt": Oordeel.nvt, "onbekend": Oordeel.onbekend}


def verwachting(c: AnyCriterium) -> str:
    """Wat er als antwoord verwacht wordt, in woorden (voor meldingen en prompts)."""
    if isinstance(c, JaNeeCriterium):
        return _("ja of nee")
    if isinstance(c, GetalCriterium):
        g = c.toegestaan()
        eenheid = f" ({c.eenheid})" if c.eenheid else ""
        grenzen = []
        if g.min is not None:
            grenzen.append(_("minstens {getal}").format(getal=_getal(g.min)))
        if g.max is not None:
            grenzen.append(_("hoogstens {getal}").format(getal=_getal(g.max)))
        return _("een getal{eenheid}").format(eenheid=eenheid) + (
            ", " + _(" en ").join(grenzen) if grenzen else "")
    niveaus = ", ".join(f"{k} ({v})" for k, v in sorted(c.niveaus.items()))
    return _("een niveau: {niveaus}").format(niveaus=niveaus)


def lees(c: AnyCriterium, waarde: AntwoordWaarde | None) -> Waarde:
    """Lees ``waarde`` als antwoord op ``c``; een ongeldige waarde geeft ``OngeldigAntwoord`` (Nederlands)."""
    if waarde is None:
        return Oordeel.onbekend
    if isinstance(waarde, str):
        tekst = waarde.strip().lower()
        if tekst in _SPECIAAL:
            return _SPECIAAL[tekst]
        if tekst in _JA and isinstance(c, JaNeeCriterium):
            return _JA[tekst]
    if isinstance(c, JaNeeCriterium):
        if isinstance(waarde, bool):
            return waarde
        raise OngeldigAntwoord(_("verwacht ja of nee (of nvt/onbekend), kreeg {kreeg}").format(
            kreeg=kreeg(waarde)))
    if isinstance(waarde, bool) or not isinstance(waarde, int | float):
        raise _ongeldig(c, waarde)
    if isinstance(c, GetalCriterium):
        if not math.isfinite(waarde) or not c.toegestaan().bevat(waarde):
            raise _ongeldig(c, waarde)
        return waarde
    if isinstance(waarde, float) and not waarde.is_integer():
        raise _ongeldig(c, waarde)
    if int(waarde) not in c.niveaus:
        raise _ongeldig(c, waarde)
    return int(waarde)


def _ongeldig(c: AnyCriterium, waarde: object) -> OngeldigAntwoord:
    return OngeldigAntwoord(_("verwacht {verwacht}, kreeg {kreeg}").format(
        verwacht=verwachting(c), kreeg=kreeg(waarde)))


SnelOordeel = Callable[[AntwoordWaarde | None], Oordeel | None]


def snel_oordeel(c: AnyCriterium) -> SnelOordeel:
    """Een snelle weg van ruwe waarde naar oordeel voor de gewone antwoorden (ja, nee, een getal
    binnen bereik, een bestaand niveau, nvt, onbekend). Geeft None voor al het andere; dan beslist
    ``lees`` (die ook de foutmelding maakt). Eén keer per criterium gemaakt, duizenden keren
    gebruikt in een batch."""
    vast: dict[Any, Oordeel] = {None: Oordeel.onbekend, "nvt": Oordeel.nvt,
                                "onbekend": Oordeel.onbekend}
    if isinstance(c, JaNeeCriterium):
        for tekst, waar in _JA.items():
            o = oordeel(c, waar)
            vast[tekst] = o
            vast[waar] = o  # True/False (en dus niet 1/0: die staan niet in de tabel)
        return lambda w: vast.get(w) if isinstance(w, str | bool) or w is None else None
    if isinstance(c, SchaalCriterium):
        niveaus: dict[float, Oordeel] = {n: oordeel(c, n) for n in c.niveaus}
        return lambda w: (vast.get(w) if isinstance(w, str) or w is None
                          else niveaus.get(w) if isinstance(w, int | float)
                          and not isinstance(w, bool) else None)
    grens = c.toegestaan()
    lo = grens.min if grens.min is not None else -math.inf
    hi = grens.max if grens.max is not None else math.inf

    bekend: dict[float, Oordeel] = {}  # dezelfde getallen komen in een batch steeds terug

    def getal(w: AntwoordWaarde | None) -> Oordeel | None:
        if isinstance(w, str) or w is None:
            return vast.get(w)
        if isinstance(w, bool) or not isinstance(w, int | float):  # True zou als 1 gelden
            return None
        o = bekend.get(w)
        if o is None:
            if not lo <= w <= hi or not math.isfinite(w):
                return None
            o = oordeel(c, w)
            if len(bekend) < _MAX_BEKEND:
                bekend[w] = o
        return o
    return getal


_MAX_BEKEND = 1024
"""Zoveel verschillende getallen per criterium onthoudt de snelle weg hoogstens."""


def oordeel(c: AnyCriterium, waarde: Waarde) -> Oordeel:
    """Het oordeel over een gelezen antwoord volgens de norm van het criterium."""
    if isinstance(waarde, Oordeel):
        return waarde
    if isinstance(c, JaNeeCriterium):
        return Oordeel.voldoet if waarde == (c.verwacht == "ja") else Oordeel.voldoet_niet
    if isinstance(c, GetalCriterium):
        if c.norm.bevat(waarde):
            return Oordeel.voldoet
        if c.deels is not None and c.deels.bevat(waarde):
            return Oordeel.deels
        return Oordeel.voldoet_niet
    if waarde >= c.norm.voldoet:
        return Oordeel.voldoet
    if c.norm.deels is not None and waarde >= c.norm.deels:
        return Oordeel.deels
    return Oordeel.voldoet_niet


def norm_tekst(c: AnyCriterium) -> str:
    """De norm in gewone woorden, bijvoorbeeld 'minstens 95 %' of 'ja'."""
    if isinstance(c, JaNeeCriterium):
        return woord(c.verwacht)
    if isinstance(c, GetalCriterium):
        tekst = _grens_tekst(c.norm.min, c.norm.max, c.eenheid)
        if c.deels is not None:
            tekst += " " + _("(deels: {grens})").format(
                grens=_grens_tekst(c.deels.min, c.deels.max, c.eenheid))
        return tekst
    tekst = _("niveau {niveau} ({naam}) of hoger").format(niveau=c.norm.voldoet,
                                                         naam=c.niveaus[c.norm.voldoet])
    if c.norm.deels is not None:
        tekst += " " + _("(deels: niveau {niveau})").format(niveau=c.norm.deels)
    return tekst


def antwoord_tekst(c: AnyCriterium, waarde: Waarde) -> str:
    """Een gelezen antwoord zoals een mens het schrijft."""
    if isinstance(waarde, Oordeel):
        return _("nvt") if waarde is Oordeel.nvt else _("onbekend") if waarde is Oordeel.onbekend \
            else waarde.value
    if isinstance(waarde, bool):
        return woord("ja" if waarde else "nee")
    if isinstance(c, SchaalCriterium):
        return f"{waarde} ({c.niveaus.get(int(waarde), '?')})"
    eenheid = f" {c.eenheid}" if c.eenheid else ""
    return f"{_getal(waarde)}{eenheid}"


def _grens_tekst(lo: float | None, hi: float | None, eenheid: str | None) -> str:
    e = f" {eenheid}" if eenheid else ""
    if lo is not None and hi is not None:
        if lo == hi:
            return _("precies {getal}").format(getal=_getal(lo)) + e
        return _("{laag} tot en met {hoog}").format(laag=_getal(lo), hoog=_getal(hi)) + e
    if lo is not None:
        return _("minstens {getal}").format(getal=_getal(lo)) + e
    return _("hoogstens {getal}").format(getal=_getal(hi if hi is not None else 0)) + e


def pct(x: SupportsFloat | None) -> str:
    """0.63 → '63 %', 0.625 → '62,5 %' (Nederlandse notatie, spatie voor het procentteken): een
    decimaal zodra het geen heel percentage is, zodat afronden het verschil met een drempel niet
    verbergt (scores zijn breuken van kleine gewichten); '–' zonder waarde."""
    if x is None:
        return "–"
    v = float(x) * 100
    getal = f"{v:.0f}" if abs(v - round(v)) < 0.05 else decimaal(f"{v:.1f}")
    return _("{getal} %").format(getal=getal)


def decimaal(tekst: str) -> str:
    """Een getal als tekst met het decimaalteken van de gekozen taal (komma, of punt in het
    Engels)."""
    return tekst.replace(".", ",") if taal() == "nl" else tekst


def _getal(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else decimaal(f"{x:g}")
