# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Twee beoordelingsrondes van één locatie naast elkaar: wat is er beter, slechter, nieuw kritiek.

De rondetafel beloofde bij de volgende bijeenkomst te laten zien 'wat er is verbeterd'; dit is
daarvoor het rekenwerk. Een pure functie van twee uitslagen.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from azc_kwaliteit.domein.antwoorden import Oordeel
from azc_kwaliteit.indeling.uitslag import CriteriumUitslag, Ingetrokken, Uitslag, rang

RANG = {Oordeel.voldoet_niet: 0, Oordeel.deels: 1, Oordeel.voldoet: 2}


@dataclass(frozen=True)
class Wijziging:
    id: str
    titel: str
    pijler: str
    kritiek: bool
    voor: str
    na: str
    antwoord_voor: str
    antwoord_na: str


@dataclass(frozen=True)
class Vergelijking:
    oud: Uitslag
    nieuw: Uitslag
    pijlers: tuple[tuple[str, float | None, float | None], ...]
    """Per pijler: naam, score voor, score na."""
    verbeterd: tuple[Wijziging, ...]
    verslechterd: tuple[Wijziging, ...]
    nieuw_kritiek: tuple[Wijziging, ...]
    nog_steeds_niet: tuple[Wijziging, ...]
    nu_beoordeeld: tuple[Wijziging, ...]
    niet_meer_beoordeeld: tuple[Wijziging, ...] = ()
    """Eerst beoordeeld, nu onbekend of niet van toepassing: geen verbetering, ook al stijgt de
    score (een criterium dat niet meer meetelt, kan niet meer falen)."""
    schijnbaar_gestegen: tuple[str, ...] = ()
    """Pijlers (namen) waarvan de score alleen steeg doordat criteria die niet voldeden nu niet
    meer beoordeeld zijn: geen criterium van die pijler is echt verbeterd."""
    ingetrokken: tuple[Ingetrokken, ...] = ()
    """Criteria die tussen de rondes van betekenis veranderden: een ronde beantwoordt een id dat
    het kader heeft ingetrokken. Hun oude antwoord is met het nieuwe niet te vergelijken."""

    @property
    def trend(self) -> str:
        return trend(self.oud.categorie, self.nieuw.categorie)


def trend(voor: int | None, na: int | None) -> str:
    """↑ hogere (betere) categorie, ↓ lagere, = gelijk; onvoldoende beoordeeld ligt tussen 1 en
    2 (``uitslag.rang``)."""
    a, b = rang(voor), rang(na)
    return "↑" if b > a else "↓" if b < a else "="


def locatie_sleutel(naam: str, gemeente: str) -> tuple[str, str]:
    """Naam en gemeente zonder hoofdletters en witruimte eromheen, en in één Unicode-vorm (NFC):
    dezelfde locatie over rondes (voor ``vergelijk`` en voor de rondes in een batch), ook als de
    ene ronde op een Mac (NFD: 'e' + accent) en de andere op Windows ('é') is getypt."""
    return (unicodedata.normalize("NFC", " ".join(naam.split())).casefold(),
            unicodedata.normalize("NFC", " ".join(gemeente.split())).casefold())


def zelfde_locatie(a: Uitslag, b: Uitslag) -> bool:
    return locatie_sleutel(a.locatie, a.gemeente) == locatie_sleutel(b.locatie, b.gemeente)


