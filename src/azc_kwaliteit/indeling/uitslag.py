# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De uitslag van een beoordeling: onveranderlijke waarden die de weergave alleen hoeft te tonen."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import NamedTuple

from azc_kwaliteit.domein.antwoorden import Oordeel
from azc_kwaliteit.domein.modellen import Ernst
from azc_kwaliteit.domein.taal import woord
from azc_kwaliteit.domein.vertalen import N_, _


class Categorie(IntEnum):
    """De drie COA-categorieën uit het verslag van de rondetafel."""

    kritiek = 1
    verbeterbaar = 2
    goed = 3

    @property
    def naam(self) -> str:
        return self.name

    @property
    def betekenis(self) -> str:
        return _(_BETEKENIS[self])


ONVOLDOENDE = "onvoldoende_beoordeeld"
"""De sleutel (JSON, tellingen) van een locatie zonder categorie: te weinig is bekend."""
ONVOLDOENDE_BETEKENIS = N_("Te weinig is bekend om een categorie te geven: categorie 1 is niet "
                           "uit te sluiten. Beoordeel eerst de criteria hieronder.")


def rang(categorie: int | None) -> float:
    """De volgorde van de uitkomsten, van slecht naar goed: 1, onvoldoende beoordeeld, 2, 3.
    Onvoldoende beoordeeld staat onder 2, omdat categorie 1 er niet is uitgesloten."""
    return 1.5 if categorie is None else float(categorie)


def gezakt(categorie: int | None, faal_bij: int) -> bool:
    """Of een locatie bij de poort ``--faal-bij`` zakt: categorie ``faal_bij`` of lager, en
    altijd bij onvoldoende beoordeeld (een poort laat niets door wat niet beoordeeld is)."""
    return categorie is None or categorie <= faal_bij


def op_of_onder(tellingen: Mapping[str, object], grens: int) -> int:
    """Hoeveel locaties bij de poort ``grens`` zakken, uit de tellingen per categorie
    (``{"kritiek": …, "verbeterbaar": …, "goed": …, "onvoldoende_beoordeeld": …}``, zoals in de
    samenvatting van een batch)."""
    aantallen = [tellingen[c.naam] for c in Categorie if c <= grens] + [tellingen.get(ONVOLDOENDE, 0)]
    return sum(n for n in aantallen if isinstance(n, int))


def categorie_naam(categorie: Categorie | None) -> str:
    return ONVOLDOENDE if categorie is None else categorie.naam


def categorie_kop(categorie: Categorie | None, plantoets: bool = False) -> str:
    """'Categorie 1 – kritiek' of 'Onvoldoende beoordeeld' (bij een plan: 'Verwachte categorie …',
    'Plan onvoldoende beoordeeld'), voor koppen en badges in elk formaat."""
    if categorie is None:
        return _("Plan onvoldoende beoordeeld") if plantoets else _("Onvoldoende beoordeeld")
    kop = _("Verwachte categorie {nummer} – {naam}") if plantoets else _("Categorie {nummer} – {naam}")
    return kop.format(nummer=categorie.value, naam=woord(categorie.naam))


_BETEKENIS = {
    Categorie.kritiek: N_("Kritieke locatie met urgente knelpunten."),
    Categorie.verbeterbaar: N_("Op korte termijn is verbetering mogelijk."),
    Categorie.goed: N_("Goed functionerende locatie; kan reguliere opvang worden, mits er "
                       "draagvlak in de regio is."),
}


_PLAN_BETEKENIS = {
    None: N_("Het plan zegt te weinig om een categorie te verwachten: categorie 1 is niet uit te "
             "sluiten. Werk eerst de criteria hieronder uit."),
    Categorie.kritiek: N_("Zo gebouwd wordt dit een kritieke locatie: het plan mist wat kinderen "
                          "meteen nodig hebben. Pas het plan aan voordat er kinderen wonen."),
    Categorie.verbeterbaar: N_("Zo gebouwd wordt dit een verbeterbare locatie: het plan heeft "
                               "tekorten die vóór de opening op te lossen zijn."),
    Categorie.goed: N_("Zo gebouwd kan dit een goed functionerende locatie worden; de criteria "
                       "voor een locatie in gebruik volgen na de opening."),
}


