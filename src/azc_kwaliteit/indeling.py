"""De indeling in categorieën (design §5): een pure functie van kader en beoordeling.

Geen invoer of uitvoer, geen globale toestand. Scores worden exact met breuken berekend, zodat een
pijler die precies op een drempel ligt niet door afronding aan de verkeerde kant valt.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from azc_kwaliteit.antwoorden import BEKEND, PUNTEN, AnyCriterium, Oordeel, antwoord_tekst, lees
from azc_kwaliteit.antwoorden import norm_tekst as _norm_tekst
from azc_kwaliteit.antwoorden import oordeel as _oordeel
from azc_kwaliteit.modellen import Beoordeling, Fase, Kader, Locatie
from azc_kwaliteit.uitslag import (
    Categorie,
    CriteriumUitslag,
    PijlerUitslag,
    Reden,
    Stap,
    Uitslag,
)

Oordelen = dict[str, Oordeel]


def deel_in(kader: Kader, beoordeling: Beoordeling, *, plantoets: bool | None = None) -> Uitslag:
    """Deel een locatie in. ``plantoets`` forceert (True) of verbiedt (False) de plantoets;
    standaard volgt die uit ``locatie.status``."""
    loc = beoordeling.locatie
    if plantoets is None:
        plantoets = loc.status == Fase.gepland
    fase = Fase.gepland if plantoets else Fase.in_gebruik

    criteria: list[CriteriumUitslag] = []
    oordelen: Oordelen = {}
    nog_te_beoordelen: list[str] = []
    for c in kader.criteria:
        antwoord = beoordeling.antwoorden.get(c.id)
        waarde = lees(c, antwoord.waarde) if antwoord is not None else Oordeel.onbekend
        nvt_reden = _nvt_reden(c, loc, fase)
        if nvt_reden is not None:
            oordeel = Oordeel.nvt
            if plantoets and _nvt_reden(c, loc, Fase.in_gebruik) is None:
                nog_te_beoordelen.append(c.id)
        else:
            oordeel = _oordeel(c, waarde)
        oordelen[c.id] = oordeel
        criteria.append(
            CriteriumUitslag(
                id=c.id, titel=c.titel, pijler=c.pijler, kritiek=c.kritiek, gewicht=c.gewicht,
                norm=_norm_tekst(c), oordeel=oordeel, antwoord=antwoord_tekst(c, waarde),
                toelichting=antwoord.toelichting if antwoord is not None else None,
                nvt_reden=nvt_reden, kader_toelichting=c.toelichting, advies=c.advies,
                bronnen=tuple(c.bronnen),
            )
        )

    stand = _stand(kader, oordelen)
    verbeterpad, doel = _verbeterpad(kader, oordelen, stand)
    omzetting = stand.categorie == Categorie.goed and loc.draagvlak_regio == "ja"
    return Uitslag(
        locatie=loc.naam, gemeente=loc.gemeente, soort=loc.soort.value, status=loc.status.value,
        datum=beoordeling.beoordeling.datum.isoformat(),
        beoordelaar=beoordeling.beoordeling.beoordelaar,
        draagvlak_regio=loc.draagvlak_regio.value,
        kader_id=kader.kader.id, kader_versie=kader.kader.versie, plantoets=plantoets,
        categorie=stand.categorie, omzetting=omzetting, dekking=float(stand.dekking),
        pijlers=tuple(
            PijlerUitslag(
                id=p.id, naam=p.naam,
                score=None if stand.scores[p.id] is None else round(float(stand.scores[p.id] or 0), 4),
                toelichting=_pijler_toelichting(p.id, stand),
                aantallen=_aantallen(kader, oordelen, p.id),
            )
            for p in kader.pijlers
        ),
        redenen=tuple(stand.redenen),
        verbeterpad=verbeterpad, doel_categorie=doel, criteria=tuple(criteria),
        nog_te_beoordelen=tuple(nog_te_beoordelen),
        waarschuwingen=_waarschuwingen(kader, beoordeling),
    )


def _nvt_reden(c: AnyCriterium, loc: Locatie, fase: Fase) -> str | None:
    if not set(c.doelgroepen) & set(loc.doelgroepen):
        return "alleen voor " + " en ".join(d.value for d in c.doelgroepen)
    if fase not in c.fasen:
        return ("pas te beoordelen als de locatie in gebruik is" if fase == Fase.gepland
                else "alleen voor geplande locaties")
    if c.soorten and loc.soort not in c.soorten:
        return "alleen voor " + ", ".join(s.value for s in c.soorten)
    return None


@dataclass(frozen=True)
class _Stand:
    scores: dict[str, Fraction | None]
    zonder_criteria: frozenset[str]
    alles_onbekend: frozenset[str]
    dekking: Fraction
    categorie: Categorie
    redenen: list[Reden]


def _stand(kader: Kader, oordelen: Oordelen) -> _Stand:
    """Pijlerscores, dekking, categorie en redenen bij gegeven oordelen."""
    ind = kader.indeling
    namen = {p.id: p.naam for p in kader.pijlers}
    scores: dict[str, Fraction | None] = {}
    zonder, onbekend = set(), set()
    for p in kader.pijlers:
        toepasselijk = [c for c in kader.criteria
                        if c.pijler == p.id and oordelen[c.id] != Oordeel.nvt]
        bekend = [c for c in toepasselijk if oordelen[c.id] in BEKEND]
        if not toepasselijk:
            zonder.add(p.id)
        elif not bekend:
            onbekend.add(p.id)
        scores[p.id] = _score(bekend, oordelen) if bekend else None
    toepasselijk_n = sum(o != Oordeel.nvt for o in oordelen.values())
    bekend_n = sum(o in BEKEND for o in oordelen.values())
    dekking = Fraction(bekend_n, toepasselijk_n) if toepasselijk_n else Fraction(0)

    kritiek = [c for c in kader.criteria if c.kritiek]
    falend = sorted(c.id for c in kritiek if oordelen[c.id] == Oordeel.voldoet_niet)
    redenen_1: list[Reden] = []
    if falend:
        redenen_1.append(Reden("kritiek_voldoet_niet",
                               _aantal(len(falend), "kritiek criterium voldoet niet",
                                       "kritieke criteria voldoen niet"),
                               tuple(falend)))
    for pid, s in scores.items():
        if s is not None and s < _drempel(ind.kritiek_onder):
            redenen_1.append(Reden(
                "pijler_onder_kritiek",
                f"Pijler {namen[pid]} scoort {_pct(s)}, onder de kritieke grens van "
                f"{_pct(ind.kritiek_onder)}", _niet_voldaan(kader, oordelen, pid)))
    if redenen_1:
        return _Stand(scores, frozenset(zonder), frozenset(onbekend), dekking,
                      Categorie.kritiek, redenen_1)

    redenen_2: list[Reden] = []
    for pid, s in scores.items():
        if s is not None and s < _drempel(ind.goed_vanaf):
            redenen_2.append(Reden(
                "pijler_onder_goed",
                f"Pijler {namen[pid]} scoort {_pct(s)}, onder de grens voor goed van "
                f"{_pct(ind.goed_vanaf)}", _niet_voldaan(kader, oordelen, pid)))
    for pid in (p.id for p in kader.pijlers if p.id in onbekend):
        redenen_2.append(Reden(
            "pijler_onbekend",
            f"Van pijler {namen[pid]} is geen enkel toepasselijk criterium beoordeeld",
            tuple(sorted(c.id for c in kader.criteria
                         if c.pijler == pid and oordelen[c.id] == Oordeel.onbekend))))
    for o, regel, enkel, meer in (
        (Oordeel.deels, "kritiek_deels", "kritiek criterium voldoet maar deels",
         "kritieke criteria voldoen maar deels"),
        (Oordeel.onbekend, "kritiek_onbekend", "kritiek criterium is onbekend",
         "kritieke criteria zijn onbekend"),
    ):
        ids = sorted(c.id for c in kritiek if oordelen[c.id] == o)
        if ids:
            redenen_2.append(Reden(regel, _aantal(len(ids), enkel, meer), tuple(ids)))
    if toepasselijk_n == 0:
        redenen_2.append(Reden("geen_criteria", "Geen enkel criterium is van toepassing op deze "
                                                "locatie; er valt niets te beoordelen"))
    elif dekking < _drempel(ind.min_dekking):
        redenen_2.append(Reden(
            "dekking_te_laag",
            f"Dekking is {_pct(dekking)}: te weinig criteria beoordeeld (minimaal "
            f"{_pct(ind.min_dekking)})",
            tuple(sorted(c for c, o in oordelen.items() if o == Oordeel.onbekend))))
    categorie = Categorie.verbeterbaar if redenen_2 else Categorie.goed
    return _Stand(scores, frozenset(zonder), frozenset(onbekend), dekking, categorie, redenen_2)


def _drempel(x: float) -> Fraction:
    """Een drempel zoals hij in het kader staat (0.80 is precies 4/5, niet de binaire benadering)."""
    return Fraction(str(x))


def _score(criteria: list[AnyCriterium], oordelen: Oordelen) -> Fraction:
    gewicht = sum((Fraction(str(c.gewicht)) for c in criteria), Fraction(0))
    punten = sum((Fraction(str(c.gewicht)) * PUNTEN[oordelen[c.id]]
                  for c in criteria), Fraction(0))
    return punten / gewicht


def _verbeterpad(kader: Kader, oordelen: Oordelen,
                 stand: _Stand) -> tuple[tuple[Stap, ...], Categorie | None]:
    """Welke criteria, in welke volgorde, naar 'voldoet' moeten om de volgende categorie te halen.

    Elke stap kiest gulzig de verbetering die de hoogste nog openstaande regel het meest helpt;
    daarna wordt opnieuw ingedeeld. Omdat elke stap een criterium op 'voldoet' zet, eindigt dit
    altijd, en uiterlijk als alles voldoet (dan is de locatie categorie 3).
    """
    if stand.categorie == Categorie.goed:
        return (), None
    doel = Categorie(stand.categorie + 1)
    criteria = {c.id: c for c in kader.criteria}
    sim = dict(oordelen)
    stappen: list[Stap] = []
    huidig = stand
    while huidig.categorie < doel:
        keuze = _volgende(kader, sim, huidig, doel)
        if keuze is None:
            break
        cid, waarom = keuze
        c = criteria[cid]
        stappen.append(Stap(criterium=cid, titel=c.titel, pijler=c.pijler, oordeel=sim[cid],
                            waarom=waarom, kader_toelichting=c.toelichting, advies=c.advies,
                            bronnen=tuple(c.bronnen)))
        sim[cid] = Oordeel.voldoet
        huidig = _stand(kader, sim)
    return tuple(stappen), doel if huidig.categorie >= doel else None


def _volgende(kader: Kader, sim: Oordelen, stand: _Stand,
              doel: Categorie) -> tuple[str, str] | None:
    ind = kader.indeling
    namen = {p.id: p.naam for p in kader.pijlers}
    open_ = [c for c in kader.criteria
             if sim[c.id] in (Oordeel.voldoet_niet, Oordeel.deels, Oordeel.onbekend)]

    def zwaarste(kandidaten: list[AnyCriterium]) -> AnyCriterium:
        return min(kandidaten, key=lambda c: (-c.gewicht, c.id))

    kritiek_open = [c for c in open_ if c.kritiek and (
        sim[c.id] == Oordeel.voldoet_niet or doel == Categorie.goed)]
    if kritiek_open:
        c = zwaarste([k for k in kritiek_open if sim[k.id] == Oordeel.voldoet_niet] or kritiek_open)
        return c.id, "kritiek criterium: moet voldoen"
    drempel = _drempel(ind.kritiek_onder if doel == Categorie.verbeterbaar else ind.goed_vanaf)
    if doel == Categorie.goed:
        for p in kader.pijlers:
            if p.id in stand.alles_onbekend:
                c = zwaarste([k for k in open_ if k.pijler == p.id])
                return c.id, f"pijler {p.naam} is nog helemaal onbekend"
    for p in kader.pijlers:
        s = stand.scores[p.id]
        if s is not None and s < drempel:
            kandidaten = [k for k in open_ if k.pijler == p.id]
            if kandidaten:
                c = max(kandidaten, key=lambda k: (_score_na(kader, sim, k.id), k.gewicht,
                                                    _omgekeerd(k.id)))
                return c.id, f"pijler {namen[p.id]} scoort {_pct(s)}, nodig is {_pct(drempel)}"
    if doel == Categorie.goed and stand.dekking < _drempel(ind.min_dekking):
        onbekend = [k for k in open_ if sim[k.id] == Oordeel.onbekend]
        if onbekend:
            return zwaarste(onbekend).id, f"dekking {_pct(stand.dekking)}, nodig is {_pct(ind.min_dekking)}"
    return None


def _score_na(kader: Kader, sim: Oordelen, cid: str) -> Fraction:
    pijler = next(c.pijler for c in kader.criteria if c.id == cid)
    na = {**sim, cid: Oordeel.voldoet}
    bekend = [c for c in kader.criteria if c.pijler == pijler and na[c.id] in BEKEND]
    return _score(bekend, na)


def _omgekeerd(tekst: str) -> tuple[int, ...]:
    """Sorteersleutel die bij ``max`` de alfabetisch eerste id laat winnen."""
    return tuple(-ord(t) for t in tekst)


def _niet_voldaan(kader: Kader, oordelen: Oordelen, pijler: str) -> tuple[str, ...]:
    return tuple(sorted(c.id for c in kader.criteria if c.pijler == pijler
                        and oordelen[c.id] in (Oordeel.voldoet_niet, Oordeel.deels)))


def _aantallen(kader: Kader, oordelen: Oordelen, pijler: str) -> dict[str, int]:
    tel = {o.value: 0 for o in Oordeel}
    for c in kader.criteria:
        if c.pijler == pijler:
            tel[oordelen[c.id].value] += 1
    return tel


def _pijler_toelichting(pid: str, stand: _Stand) -> str | None:
    if pid in stand.zonder_criteria:
        return "geen toepasselijke criteria voor deze locatie; telt niet mee"
    if pid in stand.alles_onbekend:
        return "alle toepasselijke criteria zijn onbekend; blokkeert categorie 3"
    return None


def _waarschuwingen(kader: Kader, beoordeling: Beoordeling) -> tuple[str, ...]:
    verklaard = beoordeling.beoordeling.kader
    if verklaard and verklaard != kader.label:
        return (f"de beoordeling noemt kader {verklaard}, maar is beoordeeld met {kader.label}",)
    return ()


def _pct(x: Fraction | float) -> str:
    """Een percentage; met een decimaal als afronden het verschil met een drempel zou verbergen."""
    v = float(x) * 100
    return f"{v:.0f} %" if abs(v - round(v)) < 0.05 else f"{v:.1f} %".replace(".", ",")


def _aantal(n: int, enkel: str, meer: str) -> str:
    return f"{n} {enkel if n == 1 else meer}"
