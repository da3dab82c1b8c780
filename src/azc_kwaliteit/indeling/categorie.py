# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De indeling in categorieën (design §5): een pure functie van kader en beoordeling.

Geen invoer of uitvoer. ``deel_in`` leest elk antwoord, telt (``telling``), bepaalt de categorie
en haar redenen, en laat ``verbeterpad`` kiezen wat eerst moet. Scores worden exact berekend
(gehele gewichten, halve punten, breuken).
"""

from __future__ import annotations

from pydantic import BaseModel

from azc_kwaliteit.domein.antwoorden import Oordeel, Waarde, antwoord_tekst, lees, pct
from azc_kwaliteit.domein.antwoorden import oordeel as _oordeel
from azc_kwaliteit.domein.modellen import Antwoord, Beoordeling, Fase, Kader
from azc_kwaliteit.domein.taal import aantal
from azc_kwaliteit.domein.vertalen import _, n_
from azc_kwaliteit.indeling.telling import Stand, Telling
from azc_kwaliteit.indeling.uitslag import (
    Categorie,
    CriteriumUitslag,
    Ingetrokken,
    PijlerUitslag,
    Reden,
    Uitslag,
)
from azc_kwaliteit.indeling.verbeterpad import Oordelen, verbeterpad
from azc_kwaliteit.indeling.voorbereiding import (
    DEELS,
    NIET,
    NVT,
    ONBEKEND,
    OPEN,
    Deel,
    Vooraf,
    voorbereid,
)

_OORDEELWAARDEN = tuple(o.value for o in Oordeel)


def deel_in(kader: Kader, beoordeling: Beoordeling, *, plantoets: bool | None = None,
            volledig: bool = True, doel: Categorie | None = None) -> Uitslag:
    """Deel een locatie in. ``plantoets`` forceert (True) of verbiedt (False) de plantoets;
    standaard volgt die uit ``locatie.status``. Met ``volledig=False`` bevat ``criteria`` alleen
    de criteria die niet (volledig) voldoen of onbekend zijn: genoeg voor een batchoverzicht, en
    veel minder werk bij duizenden locaties. ``doel`` is de categorie waar het verbeterpad heen
    gaat; standaard de eerstvolgende (en bij onvoldoende beoordeeld: tot er een oordeel is)."""
    v = voorbereid(kader)
    loc = beoordeling.locatie
    if plantoets is None:
        plantoets = loc.status == Fase.gepland
    nvt_redenen, nog_te_beoordelen = v.toepassing(frozenset(loc.doelgroepen), loc.soort,
                                                  plantoets)
    criteria: list[CriteriumUitslag] = []
    oordelen: Oordelen = {}
    telling = Telling(v)
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
            oordeel = NVT
        else:
            oordelen[r.id] = NVT
            continue
        oordelen[r.id] = oordeel
        telling.tel(r, oordeel)
        if volledig or oordeel in OPEN:
            if waarde is None:
                waarde = lees(c, ruw)
            criteria.append(
                CriteriumUitslag(
                    id=r.id, titel=c.titel, pijler=c.pijler, ernst=c.ernst,
                    gewicht=c.gewicht, norm=r.norm, oordeel=oordeel,
                    antwoord=antwoord_tekst(c, waarde),
                    toelichting=antwoord.toelichting if antwoord is not None else None,
                    nvt_reden=nvt_reden, kader_toelichting=c.toelichting, advies=c.advies,
                    bronnen=r.bronnen, bewijs=antwoord.bewijs if antwoord is not None else (),
                )
            )

    stand = telling.stand()
    pad, bereikt = verbeterpad(v, oordelen, telling, stand, doel)
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
        verbeterpad=pad, doel_categorie=bereikt, criteria=tuple(criteria),
        nog_te_beoordelen=nog_te_beoordelen,
        waarschuwingen=_waarschuwingen(kader, beoordeling),
        ingetrokken=tuple(_ingetrokken_tekst(v, cid, beoordeling.antwoorden) for cid in ingetrokken),
        niet_van_toepassing=tuple(r.id for r, reden in zip(v.rijen, nvt_redenen, strict=True)
                                  if reden is not None),
        capaciteit=loc.capaciteit, doelgroepen=tuple(loc.doelgroepen),
        kinderen=None if loc.bewoners is None else loc.bewoners.kinderen,
        amv=None if loc.bewoners is None else loc.bewoners.amv,
        titels=v.titels, bronnen=kader.kader.bronnen,
        controle=_zonder_leeg(beoordeling.beoordeling.status),
        bron=_zonder_leeg(beoordeling.beoordeling.bron),
    )


def _zonder_leeg(model: BaseModel | None) -> dict[str, str] | None:
    return None if model is None else {k: str(w) for k, w in model.model_dump(
        mode="json", exclude_none=True).items()}


def _overgenomen(v: Vooraf, antwoorden: dict[str, Antwoord],
                 ingetrokken: tuple[str, ...]) -> dict[str, Antwoord]:
    """De antwoorden met, voor een ingetrokken id met ``overnemen``, het antwoord bij zijn
    vervanger (als die zelf geen antwoord heeft)."""
    uit = dict(antwoorden)
    for cid in ingetrokken:
        i = v.ingetrokken[cid]
        if i.overnemen and i.vervangen_door[0] not in antwoorden:
            uit[i.vervangen_door[0]] = antwoorden[cid]
    return uit


def _ingetrokken_tekst(v: Vooraf, cid: str, antwoorden: dict[str, Antwoord]) -> Ingetrokken:
    i = v.ingetrokken[cid]
    reden = i.reden.rstrip(".")
    if not i.vervangen_door:
        return Ingetrokken(cid, (), _(
            "criterium '{id}' is ingetrokken in versie {versie} zonder vervanger ({reden}); het "
            "antwoord telt niet mee").format(id=cid, versie=i.sinds, reden=reden))
    if i.overnemen and i.vervangen_door[0] not in antwoorden:
        gevolg = _("het antwoord telt nu voor {id}").format(id=i.vervangen_door[0])
    elif i.overnemen:
        gevolg = _("het antwoord telt niet mee, want {id} heeft een eigen antwoord").format(
            id=i.vervangen_door[0])
    else:
        gevolg = n_("het antwoord telt niet mee; beoordeel de vervanger opnieuw",
                    "het antwoord telt niet mee; beoordeel de vervangers opnieuw",
                    len(i.vervangen_door))
    return Ingetrokken(cid, tuple(i.vervangen_door), _(
        "criterium '{id}' is ingetrokken in versie {versie} en vervangen door {vervangers} "
        "({reden}); {gevolg}").format(id=cid, versie=i.sinds, vervangers=", ".join(i.vervangen_door),
                                      reden=reden, gevolg=gevolg))


# ---------------------------------------------------------------- de redenen


def _redenen(v: Vooraf, oordelen: Oordelen, stand: Stand) -> tuple[Reden, ...]:
    """Waarom de locatie in haar categorie valt (of geen categorie heeft): de regels die vuurden,
    met hun criteria."""
    redenen: list[Reden] = []

    def per_ernst(ids: tuple[str, ...], o: Oordeel, regel: str, enkel: str, meer: str) -> None:
        gevonden = sorted(c for c in ids if oordelen[c] is o)
        if gevonden:
            redenen.append(Reden(regel, aantal(len(gevonden), enkel, meer), tuple(gevonden)))

    if stand.categorie == Categorie.kritiek:
        per_ernst(v.kritiek, NIET, "kritiek_voldoet_niet", "kritiek criterium voldoet niet",
                  "kritieke criteria voldoen niet")
        redenen += _pijlers_onder(v, oordelen, stand, v.kritiek_onder, "pijler_onder_kritiek",
                                  _("de kritieke grens"))
        return tuple(redenen)
    if stand.categorie == Categorie.goed:
        return ()
    if stand.categorie is None:
        if stand.toepasselijk == 0:
            return (Reden("geen_criteria", _("Geen enkel criterium is van toepassing op deze "
                                             "locatie; er valt niets te beoordelen")),)
        per_ernst(v.kritiek, ONBEKEND, "kritiek_onbekend",
                  "kritiek criterium is onbekend; zolang het niet beoordeeld is, is categorie 1 "
                  "niet uit te sluiten",
                  "kritieke criteria zijn onbekend; zolang ze niet beoordeeld zijn, is "
                  "categorie 1 niet uit te sluiten")
        for pid in (p for p in v.namen if p in stand.kan_kritiek):
            onbekend = tuple(sorted(c for c in v.per_pijler[pid] if oordelen[c] is ONBEKEND))
            tekst = (_("Van pijler {pijler} is geen enkel toepasselijk criterium beoordeeld")
                     if pid in stand.alles_onbekend else
                     _("Pijler {pijler} zakt onder de kritieke grens van {grens} als de onbekende "
                       "criteria niet voldoen")).format(pijler=v.namen[pid], grens=pct(v.kritiek_onder))
            redenen.append(Reden("pijler_kan_kritiek", tekst, onbekend))
        redenen += _dekking_onder(oordelen, stand, v.min_dekking_oordeel, "dekking_onder_oordeel",
                                  _("te weinig beoordeeld voor een oordeel"))
        return tuple(redenen)
    per_ernst(v.voorwaarde, NIET, "voorwaarde_voldoet_niet", "voorwaarde voldoet niet",
              "voorwaarden voldoen niet")
    per_ernst(v.voorwaarde, DEELS, "voorwaarde_deels", "voorwaarde voldoet maar deels",
              "voorwaarden voldoen maar deels")
    per_ernst(v.voorwaarde, ONBEKEND, "voorwaarde_onbekend", "voorwaarde is onbekend",
              "voorwaarden zijn onbekend")
    per_ernst(v.kritiek, DEELS, "kritiek_deels", "kritiek criterium voldoet maar deels",
              "kritieke criteria voldoen maar deels")
    redenen += _pijlers_onder(v, oordelen, stand, v.goed_vanaf, "pijler_onder_goed",
                              _("de grens voor goed"))
    for pid in (p for p in v.namen if p in stand.alles_onbekend):
        redenen.append(Reden(
            "pijler_onbekend",
            _("Van pijler {pijler} is geen enkel toepasselijk criterium beoordeeld").format(
                pijler=v.namen[pid]),
            tuple(sorted(c for c in v.per_pijler[pid] if oordelen[c] is ONBEKEND))))
    redenen += _dekking_onder(oordelen, stand, v.min_dekking, "dekking_te_laag",
                              _("te weinig criteria beoordeeld"))
    return tuple(redenen)


def _dekking_onder(oordelen: Oordelen, stand: Stand, drempel: Deel, regel: str,
                   wat: str) -> list[Reden]:
    """Een reden als de dekking onder ``drempel`` ligt, met de criteria die onbekend zijn."""
    if not stand.dekking < drempel:
        return []
    return [Reden(regel, _("Dekking is {dekking}: {wat} (minimaal {drempel})").format(
                      dekking=pct(stand.dekking), wat=wat, drempel=pct(drempel)),
                  tuple(sorted(c for c, o in oordelen.items() if o is ONBEKEND)))]


def _pijlers_onder(v: Vooraf, oordelen: Oordelen, stand: Stand, drempel: Deel, regel: str,
                   grens: str) -> list[Reden]:
    """Een reden voor elke pijler die onder ``drempel`` scoort, met de criteria die niet voldoen."""
    return [Reden(regel, _("Pijler {pijler} scoort {score}, onder {grens} van {drempel}").format(
                      pijler=v.namen[pid], score=pct(s), grens=grens, drempel=pct(drempel)),
                  _niet_voldaan(v, oordelen, pid))
            for pid, s in stand.scores.items() if s is not None and s < drempel]



# ---------------------------------------------------------------- kleine hulpjes


def _niet_voldaan(v: Vooraf, oordelen: Oordelen, pijler: str) -> tuple[str, ...]:
    return tuple(sorted(c for c in v.per_pijler[pijler]
                        if oordelen[c] in (NIET, DEELS)))


def _aantallen(v: Vooraf, oordelen: Oordelen, pijler: str) -> dict[str, int]:
    tel: dict[str, int] = dict.fromkeys(_OORDEELWAARDEN, 0)
    for c in v.per_pijler[pijler]:
        tel[oordelen[c]] += 1  # een Oordeel is een str: dezelfde sleutel
    return tel


def _pijler_toelichting(pid: str, stand: Stand) -> str | None:
    if pid in stand.zonder_criteria:
        return _("geen toepasselijke criteria voor deze locatie; telt niet mee")
    if pid in stand.alles_onbekend:
        return _("alle toepasselijke criteria zijn onbekend; blokkeert categorie 3")
    return None


def _waarschuwingen(kader: Kader, beoordeling: Beoordeling) -> tuple[str, ...]:
    verklaard = beoordeling.beoordeling.kader
    if verklaard and verklaard != kader.label:
        return (_("de beoordeling noemt kader {genoemd}, maar is beoordeeld met {kader}").format(
            genoemd=verklaard, kader=kader.label),)
    return ()

