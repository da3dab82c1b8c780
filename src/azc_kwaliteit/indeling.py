"""De indeling in categorieën (design §5): een pure functie van kader en beoordeling.

Geen invoer of uitvoer. Scores worden exact berekend (gehele gewichten, halve punten, breuken),
zodat een pijler die precies op een drempel ligt niet door afronding aan de verkeerde kant valt.
Wat per kader vaststaat (gewichten, normteksten, wie bij welke pijler hoort) wordt één keer per
kader voorbereid; dat is een geheugensteun, geen toestand: de uitkomst hangt alleen af van kader
en beoordeling.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

from azc_kwaliteit.antwoorden import (
    PUNTEN,
    AnyCriterium,
    Oordeel,
    SnelOordeel,
    Waarde,
    antwoord_tekst,
    lees,
    pct,
    snel_oordeel,
)
from azc_kwaliteit.antwoorden import norm_tekst as _norm_tekst
from azc_kwaliteit.antwoorden import oordeel as _oordeel
from azc_kwaliteit.modellen import Antwoord, Beoordeling, Doelgroep, Ernst, Fase, Kader, Soort
from azc_kwaliteit.modellen import Ingetrokken as IngetrokkenId
from azc_kwaliteit.uitslag import (
    Categorie,
    CriteriumUitslag,
    Ingetrokken,
    PijlerUitslag,
    Reden,
    Stap,
    Uitslag,
    rang,
)

Oordelen = dict[str, Oordeel]

_HALVE_PUNTEN = {o: int(p * 2) for o, p in PUNTEN.items()}
_NVT, _VOLDOET, _NIET, _DEELS, _ONBEKEND = (
    Oordeel.nvt, Oordeel.voldoet, Oordeel.voldoet_niet, Oordeel.deels, Oordeel.onbekend)
"""De oordelen als gewone namen: ``Oordeel.x`` gaat in Python 3.11 langs de trage weg van de
enum-metaklasse, en de binnenste lussen vragen dit tienduizenden keren per batch."""
_OPEN = (_NIET, _DEELS, _ONBEKEND)
_OORDEELWAARDEN = tuple(o.value for o in Oordeel)


def deel_in(kader: Kader, beoordeling: Beoordeling, *, plantoets: bool | None = None,
            volledig: bool = True, doel: Categorie | None = None) -> Uitslag:
    """Deel een locatie in. ``plantoets`` forceert (True) of verbiedt (False) de plantoets;
    standaard volgt die uit ``locatie.status``. Met ``volledig=False`` bevat ``criteria`` alleen
    de criteria die niet (volledig) voldoen of onbekend zijn: genoeg voor een batchoverzicht, en
    veel minder werk bij duizenden locaties. ``doel`` is de categorie waar het verbeterpad heen
    gaat; standaard de eerstvolgende (en bij onvoldoende beoordeeld: tot er een oordeel is)."""
    v = _vooraf(kader)
    loc = beoordeling.locatie
    if plantoets is None:
        plantoets = loc.status == Fase.gepland
    nvt_redenen, nog_te_beoordelen = v.toepassing(frozenset(loc.doelgroepen), loc.soort,
                                                  plantoets)
    criteria: list[CriteriumUitslag] = []
    oordelen: Oordelen = {}
    telling = _Telling(v)
    antwoorden = beoordeling.antwoorden
    ingetrokken: tuple[str, ...] = ()
    if v.ingetrokken and not antwoorden.keys().isdisjoint(v.ingetrokken):
        ingetrokken = tuple(cid for cid in antwoorden if cid in v.ingetrokken)
        antwoorden = _overgenomen(v, antwoorden, ingetrokken)
    for r, nvt_reden in zip(v.rijen, nvt_redenen, strict=True):
        c = r.criterium
        antwoord = antwoorden.get(r.id)
        ruw = antwoord.waarde if antwoord is not None else None
        waarde: Waarde | None = None  # het gelezen antwoord, alleen als het nodig is
        if nvt_reden is None:
            snel = r.snel(ruw)
            if snel is None:
                waarde = lees(c, ruw)
                oordeel = _oordeel(c, waarde)
            else:
                oordeel = snel
        elif volledig:
            oordeel = _NVT
        else:
            oordelen[r.id] = _NVT
            continue
        oordelen[r.id] = oordeel
        telling.tel(r, oordeel)
        if volledig or oordeel in _OPEN:
            if waarde is None:
                waarde = lees(c, ruw)
            criteria.append(
                CriteriumUitslag(
                    id=r.id, titel=c.titel, pijler=c.pijler, ernst=c.ernst,
                    gewicht=c.gewicht, norm=r.norm, oordeel=oordeel,
                    antwoord=antwoord_tekst(c, waarde),
                    toelichting=antwoord.toelichting if antwoord is not None else None,
                    nvt_reden=nvt_reden, kader_toelichting=c.toelichting, advies=c.advies,
                    bronnen=r.bronnen,
                )
            )

    stand = telling.stand()
    verbeterpad, bereikt = _verbeterpad(v, oordelen, telling, stand, doel)
    omzetting = stand.categorie == Categorie.goed and loc.draagvlak_regio == "ja"
    return Uitslag(
        locatie=loc.naam, gemeente=loc.gemeente, soort=loc.soort.value, status=loc.status.value,
        datum=beoordeling.beoordeling.datum.isoformat(),
        beoordelaar=beoordeling.beoordeling.beoordelaar,
        verklaard_kader=beoordeling.beoordeling.kader,
        draagvlak_regio=loc.draagvlak_regio.value,
        kader_id=kader.kader.id, kader_versie=kader.kader.versie, plantoets=plantoets,
        categorie=stand.categorie, omzetting=omzetting, dekking=float(stand.dekking),
        pijlers=tuple(
            PijlerUitslag(
                id=pid, naam=naam,
                score=None if (s := stand.scores[pid]) is None else round(float(s), 4),
                toelichting=_pijler_toelichting(pid, stand),
                aantallen=_aantallen(v, oordelen, pid),
            )
            for pid, naam in v.namen.items()
        ),
        redenen=_redenen(v, oordelen, stand),
        verbeterpad=verbeterpad, doel_categorie=bereikt, criteria=tuple(criteria),
        nog_te_beoordelen=nog_te_beoordelen,
        waarschuwingen=_waarschuwingen(kader, beoordeling),
        ingetrokken=tuple(_ingetrokken_tekst(v, cid, beoordeling.antwoorden) for cid in ingetrokken),
    )


def _overgenomen(v: _Vooraf, antwoorden: dict[str, Antwoord],
                 ingetrokken: tuple[str, ...]) -> dict[str, Antwoord]:
    """De antwoorden met, voor een ingetrokken id met ``overnemen``, het antwoord bij zijn
    vervanger (als die zelf geen antwoord heeft)."""
    uit = dict(antwoorden)
    for cid in ingetrokken:
        i = v.ingetrokken[cid]
        if i.overnemen and i.vervangen_door[0] not in antwoorden:
            uit[i.vervangen_door[0]] = antwoorden[cid]
    return uit


def _ingetrokken_tekst(v: _Vooraf, cid: str, antwoorden: dict[str, Antwoord]) -> Ingetrokken:
    i = v.ingetrokken[cid]
    door = ", ".join(i.vervangen_door) or "geen criterium"
    if i.overnemen and i.vervangen_door[0] not in antwoorden:
        gevolg = f"het antwoord telt nu voor {i.vervangen_door[0]}"
    elif i.overnemen:
        gevolg = f"het antwoord telt niet mee, want {i.vervangen_door[0]} heeft een eigen antwoord"
    else:
        gevolg = "het antwoord telt niet mee; beoordeel " + (
            "de vervanger" if len(i.vervangen_door) == 1 else "de vervangers") + " opnieuw"
    return Ingetrokken(cid, tuple(i.vervangen_door),
                       f"criterium '{cid}' is ingetrokken in versie {i.sinds} en vervangen door "
                       f"{door} ({i.reden.rstrip('.')}); {gevolg}")


_NVT_FASE = {Fase.gepland: "pas te beoordelen als de locatie in gebruik is",
             Fase.in_gebruik: "alleen voor geplande locaties"}


# ---------------------------------------------------------------- per kader voorbereid


@dataclass(frozen=True)
class _Rij:
    """Eén criterium met wat de hoofdlus ervan nodig heeft, al klaargezet."""

    criterium: AnyCriterium
    id: str
    doelgroepen: frozenset[str]
    fasen: frozenset[str]
    soorten: frozenset[str]
    nvt_doelgroep: str
    nvt_soort: str
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
class _Vooraf:
    """Wat de indeling per kader nodig heeft, in de vorm die de binnenste lussen snel houdt."""

    rijen: tuple[_Rij, ...]
    per_id: dict[str, _Rij]
    """Criterium-id → rij (bij een dubbel id, dat het kader zelf al weigert: de eerste)."""
    namen: dict[str, str]
    """Pijler-id → naam, in de volgorde van het kader."""
    per_pijler: dict[str, tuple[str, ...]]
    volgorde: dict[str, tuple[int, float, str]]
    """Sorteersleutel 'kritiek, dan voorwaarde, dan gewoon; daarbinnen zwaarste eerst, dan op id'."""
    alfabet: dict[str, int]
    """Plaats van elk id in alfabetische volgorde (voor een gelijke stand)."""
    kritiek: tuple[str, ...]
    voorwaarde: tuple[str, ...]
    kritiek_onder: _Deel
    goed_vanaf: _Deel
    min_dekking: _Deel
    min_dekking_oordeel: _Deel
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
            if r.doelgroepen.isdisjoint(groepen):
                redenen.append(r.nvt_doelgroep)
            elif r.soorten and soort not in r.soorten:
                redenen.append(r.nvt_soort)
            elif fase not in r.fasen:
                redenen.append(_NVT_FASE[fase])
                if plantoets and Fase.in_gebruik in r.fasen:
                    later.append(r.id)
            else:
                redenen.append(None)
        uitkomst = tuple(redenen), tuple(later)
        self._toepassingen[sleutel] = uitkomst
        return uitkomst


_VOORAF: dict[int, tuple[Kader, _Vooraf]] = {}


def voorbereid(kader: Kader) -> _Vooraf:
    """Wat per kader vaststaat, één keer klaargezet (ook gebruikt door de validatie)."""
    return _vooraf(kader)


def _vooraf(kader: Kader) -> _Vooraf:
    bekend = _VOORAF.get(id(kader))
    if bekend is not None and bekend[0] is kader:
        return bekend[1]
    gewichten = {c.id: _exact(c.gewicht) for c in kader.criteria}
    noemer = math.lcm(*(g.denominator for g in gewichten.values()))
    gewicht = {cid: g.numerator * (noemer // g.denominator) for cid, g in gewichten.items()}
    ind = kader.indeling
    rijen = tuple(
        _Rij(criterium=c, id=c.id, doelgroepen=frozenset(c.doelgroepen),
             fasen=frozenset(c.fasen), soorten=frozenset(c.soorten),
             nvt_doelgroep="alleen voor " + " en ".join(d.value for d in c.doelgroepen),
             nvt_soort="alleen voor " + ", ".join(x.value for x in c.soorten),
             norm=_norm_tekst(c), bronnen=tuple(c.bronnen), snel=snel_oordeel(c),
             pijler=c.pijler, gewicht=gewicht[c.id], kritiek=c.ernst is Ernst.kritiek,
             voorwaarde=c.ernst is Ernst.voorwaarde)
        for c in kader.criteria)
    v = _Vooraf(
        rijen=rijen,
        per_id={r.id: r for r in reversed(rijen)},
        namen={p.id: p.naam for p in kader.pijlers},
        per_pijler={p.id: tuple(c.id for c in kader.criteria if c.pijler == p.id)
                    for p in kader.pijlers},
        volgorde={c.id: (_ERNST_VOLGORDE[c.ernst], -c.gewicht, c.id) for c in kader.criteria},
        alfabet={cid: i for i, cid in enumerate(sorted({c.id for c in kader.criteria}))},
        kritiek=tuple(c.id for c in kader.criteria if c.ernst is Ernst.kritiek),
        voorwaarde=tuple(c.id for c in kader.criteria if c.ernst is Ernst.voorwaarde),
        kritiek_onder=_Deel.van(ind.kritiek_onder), goed_vanaf=_Deel.van(ind.goed_vanaf),
        min_dekking=_Deel.van(ind.min_dekking),
        min_dekking_oordeel=_Deel.van(ind.min_dekking_oordeel),
        ingetrokken={i.id: i for i in kader.ingetrokken},
    )
    if len(_VOORAF) >= 8:
        _VOORAF.clear()
    _VOORAF[id(kader)] = (kader, v)
    return v


def eenling_kritiek(kader: Kader) -> list[tuple[str, str]]:
    """Criteria die niet kritiek zijn, maar op een verder volmaakte locatie in hun eentje een
    pijler onder ``kritiek_onder`` kunnen brengen, en dus categorie 1 zouden geven (design §5:
    een gewoon criterium dat niet voldoet, maakt een locatie nooit kritiek). Per criterium één
    melding (id, tekst), met de eerste situatie (doelgroepen, soort, fase) waarin het gebeurt."""
    v = _vooraf(kader)
    meldingen: dict[str, str] = {}
    for groepen in ((Doelgroep.gezinnen,), (Doelgroep.amv,), (Doelgroep.gezinnen, Doelgroep.amv)):
        for soort in Soort:
            for plantoets in (False, True):
                nvt, _ = v.toepassing(frozenset(groepen), soort, plantoets)
                van_toepassing = [r for r, reden in zip(v.rijen, nvt, strict=True) if reden is None]
                totaal = dict.fromkeys(v.namen, 0)
                for r in van_toepassing:
                    totaal[r.pijler] += r.gewicht
                for r in van_toepassing:
                    w = totaal[r.pijler]
                    if (not r.kritiek and r.id not in meldingen
                            and _Deel(w - r.gewicht, w) < v.kritiek_onder):
                        meldingen[r.id] = (
                            f"criterium '{r.id}' (ernst {r.criterium.ernst.value}) brengt in zijn "
                            f"eentje pijler {v.namen[r.pijler]} onder de kritieke grens van "
                            f"{pct(v.kritiek_onder)} (bij {' en '.join(groepen)}, {soort.value}, "
                            f"{'plan' if plantoets else 'in gebruik'}); geef het minder gewicht, "
                            "geef de pijler meer criteria, of maak het kritiek")
    return list(meldingen.items())


_ERNST_VOLGORDE = {Ernst.kritiek: 0, Ernst.voorwaarde: 1, Ernst.gewoon: 2}


@lru_cache(maxsize=256)
def _exact(x: float) -> Fraction:
    """Een getal zoals het in het kader staat (0.80 is precies 4/5, niet de binaire benadering)."""
    return Fraction(str(x))


class _Deel:
    """Een exacte verhouding teller/noemer (noemer > 0), vergeleken door kruislings te
    vermenigvuldigen: even exact als ``Fraction``, maar zonder diens kosten in de binnenste lus."""

    __slots__ = ("noemer", "teller")

    def __init__(self, teller: int, noemer: int) -> None:
        self.teller, self.noemer = teller, noemer

    @classmethod
    def van(cls, x: float) -> _Deel:
        f = _exact(x)
        return cls(f.numerator, f.denominator)

    def __float__(self) -> float:
        return self.teller / self.noemer

    def _kruis(self, ander: _Deel) -> tuple[int, int]:
        return self.teller * ander.noemer, ander.teller * self.noemer

    def __lt__(self, ander: _Deel) -> bool:
        a, b = self._kruis(ander)
        return a < b

    def __le__(self, ander: _Deel) -> bool:
        a, b = self._kruis(ander)
        return a <= b

    def __gt__(self, ander: _Deel) -> bool:
        a, b = self._kruis(ander)
        return a > b

    def __ge__(self, ander: _Deel) -> bool:
        a, b = self._kruis(ander)
        return a >= b

    def __eq__(self, ander: object) -> bool:
        if not isinstance(ander, _Deel):
            return NotImplemented
        a, b = self._kruis(ander)
        return a == b

    def __hash__(self) -> int:
        return hash(Fraction(self.teller, self.noemer))

    def __repr__(self) -> str:
        return f"{self.teller}/{self.noemer}"


# ---------------------------------------------------------------- de regels


@dataclass(frozen=True)
class _Stand:
    scores: dict[str, _Deel | None]
    zonder_criteria: frozenset[str]
    alles_onbekend: frozenset[str]
    kan_kritiek: frozenset[str]
    """Pijlers die onder de kritieke grens zakken als hun onbekende criteria niet voldoen."""
    dekking: _Deel
    toepasselijk: int
    categorie: Categorie | None
    """None: onvoldoende beoordeeld."""


class _Telling:
    """De tellers waaruit de stand volgt: per pijler het gewicht en de (halve) punten van wat
    bekend is en het gewicht van wat onbekend is, en per ernst hoeveel criteria openstaan. Eén
    oordeel toevoegen of verbeteren kost zo een paar optellingen, ook in elke stap van het
    verbeterpad."""

    __slots__ = ("bekend", "gewicht", "kritiek_deels", "kritiek_niet", "kritiek_onbekend",
                 "onbekend_gewicht", "punten", "toepasselijk", "toepasselijk_per_pijler", "v",
                 "voorwaarde_open")

    def __init__(self, v: _Vooraf) -> None:
        self.v = v
        self.gewicht = dict.fromkeys(v.namen, 0)
        self.punten = dict.fromkeys(v.namen, 0)
        self.onbekend_gewicht = dict.fromkeys(v.namen, 0)
        self.toepasselijk_per_pijler = dict.fromkeys(v.namen, 0)
        self.toepasselijk = self.bekend = 0
        self.kritiek_niet = self.kritiek_deels = self.kritiek_onbekend = self.voorwaarde_open = 0

    def kopie(self) -> _Telling:
        t = _Telling(self.v)
        t.gewicht, t.punten = dict(self.gewicht), dict(self.punten)
        t.onbekend_gewicht = dict(self.onbekend_gewicht)
        t.toepasselijk_per_pijler = dict(self.toepasselijk_per_pijler)
        t.toepasselijk, t.bekend = self.toepasselijk, self.bekend
        t.kritiek_niet, t.kritiek_deels = self.kritiek_niet, self.kritiek_deels
        t.kritiek_onbekend, t.voorwaarde_open = self.kritiek_onbekend, self.voorwaarde_open
        return t

    def tel(self, r: _Rij, oordeel: Oordeel, teken: int = 1) -> None:
        """Tel ``oordeel`` van het criterium van rij ``r`` mee (``teken=-1``: haal het weer weg)."""
        if oordeel is _NVT:
            return
        pid = r.pijler
        self.toepasselijk += teken
        self.toepasselijk_per_pijler[pid] += teken
        halve = _HALVE_PUNTEN.get(oordeel)
        if halve is not None:
            w = r.gewicht
            self.gewicht[pid] += teken * w
            self.punten[pid] += teken * w * halve
            self.bekend += teken
        else:
            self.onbekend_gewicht[pid] += teken * r.gewicht
        if oordeel is _VOLDOET:
            return
        if r.kritiek:
            if oordeel is _NIET:
                self.kritiek_niet += teken
            elif oordeel is _DEELS:
                self.kritiek_deels += teken
            else:
                self.kritiek_onbekend += teken
        elif r.voorwaarde:
            self.voorwaarde_open += teken

    def verbeter(self, cid: str, oud: Oordeel) -> None:
        """Criterium ``cid`` gaat van ``oud`` naar 'voldoet'."""
        r = self.v.per_id[cid]
        self.tel(r, oud, -1)
        self.tel(r, _VOLDOET)

    def score_na(self, cid: str, oud: Oordeel) -> _Deel:
        """De score van de pijler van ``cid`` als dat criterium van ``oud`` naar 'voldoet' gaat."""
        r = self.v.per_id[cid]
        pid, w = r.pijler, r.gewicht
        punten, gewicht = self.punten[pid], self.gewicht[pid]
        halve = _HALVE_PUNTEN.get(oud)
        if halve is None:  # onbekend telt na de verbetering voor het eerst mee
            return _Deel(punten + 2 * w, 2 * (gewicht + w))
        return _Deel(punten + w * (2 - halve), 2 * gewicht)

    def stand(self) -> _Stand:
        """Pijlerscores, dekking en categorie (design §5, versie 2); de redenen komen apart.

        Onvoldoende beoordeeld is een locatie die niet al categorie 1 is, maar waarvan te weinig
        bekend is om categorie 1 uit te sluiten: een kritiek criterium is onbekend, of een pijler
        zakt onder de kritieke grens als zijn onbekende criteria niet blijken te voldoen; of de
        dekking ligt onder ``min_dekking_oordeel``; of er is niets te beoordelen."""
        v = self.v
        scores: dict[str, _Deel | None] = {}
        kan_kritiek = []
        for pid in v.namen:
            g, punten, onbekend = self.gewicht[pid], self.punten[pid], self.onbekend_gewicht[pid]
            scores[pid] = _Deel(punten, 2 * g) if g else None
            if onbekend and _Deel(punten, 2 * (g + onbekend)) < v.kritiek_onder:
                kan_kritiek.append(pid)
        zonder = frozenset(p for p, n in self.toepasselijk_per_pijler.items() if not n)
        onbekend_ = frozenset(p for p, s in scores.items() if s is None and p not in zonder)
        dekking = _Deel(self.bekend, self.toepasselijk) if self.toepasselijk else _Deel(0, 1)
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
        return _Stand(scores, zonder, onbekend_, frozenset(kan_kritiek), dekking,
                      self.toepasselijk, categorie)


def _redenen(v: _Vooraf, oordelen: Oordelen, stand: _Stand) -> tuple[Reden, ...]:
    """Waarom de locatie in haar categorie valt (of geen categorie heeft): de regels die vuurden,
    met hun criteria."""
    redenen: list[Reden] = []

    def per_ernst(ids: tuple[str, ...], o: Oordeel, regel: str, enkel: str, meer: str) -> None:
        gevonden = sorted(c for c in ids if oordelen[c] is o)
        if gevonden:
            redenen.append(Reden(regel, _aantal(len(gevonden), enkel, meer), tuple(gevonden)))

    if stand.categorie == Categorie.kritiek:
        per_ernst(v.kritiek, _NIET, "kritiek_voldoet_niet", "kritiek criterium voldoet niet",
                  "kritieke criteria voldoen niet")
        redenen += _pijlers_onder(v, oordelen, stand, v.kritiek_onder, "pijler_onder_kritiek",
                                  "de kritieke grens")
        return tuple(redenen)
    if stand.categorie == Categorie.goed:
        return ()
    if stand.categorie is None:
        if stand.toepasselijk == 0:
            return (Reden("geen_criteria", "Geen enkel criterium is van toepassing op deze "
                                           "locatie; er valt niets te beoordelen"),)
        per_ernst(v.kritiek, _ONBEKEND, "kritiek_onbekend",
                  "kritiek criterium is onbekend; zolang het niet beoordeeld is, is categorie 1 "
                  "niet uit te sluiten",
                  "kritieke criteria zijn onbekend; zolang ze niet beoordeeld zijn, is "
                  "categorie 1 niet uit te sluiten")
        for pid in (p for p in v.namen if p in stand.kan_kritiek):
            onbekend = tuple(sorted(c for c in v.per_pijler[pid] if oordelen[c] is _ONBEKEND))
            tekst = (f"Van pijler {v.namen[pid]} is geen enkel toepasselijk criterium beoordeeld"
                     if pid in stand.alles_onbekend else
                     f"Pijler {v.namen[pid]} zakt onder de kritieke grens van "
                     f"{pct(v.kritiek_onder)} als de onbekende criteria niet voldoen")
            redenen.append(Reden("pijler_kan_kritiek", tekst, onbekend))
        redenen += _dekking_onder(oordelen, stand, v.min_dekking_oordeel, "dekking_onder_oordeel",
                                  "te weinig beoordeeld voor een oordeel")
        return tuple(redenen)
    per_ernst(v.voorwaarde, _NIET, "voorwaarde_voldoet_niet", "voorwaarde voldoet niet",
              "voorwaarden voldoen niet")
    per_ernst(v.voorwaarde, _DEELS, "voorwaarde_deels", "voorwaarde voldoet maar deels",
              "voorwaarden voldoen maar deels")
    per_ernst(v.voorwaarde, _ONBEKEND, "voorwaarde_onbekend", "voorwaarde is onbekend",
              "voorwaarden zijn onbekend")
    per_ernst(v.kritiek, _DEELS, "kritiek_deels", "kritiek criterium voldoet maar deels",
              "kritieke criteria voldoen maar deels")
    redenen += _pijlers_onder(v, oordelen, stand, v.goed_vanaf, "pijler_onder_goed",
                              "de grens voor goed")
    for pid in (p for p in v.namen if p in stand.alles_onbekend):
        redenen.append(Reden(
            "pijler_onbekend",
            f"Van pijler {v.namen[pid]} is geen enkel toepasselijk criterium beoordeeld",
            tuple(sorted(c for c in v.per_pijler[pid] if oordelen[c] is _ONBEKEND))))
    redenen += _dekking_onder(oordelen, stand, v.min_dekking, "dekking_te_laag",
                              "te weinig criteria beoordeeld")
    return tuple(redenen)


def _dekking_onder(oordelen: Oordelen, stand: _Stand, drempel: _Deel, regel: str,
                   wat: str) -> list[Reden]:
    """Een reden als de dekking onder ``drempel`` ligt, met de criteria die onbekend zijn."""
    if not stand.dekking < drempel:
        return []
    return [Reden(regel, f"Dekking is {pct(stand.dekking)}: {wat} (minimaal {pct(drempel)})",
                  tuple(sorted(c for c, o in oordelen.items() if o is _ONBEKEND)))]


def _pijlers_onder(v: _Vooraf, oordelen: Oordelen, stand: _Stand, drempel: _Deel, regel: str,
                   grens: str) -> list[Reden]:
    """Een reden voor elke pijler die onder ``drempel`` scoort, met de criteria die niet voldoen."""
    return [Reden(regel, f"Pijler {v.namen[pid]} scoort {pct(s)}, onder {grens} van "
                         f"{pct(drempel)}", _niet_voldaan(v, oordelen, pid))
            for pid, s in stand.scores.items() if s is not None and s < drempel]


# ---------------------------------------------------------------- het verbeterpad


def _verbeterpad(v: _Vooraf, oordelen: Oordelen, telling: _Telling, huidig: _Stand,
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
        sim[cid] = _VOLDOET
        huidig = telling.stand()
    if rang(huidig.categorie) < doelrang or alleen_oordeel:
        return tuple(stappen), None
    return tuple(stappen), doel


def _volgende(v: _Vooraf, sim: Oordelen, telling: _Telling, stand: _Stand,
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

    def pijler_onder(drempel: _Deel) -> tuple[str, str] | None:
        for pid, s in stand.scores.items():
            if s is not None and s < drempel and (kandidaten := open_(v.per_pijler[pid], _OPEN)):
                return (meeste_winst(kandidaten), f"pijler {v.namen[pid]} scoort {pct(s)}, "
                        f"nodig is {pct(drempel)}")
        return None

    def dekking_onder(drempel: _Deel, waarvoor: str) -> tuple[str, str] | None:
        if stand.dekking < drempel and (kandidaten := [c for c, o in sim.items()
                                                      if o is _ONBEKEND]):
            return (zwaarste(kandidaten),
                    f"dekking {pct(stand.dekking)}, {waarvoor} is {pct(drempel)} nodig")
        return None

    if kandidaten := open_(v.kritiek, (_NIET,)):
        return zwaarste(kandidaten), "kritiek criterium: moet direct voldoen"
    if kandidaten := open_(v.kritiek, (_ONBEKEND,)):
        return zwaarste(kandidaten), "kritiek criterium: beoordeel dit eerst"
    if keuze := pijler_onder(v.kritiek_onder):
        return keuze
    if stand.categorie is None and (kandidaten := open_(v.voorwaarde, (_ONBEKEND,))):
        return zwaarste(kandidaten), "voorwaarde: beoordeel dit eerst"
    for pid in v.namen:
        if pid in stand.kan_kritiek:
            return (zwaarste(open_(v.per_pijler[pid], (_ONBEKEND,))),
                    f"pijler {v.namen[pid]}: beoordeel dit eerst, de onbekende criteria kunnen "
                    "de pijler onder de kritieke grens brengen")
    if keuze := dekking_onder(v.min_dekking_oordeel, "voor een oordeel"):
        return keuze
    if doel != Categorie.goed:
        return None
    if kandidaten := open_(v.kritiek, (_DEELS,)):
        return zwaarste(kandidaten), "kritiek criterium: moet volledig voldoen"
    if kandidaten := open_(v.voorwaarde, _OPEN):
        return zwaarste(kandidaten), "voorwaarde voor categorie 3: moet volledig voldoen"
    for pid in v.namen:
        if pid in stand.alles_onbekend:
            return (zwaarste(open_(v.per_pijler[pid], _OPEN)),
                    f"pijler {v.namen[pid]} is nog helemaal onbekend")
    return pijler_onder(v.goed_vanaf) or dekking_onder(v.min_dekking, "voor categorie 3")


# ---------------------------------------------------------------- kleine hulpjes


def _niet_voldaan(v: _Vooraf, oordelen: Oordelen, pijler: str) -> tuple[str, ...]:
    return tuple(sorted(c for c in v.per_pijler[pijler]
                        if oordelen[c] in (_NIET, _DEELS)))


def _aantallen(v: _Vooraf, oordelen: Oordelen, pijler: str) -> dict[str, int]:
    tel: dict[str, int] = dict.fromkeys(_OORDEELWAARDEN, 0)
    for c in v.per_pijler[pijler]:
        tel[oordelen[c]] += 1  # een Oordeel is een str: dezelfde sleutel
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


def _aantal(n: int, enkel: str, meer: str) -> str:
    return f"{n} {enkel if n == 1 else meer}"