def vergelijk(oud: Uitslag, nieuw: Uitslag) -> Vergelijking:
    voor = {c.id: c for c in oud.criteria}
    vervangen = {cid for i in oud.ingetrokken for cid in i.vervangen_door}
    verbeterd, verslechterd, nieuw_kritiek, nog_steeds, beoordeeld = [], [], [], [], []
    niet_meer: list[Wijziging] = []
    for na in nieuw.criteria:
        v = voor.get(na.id)
        if v is None:
            continue
        w = _wijziging(v, na)
        if v.oordeel in RANG and na.oordeel in RANG:
            if RANG[na.oordeel] > RANG[v.oordeel]:
                verbeterd.append(w)
            elif RANG[na.oordeel] < RANG[v.oordeel]:
                verslechterd.append(w)
            elif na.oordeel == Oordeel.voldoet_niet:
                nog_steeds.append(w)
        elif v.oordeel == Oordeel.onbekend and na.oordeel in RANG and na.id not in vervangen:
            beoordeeld.append(w)  # een vervanger van een ingetrokken id staat bij 'ingetrokken'
        elif v.oordeel in RANG and na.oordeel not in RANG:
            niet_meer.append(w)

        if (na.kritiek and na.oordeel == Oordeel.voldoet_niet
                and v.oordeel != Oordeel.voldoet_niet):
            nieuw_kritiek.append(w)
    pijlers_voor = {p.id: p.score for p in oud.pijlers}
    echt_beter = {w.pijler for w in verbeterd}
    weggevallen = {w.pijler for w in niet_meer if w.voor != Oordeel.voldoet.value}
    schijn = tuple(p.naam for p in nieuw.pijlers
                   if (a := pijlers_voor.get(p.id)) is not None and p.score is not None
                   and p.score > a and p.id in weggevallen and p.id not in echt_beter)
    return Vergelijking(
        oud=oud, nieuw=nieuw,
        pijlers=tuple((p.naam, pijlers_voor.get(p.id), p.score) for p in nieuw.pijlers),
        verbeterd=tuple(verbeterd), verslechterd=tuple(verslechterd),
        nieuw_kritiek=tuple(nieuw_kritiek), nog_steeds_niet=tuple(nog_steeds),
        nu_beoordeeld=tuple(beoordeeld), niet_meer_beoordeeld=tuple(niet_meer),
        schijnbaar_gestegen=schijn,
        ingetrokken=tuple({i.id: i for i in (*oud.ingetrokken, *nieuw.ingetrokken)}.values()),
    )


def _wijziging(v: CriteriumUitslag, na: CriteriumUitslag) -> Wijziging:
    return Wijziging(id=na.id, titel=na.titel, pijler=na.pijler, kritiek=na.kritiek,
                     voor=v.oordeel.value, na=na.oordeel.value, antwoord_voor=v.antwoord,
                     antwoord_na=na.antwoord)


def naar_dict(v: Vergelijking) -> dict[str, Any]:
    def lijst(ws: tuple[Wijziging, ...]) -> list[dict[str, Any]]:
        return [w.__dict__ for w in ws]

    return {
        "locatie": {"naam": v.nieuw.locatie, "gemeente": v.nieuw.gemeente},
        "oud": {"datum": v.oud.datum, "categorie": _getal(v.oud.categorie),
                "dekking": v.oud.dekking, "kader": v.oud.verklaard_kader},
        "nieuw": {"datum": v.nieuw.datum, "categorie": _getal(v.nieuw.categorie),
                  "dekking": v.nieuw.dekking, "kader": v.nieuw.verklaard_kader},
        "trend": v.trend,
        "pijlers": [{"naam": n, "voor": a, "na": b,
                     "verschil": None if a is None or b is None else round(b - a, 4)}
                    for n, a, b in v.pijlers],
        "verbeterd": lijst(v.verbeterd),
        "verslechterd": lijst(v.verslechterd),
        "nieuw_kritiek": lijst(v.nieuw_kritiek),
        "nog_steeds_niet": lijst(v.nog_steeds_niet),
        "nu_beoordeeld": lijst(v.nu_beoordeeld),
        "niet_meer_beoordeeld": lijst(v.niet_meer_beoordeeld),
        "schijnbaar_gestegen": list(v.schijnbaar_gestegen),
        "ingetrokken": [{"criterium": i.id, "vervangen_door": list(i.vervangen_door),
                         "tekst": i.tekst} for i in v.ingetrokken],
    }



def _getal(categorie: int | None) -> int | None:
    return None if categorie is None else int(categorie)
