"""De uitslag van een beoordeling: onveranderlijke waarden die de weergave alleen hoeft te tonen."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum
from typing import NamedTuple

from azc_kwaliteit.antwoorden import Oordeel


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
        return _BETEKENIS[self]


def op_of_onder(tellingen: Mapping[str, int], grens: int) -> int:
    """Hoeveel locaties in categorie ``grens`` of lager vallen, uit de tellingen per categorie
    (``{"kritiek": …, "verbeterbaar": …, "goed": …}``, zoals in de samenvatting van een batch)."""
    return sum(tellingen[c.naam] for c in Categorie if c <= grens)


_BETEKENIS = {
    Categorie.kritiek: "Kritieke locatie met urgente knelpunten.",
    Categorie.verbeterbaar: "Op korte termijn is verbetering mogelijk.",
    Categorie.goed: "Goed functionerende locatie; kan reguliere opvang worden, mits er draagvlak "
    "in de regio is.",
}


class CriteriumUitslag(NamedTuple):
    """Het oordeel over één criterium (een NamedTuple: onveranderlijk en snel, er zijn er veel)."""

    id: str
    titel: str
    pijler: str
    kritiek: bool
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
    """Eén stap van het verbeterpad: dit criterium op 'voldoet' brengen."""

    criterium: str
    titel: str
    pijler: str
    oordeel: Oordeel
    waarom: str
    kader_toelichting: str
    advies: str
    bronnen: tuple[str, ...]


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
    categorie: Categorie
    omzetting: bool
    dekking: float
    pijlers: tuple[PijlerUitslag, ...]
    redenen: tuple[Reden, ...]
    verbeterpad: tuple[Stap, ...]
    doel_categorie: Categorie | None
    """De categorie die het verbeterpad bereikt; None bij categorie 3."""
    criteria: tuple[CriteriumUitslag, ...]
    nog_te_beoordelen: tuple[str, ...]
    """Bij een plantoets: criteria die pas bij ingebruikname te beoordelen zijn."""
    waarschuwingen: tuple[str, ...]

    def criterium(self, id: str) -> CriteriumUitslag:
        return next(c for c in self.criteria if c.id == id)

    @property
    def tekortkomingen(self) -> tuple[CriteriumUitslag, ...]:
        """Niet-kritieke criteria die niet of maar deels voldoen."""
        return tuple(c for c in self.criteria if not c.kritiek
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
