# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Het verbeterpad: welke criteria, in welke volgorde, beoordeeld of verbeterd moeten worden om
een doelcategorie te halen.

Gulzig en uitlegbaar: elke stap kiest het criterium dat de hoogste nog openstaande regel het meest
helpt (kritiek eerst, dan wat een oordeel tegenhoudt, dan wat categorie 3 tegenhoudt), en deelt
daarna opnieuw in. Bij een gelijke stand wint het zwaarste criterium, dan het eerste id in
alfabetische volgorde.
"""

from __future__ import annotations

from azc_kwaliteit.domein.antwoorden import Oordeel, pct
from azc_kwaliteit.domein.vertalen import _
from azc_kwaliteit.indeling.telling import Stand, Telling
from azc_kwaliteit.indeling.uitslag import Categorie, Stap, rang
from azc_kwaliteit.indeling.voorbereiding import DEELS, NIET, ONBEKEND, OPEN, VOLDOET, Deel, Vooraf

Oordelen = dict[str, Oordeel]


def verbeterpad(v: Vooraf, oordelen: Oordelen, telling: Telling, huidig: Stand,
                 doel: Categorie | None) -> tuple[tuple[Stap, ...], Categorie | None]:
    """Welke criteria, in welke volgorde, beoordeeld of naar 'voldoet' gebracht moeten worden om
    ``doel`` te halen (standaard de volgende categorie; bij onvoldoende beoordeeld: tot er een
    oordeel is). Geeft de stappen en de bereikte doelcategorie (None zonder doel: categorie 3,
    of alleen nog beoordelen).

    Elke stap kiest gulzig het criterium dat de hoogste nog openstaande regel het meest helpt;
    daarna wordt opnieuw ingedeeld. Een onbekend criterium wordt eerst beoordeeld; het pad gaat
    ervan uit dat het dan voldoet. Omdat elke stap een criterium op 'voldoet' zet, eindigt dit
    altijd, en uiterlijk als alles voldoet. ``huidig`` is de stand bij ``telling``; de telling
    zelf blijft onaangeroerd.
    """
    if doel is None:
        if huidig.categorie == Categorie.goed:
            return (), None
        doel = Categorie.verbeterbaar if huidig.categorie is None else Categorie(
            huidig.categorie + 1)
        alleen_oordeel = huidig.categorie is None
    else:
        alleen_oordeel = False
    doelrang = rang(doel)
    if rang(huidig.categorie) >= doelrang:
        return (), None
    sim = dict(oordelen)
    telling = telling.kopie()
    stappen: list[Stap] = []
    while rang(huidig.categorie) < doelrang:
        keuze = _volgende(v, sim, telling, huidig, doel)
        if keuze is None:
            break
        cid, waarom = keuze
        r = v.per_id[cid]
        c = r.criterium
        stappen.append(Stap(criterium=cid, titel=c.titel, pijler=c.pijler, oordeel=sim[cid],
                            waarom=waarom, kader_toelichting=c.toelichting, advies=c.advies,
                            bronnen=r.bronnen, ernst=c.ernst, vraag=c.vraag))
        telling.verbeter(cid, sim[cid])
        sim[cid] = VOLDOET
        huidig = telling.stand()
    if rang(huidig.categorie) < doelrang or alleen_oordeel:
        return tuple(stappen), None
    return tuple(stappen), doel


def _volgende(v: Vooraf, sim: Oordelen, telling: Telling, stand: Stand,
              doel: Categorie) -> tuple[str, str] | None:
    """Het volgende criterium van het verbeterpad en waarom, in de volgorde van de regels:
    eerst wat categorie 1 maakt of niet uitsluit, dan wat een oordeel tegenhoudt, dan wat
    categorie 3 tegenhoudt."""
    def zwaarste(kandidaten: list[str]) -> str:
        return min(kandidaten, key=v.volgorde.__getitem__)

    def meeste_winst(kandidaten: list[str]) -> str:
        return max(kandidaten, key=lambda c: (telling.score_na(c, sim[c]), v.per_id[c].gewicht,
                                              -v.alfabet[c]))

    def open_(ids: tuple[str, ...], oordelen: tuple[Oordeel, ...]) -> list[str]:
        return [c for c in ids if sim[c] in oordelen]

    def pijler_onder(drempel: Deel) -> tuple[str, str] | None:
        for pid, s in stand.scores.items():
            if s is not None and s < drempel and (kandidaten := open_(v.per_pijler[pid], OPEN)):
                return (meeste_winst(kandidaten),
                        _("pijler {pijler} scoort {score}, nodig is {drempel}").format(
                            pijler=v.namen[pid], score=pct(s), drempel=pct(drempel)))
        return None

    def dekking_onder(drempel: Deel, waarvoor: str) -> tuple[str, str] | None:
        if stand.dekking < drempel and (kandidaten := [c for c, o in sim.items()
                                                      if o is ONBEKEND]):
            return (zwaarste(kandidaten),
                    _("dekking {dekking}, {waarvoor} is {drempel} nodig").format(
                        dekking=pct(stand.dekking), waarvoor=waarvoor, drempel=pct(drempel)))
        return None

    if kandidaten := open_(v.kritiek, (NIET,)):
        return zwaarste(kandidaten), _("kritiek criterium: moet direct voldoen")
    if kandidaten := open_(v.kritiek, (ONBEKEND,)):
        return zwaarste(kandidaten), _("kritiek criterium: beoordeel dit eerst")
    if keuze := pijler_onder(v.kritiek_onder):
        return keuze
    if stand.categorie is None and (kandidaten := open_(v.voorwaarde, (ONBEKEND,))):
        return zwaarste(kandidaten), _("voorwaarde: beoordeel dit eerst")
    for pid in v.namen:
        if pid in stand.kan_kritiek:
            return (zwaarste(open_(v.per_pijler[pid], (ONBEKEND,))),
                    _("pijler {pijler}: beoordeel dit eerst, de onbekende criteria kunnen de pijler "
                      "onder de kritieke grens brengen").format(pijler=v.namen[pid]))
    if keuze := dekking_onder(v.min_dekking_oordeel, _("voor een oordeel")):
        return keuze
    if doel != Categorie.goed:
        return None
    if kandidaten := open_(v.kritiek, (DEELS,)):
        return zwaarste(kandidaten), _("kritiek criterium: moet volledig voldoen")
    if kandidaten := open_(v.voorwaarde, OPEN):
        return zwaarste(kandidaten), _("voorwaarde voor categorie 3: moet volledig voldoen")
    for pid in v.namen:
        if pid in stand.alles_onbekend:
            return (zwaarste(open_(v.per_pijler[pid], OPEN)),
                    _("pijler {pijler} is nog helemaal onbekend").format(pijler=v.namen[pid]))
    return pijler_onder(v.goed_vanaf) or dekking_onder(v.min_dekking, _("voor categorie 3"))