def betekenis(categorie: Categorie | None, plantoets: bool = False) -> str:
    """Wat de categorie zegt; bij een plan als verwachting, niet als een bestaande locatie."""
    if plantoets:
        return _(_PLAN_BETEKENIS[categorie])
    return _(ONVOLDOENDE_BETEKENIS) if categorie is None else categorie.betekenis


class CriteriumUitslag(NamedTuple):
    """Het oordeel over één criterium (een NamedTuple: onveranderlijk en snel, er zijn er veel)."""

    id: str
    titel: str
    pijler: str
    ernst: Ernst
    gewicht: float
    norm: str
    oordeel: Oordeel
    antwoord: str
    """Het antwoord zoals ingevuld ('40 %', 'nee', 'onbekend')."""
    toelichting: str | None
    """De toelichting van de beoordelaar bij dit antwoord."""
    nvt_reden: str | None
    """Waarom het criterium niet van toepassing is, als het automatisch nvt is."""
    kader_toelichting: str
    """Waarom het criterium telt voor kinderen (uit het kader)."""
    advies: str
    bronnen: tuple[str, ...]
    bewijs: tuple[str, ...] = ()
    """Verwijzingen naar bewijs bij het antwoord (bestanden of documentnummers)."""

    @property
    def kritiek(self) -> bool:
        return self.ernst is Ernst.kritiek


class Ingetrokken(NamedTuple):
    """Een antwoord op een criterium-id dat het kader heeft ingetrokken."""

    id: str
    vervangen_door: tuple[str, ...]
    tekst: str


@dataclass(frozen=True)
class PijlerUitslag:
    id: str
    naam: str
    score: float | None
    """Gewogen aandeel behaalde punten (0–1); None als er niets te scoren viel."""
    toelichting: str | None
    """Waarom er geen score is: geen toepasselijke criteria, of alles onbekend."""
    aantallen: dict[str, int]


@dataclass(frozen=True)
class Reden:
    regel: str
    """Welke regel van de indeling vuurde (bijvoorbeeld 'kritiek_voldoet_niet')."""
    tekst: str
    criteria: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stap:
    """Eén stap van het verbeterpad: dit criterium beoordelen (als het onbekend is) of op
    'voldoet' brengen."""

    criterium: str
    titel: str
    pijler: str
    oordeel: Oordeel
    waarom: str
    kader_toelichting: str
    advies: str
    bronnen: tuple[str, ...]
    ernst: Ernst
    vraag: str

    @property
    def actie(self) -> str:
        """'beoordelen' voor een onbekend criterium, anders 'verbeteren'."""
        return "beoordelen" if self.oordeel == Oordeel.onbekend else "verbeteren"


