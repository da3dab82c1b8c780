# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De tellers waaruit de stand van een locatie volgt, en de stand zelf: pijlerscores, dekking en
categorie (design §5, versie 2).

Eén oordeel toevoegen of verbeteren kost een paar optellingen; zo kan het verbeterpad na elke stap
opnieuw indelen zonder alles opnieuw te tellen.
"""

from __future__ import annotations

from dataclasses import dataclass

from azc_kwaliteit.domein.antwoorden import Oordeel
from azc_kwaliteit.indeling.uitslag import Categorie
from azc_kwaliteit.indeling.voorbereiding import (
    DEELS,
    HALVE_PUNTEN,
    NIET,
    NVT,
    VOLDOET,
    Deel,
    Rij,
    Vooraf,
)


@dataclass(frozen=True)
class Stand:
    scores: dict[str, Deel | None]
    zonder_criteria: frozenset[str]
    alles_onbekend: frozenset[str]
    kan_kritiek: frozenset[str]
    """Pijlers die onder de kritieke grens zakken als hun onbekende criteria niet voldoen."""
    dekking: Deel
    toepasselijk: int
    categorie: Categorie | None
    """None: onvoldoende beoordeeld."""


class Telling:
    """De tellers waaruit de stand volgt: per pijler het gewicht en de (halve) punten van wat
    bekend is en het gewicht van wat onbekend is, en per ernst hoeveel criteria openstaan. Eén
    oordeel toevoegen of verbeteren kost zo een paar optellingen, ook in elke stap van het
    verbeterpad."""

    __slots__ = ("bekend", "gewicht", "kritiek_deels", "kritiek_niet", "kritiek_onbekend",
                 "onbekend_gewicht", "punten", "toepasselijk", "toepasselijk_per_pijler", "v",
                 "voorwaarde_open")

    def __init__(self, v: Vooraf) -> None:
        self.v = v
        self.gewicht = dict.fromkeys(v.namen, 0)
        self.punten = dict.fromkeys(v.namen, 0)
        self.onbekend_gewicht = dict.fromkeys(v.namen, 0)
        self.toepasselijk_per_pijler = dict.fromkeys(v.namen, 0)
        self.toepasselijk = self.bekend = 0
        self.kritiek_niet = self.kritiek_deels = self.kritiek_onbekend = self.voorwaarde_open = 0

    def kopie(self) -> Telling:
        t = Telling(self.v)
        t.gewicht, t.punten = dict(self.gewicht), dict(self.punten)
        t.onbekend_gewicht = dict(self.onbekend_gewicht)
        t.toepasselijk_per_pijler = dict(self.toepasselijk_per_pijler)
        t.toepasselijk, t.bekend = self.toepasselijk, self.bekend
        t.kritiek_niet, t.kritiek_deels = self.kritiek_niet, self.kritiek_deels
        t.kritiek_onbekend, t.voorwaarde_open = self.kritiek_onbekend, self.voorwaarde_open
        return t

    def tel(self, r: Rij, oordeel: Oordeel, teken: int = 1) -> None:
        """Tel ``oordeel`` van het criterium van rij ``r`` mee (``teken=-1``: haal het weer weg)."""
        if oordeel is NVT:
            return
        pid = r.pijler
        self.toepasselijk += teken
        self.toepasselijk_per_pijler[pid] += teken
        halve = HALVE_PUNTEN.get(oordeel)
        if halve is not None:
            w = r.gewicht
            self.gewicht[pid] += teken * w
            self.punten[pid] += teken * w * halve
            self.bekend += teken
        else:
            self.onbekend_gewicht[pid] += teken * r.gewicht
        if oordeel is VOLDOET:
            return
        if r.kritiek:
            if oordeel is NIET:
                self.kritiek_niet += teken
            elif oordeel is DEELS:
                self.kritiek_deels += teken
            else:
                self.kritiek_onbekend += teken
        elif r.voorwaarde:
            self.voorwaarde_open += teken

    def verbeter(self, cid: str, oud: Oordeel) -> None:
        """Criterium ``cid`` gaat van ``oud`` naar 'voldoet'."""
        r = self.v.per_id[cid]
        self.tel(r, oud, -1)
        self.tel(r, VOLDOET)

    def score_na(self, cid: str, oud: Oordeel) -> Deel:
        """De score van de pijler van ``cid`` als dat criterium van ``oud`` naar 'voldoet' gaat."""
        r = self.v.per_id[cid]
        pid, w = r.pijler, r.gewicht
        punten, gewicht = self.punten[pid], self.gewicht[pid]
        halve = HALVE_PUNTEN.get(oud)
        if halve is None:  # onbekend telt na de verbetering voor het eerst mee
            return Deel(punten + 2 * w, 2 * (gewicht + w))
        return Deel(punten + w * (2 - halve), 2 * gewicht)

    def stand(self) -> Stand:
        """Pijlerscores, dekking en categorie (design §5, versie 2); de redenen komen apart.

        Onvoldoende beoordeeld is een locatie die niet al categorie 1 is, maar waarvan te weinig
        bekend is om categorie 1 uit te sluiten: een kritiek criterium is onbekend, of een pijler
        zakt onder de kritieke grens als zijn onbekende criteria niet blijken te voldoen; of de
        dekking ligt onder ``min_dekking_oordeel``; of er is niets te beoordelen."""
        v = self.v
        scores: dict[str, Deel | None] = {}
        kan_kritiek = []
        for pid in v.namen:
            g, punten, onbekend = self.gewicht[pid], self.punten[pid], self.onbekend_gewicht[pid]
            scores[pid] = Deel(punten, 2 * g) if g else None
            if onbekend and Deel(punten, 2 * (g + onbekend)) < v.kritiek_onder:
                kan_kritiek.append(pid)
        zonder = frozenset(p for p, n in self.toepasselijk_per_pijler.items() if not n)
        onbekend_ = frozenset(p for p, s in scores.items() if s is None and p not in zonder)
        dekking = Deel(self.bekend, self.toepasselijk) if self.toepasselijk else Deel(0, 1)
        gescoord = [s for s in scores.values() if s is not None]
        categorie: Categorie | None
        if self.kritiek_niet or any(s < v.kritiek_onder for s in gescoord):
            categorie = Categorie.kritiek
        elif (not self.toepasselijk or self.kritiek_onbekend or kan_kritiek
              or dekking < v.min_dekking_oordeel):
            categorie = None
        elif (onbekend_ or dekking < v.min_dekking or self.kritiek_deels or self.voorwaarde_open
              or any(s < v.goed_vanaf for s in gescoord)):
            categorie = Categorie.verbeterbaar
        else:
            categorie = Categorie.goed
        return Stand(scores, zonder, onbekend_, frozenset(kan_kritiek), dekking,
                      self.toepasselijk, categorie)