@dataclass(frozen=True)
class Uitslag:
    locatie: str
    gemeente: str
    soort: str
    status: str
    datum: str
    beoordelaar: str
    verklaard_kader: str | None
    """Het kader dat de beoordeling zelf noemt (``beoordeling.kader``), als dat er staat."""
    draagvlak_regio: str
    kader_id: str
    kader_versie: str
    plantoets: bool
    categorie: Categorie | None
    """None: onvoldoende beoordeeld (design §5, versie 2)."""
    omzetting: bool
    dekking: float
    pijlers: tuple[PijlerUitslag, ...]
    redenen: tuple[Reden, ...]
    verbeterpad: tuple[Stap, ...]
    doel_categorie: Categorie | None
    """De categorie die het verbeterpad bereikt; None bij categorie 3, of als het pad alleen
    zegt wat eerst beoordeeld moet worden."""
    criteria: tuple[CriteriumUitslag, ...]
    nog_te_beoordelen: tuple[str, ...]
    """Bij een plantoets: criteria die pas bij ingebruikname te beoordelen zijn."""
    waarschuwingen: tuple[str, ...]
    ingetrokken: tuple[Ingetrokken, ...] = ()
    """Antwoorden op ingetrokken criterium-ids, met wat ervoor in de plaats kwam."""
    niet_van_toepassing: tuple[str, ...] = ()
    """De criteria die hier niet gelden (doelgroep, soort of fase), ook als ``criteria`` ze niet
    noemt: een overzicht van veel locaties telt per criterium alleen waar het geldt."""
    capaciteit: int = 0
    doelgroepen: tuple[str, ...] = ()
    kinderen: int | None = None
    """Aantal kinderen op de locatie (``locatie.bewoners``), als de beoordeling het noemt."""
    amv: int | None = None
    controle: Mapping[str, str] | None = None
    """Waar de beoordeling staat in de controle: staat, door, op (``beoordeling.status``)."""
    bron: Mapping[str, str] | None = None
    """Waar ze vandaan komt: systeem, inzending, ... (``beoordeling.bron``, na ``importeer``)."""
    titels: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)
    """Criterium-id → titel, van het kader (gedeeld, niet per uitslag gekopieerd)."""
    bronnen: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)
    """De bronnenlijst van het kader: sleutel → volledige titel."""

    def titel(self, id: str) -> str:
        """De titel van een criterium, voor mensen; het id als het kader het niet kent."""
        return self.titels.get(id, id)

    def legenda(self) -> list[tuple[str, str]]:
        """De bronnen die dit rapport noemt (bij het verbeterpad en de kritieke knelpunten, ook
        in hun uitleg), voluit: zo kan een lezer ze opzoeken zonder het kader ernaast."""
        genoemd = [*(b for s in self.verbeterpad for b in s.bronnen),
                   *(b for c in self.knelpunten for b in c.bronnen)]
        sleutels = dict.fromkeys(b.partition(" ")[0] for b in genoemd)
        for c in self.knelpunten:
            sleutels.update(dict.fromkeys(
                k for k in self.bronnen if re.search(rf"\b{re.escape(k)}\b", c.kader_toelichting)))
        return [(k, self.bronnen[k]) for k in sleutels if k in self.bronnen]

    def criterium(self, id: str) -> CriteriumUitslag:
        return next(c for c in self.criteria if c.id == id)

    @property
    def onvoldoende_beoordeeld(self) -> bool:
        return self.categorie is None

    @property
    def categorie_kop(self) -> str:
        return categorie_kop(self.categorie, self.plantoets)

    @property
    def betekenis(self) -> str:
        return betekenis(self.categorie, self.plantoets)

    @property
    def voorwaarden(self) -> tuple[CriteriumUitslag, ...]:
        """Voorwaarden die niet (volledig) voldoen: zij houden categorie 3 tegen."""
        return tuple(c for c in self.criteria if c.ernst is Ernst.voorwaarde
                     and c.oordeel in (Oordeel.voldoet_niet, Oordeel.deels))

    @property
    def tekortkomingen(self) -> tuple[CriteriumUitslag, ...]:
        """Gewone criteria die niet of maar deels voldoen."""
        return tuple(c for c in self.criteria if c.ernst is Ernst.gewoon
                     and c.oordeel in (Oordeel.voldoet_niet, Oordeel.deels))

    @property
    def onbekend(self) -> tuple[CriteriumUitslag, ...]:
        """Toepasselijke criteria zonder bekend antwoord."""
        return tuple(c for c in self.criteria if c.oordeel == Oordeel.onbekend)

    @property
    def knelpunten(self) -> tuple[CriteriumUitslag, ...]:
        """Kritieke criteria die niet (volledig) voldoen of onbekend zijn."""
        return tuple(
            c for c in self.criteria
            if c.kritiek and c.oordeel in (Oordeel.voldoet_niet, Oordeel.deels, Oordeel.onbekend)
        )
