# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De vorm van een kader en van een beoordeling (Pydantic v2, streng en onveranderlijk).

Deze modellen controleren alleen de structuur. Of een antwoord past bij het criterium uit het
kader, controleert ``valideren``; de inhoudelijke samenhang van een kader controleert
``Kader.controleer_samenhang`` hieronder.
"""

from __future__ import annotations

import datetime as dt
import math
from enum import StrEnum
from typing import Annotated, Literal, NamedTuple, TypedDict

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from azc_kwaliteit.domein.taal import kreeg, woord
from azc_kwaliteit.domein.vertalen import _

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=2, max_length=80)]
Tekst = Annotated[str, Field(min_length=1, max_length=5000)]
KorteTekst = Annotated[str, Field(min_length=1, max_length=300)]


def _zonder_dubbel(waarden: list[StrEnum], wat: str = _("een waarde")) -> list[StrEnum]:
    """Een lijst van doelgroepen, fasen of soorten noemt elke waarde één keer."""
    if len(set(waarden)) != len(waarden):
        raise ValueError(_("{wat} staat dubbel in de lijst").format(wat=wat))
    return waarden


class Model(BaseModel):
    """Gemeenschappelijke instellingen: onbekende sleutels zijn fouten, modellen zijn bevroren."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False,
                              str_strip_whitespace=True, allow_inf_nan=False)


class Doelgroep(StrEnum):
    gezinnen = "gezinnen"
    amv = "amv"


class Fase(StrEnum):
    in_gebruik = "in_gebruik"
    gepland = "gepland"


class Soort(StrEnum):
    azc = "azc"
    noodopvang = "noodopvang"
    crisisnoodopvang = "crisisnoodopvang"
    gemeentelijke_opvang = "gemeentelijke_opvang"
    gezinslocatie = "gezinslocatie"
    amv_kleinschalig = "amv_kleinschalig"
    aanmeldcentrum = "aanmeldcentrum"


class Ernst(StrEnum):
    """Hoe zwaar een criterium weegt voor de categorie (design §5, versie 2). De indeling volgt de
    rechter (Rb Den Haag 6-10-2022, Hof Den Haag 20-12-2022): wat direct moet, wat binnen een
    redelijke termijn moet, en de rest."""

    kritiek = "kritiek"
    """Voldoet niet → categorie 1, bij elke dekking."""
    voorwaarde = "voorwaarde"
    """Voldoet niet, deels of onbekend → hoogstens categorie 2."""
    gewoon = "gewoon"
    """Telt alleen mee in de pijlerscore."""


def ernst_label(ernst: Ernst) -> str:
    """' (kritiek)' of ' (voorwaarde)' achter een titel; leeg voor een gewoon criterium. Ook het
    Jinja-filter ``ernst_label`` van de sjablonen."""
    return "" if ernst is Ernst.gewoon else f" ({woord(ernst)})"


class Draagvlak(StrEnum):
    ja = "ja"
    nee = "nee"
    onbekend = "onbekend"


# ---------------------------------------------------------------- kader

Taalcode = Annotated[str, Field(pattern=r"^[a-z]{2}$")]
"""Een taal van de uitvoer, als ISO 639-1-code (``en``)."""


class KopVertaling(Model):
    naam: KorteTekst | None = None
    beschrijving: Tekst | None = None


class KaderKop(Model):
    id: Slug
    naam: KorteTekst
    versie: KorteTekst
    beschrijving: Tekst | None = None
    bronnen: dict[str, KorteTekst] = {}
    vertalingen: dict[Taalcode, KopVertaling] = {}
    """De teksten van het kader in een andere taal (``--taal``); wat ontbreekt, blijft
    Nederlands en de uitvoer zegt dat (``kadertaal``)."""


class IndelingVertaling(Model):
    toelichting: Tekst | None = None


class Indeling(Model):
    """De drempels van de categorieregels (design §5)."""

    kritiek_onder: float = Field(ge=0, le=1)
    goed_vanaf: float = Field(ge=0, le=1)
    min_dekking: float = Field(gt=0, le=1)
    min_dekking_oordeel: float = Field(default=0, ge=0, le=1)
    """Onder deze dekking is de locatie onvoldoende beoordeeld (tenzij al categorie 1)."""
    toelichting: Tekst | None = None
    """Waar de drempels vandaan komen."""
    vertalingen: dict[Taalcode, IndelingVertaling] = {}

    @model_validator(mode="after")
    def _volgorde(self) -> Indeling:
        if not self.kritiek_onder < self.goed_vanaf:
            raise ValueError(
                _("kritiek_onder ({kritiek_onder}) moet kleiner zijn dan goed_vanaf ({goed_vanaf}), "
                  "anders is categorie 2 onbereikbaar").format(
                      kritiek_onder=self.kritiek_onder, goed_vanaf=self.goed_vanaf)
            )
        if self.min_dekking_oordeel > self.min_dekking:
            raise ValueError(
                _("min_dekking_oordeel ({min_dekking_oordeel}) mag niet hoger zijn dan min_dekking "
                  "({min_dekking}): een oordeel vraagt minder dan 'goed'").format(
                      min_dekking_oordeel=self.min_dekking_oordeel, min_dekking=self.min_dekking)
            )
        return self


class PijlerVertaling(Model):
    naam: KorteTekst | None = None
    beschrijving: Tekst | None = None


class Pijler(Model):
    id: Slug
    naam: KorteTekst
    beschrijving: Tekst | None = None
    vertalingen: dict[Taalcode, PijlerVertaling] = {}


class Grens(Model):
    """Een inclusief interval; ``min`` en/of ``max``."""

    min: float | None = None
    max: float | None = None

    @model_validator(mode="after")
    def _een_grens(self) -> Grens:
        if self.min is None and self.max is None:
            raise ValueError(_("geef min, max of allebei"))
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(_("min ({min}) is groter dan max ({max})").format(min=self.min, max=self.max))
        return self

    def bevat(self, waarde: float) -> bool:
        return (self.min is None or waarde >= self.min) and (self.max is None or waarde <= self.max)

    @property
    def _lo(self) -> float:
        return self.min if self.min is not None else -math.inf

    @property
    def _hi(self) -> float:
        return self.max if self.max is not None else math.inf

    def omvat(self, ander: Grens) -> bool:
        """Of dit interval ``ander`` helemaal bevat."""
        return self._lo <= ander._lo and ander._hi <= self._hi

    def overlapt(self, ander: Grens) -> bool:
        """Of de twee intervallen minstens één waarde delen."""
        return max(self._lo, ander._lo) <= min(self._hi, ander._hi)


_PROCENT = Grens(min=0, max=100)
_NIET_NEGATIEF = Grens(min=0)


class Schaalnorm(Model):
    voldoet: int
    deels: int | None = None


class CriteriumVertaling(Model):
    titel: KorteTekst | None = None
    vraag: Tekst | None = None
    toelichting: Tekst | None = None
    advies: Tekst | None = None
    eenheid: KorteTekst | None = None
    niveaus: dict[int, KorteTekst] = {}
    """Alleen bij een schaal: de naam van elk niveau."""


class CriteriumBasis(Model):
    id: Slug
    pijler: Slug
    titel: KorteTekst
    vraag: Tekst
    gewicht: float = Field(gt=0, le=100)
    ernst: Ernst = Ernst.gewoon
    doelgroepen: list[Doelgroep] = Field(default=[Doelgroep.gezinnen, Doelgroep.amv], min_length=1)
    fasen: list[Fase] = Field(default=[Fase.in_gebruik], min_length=1)
    soorten: list[Soort] = []
    bronnen: list[KorteTekst] = Field(min_length=1)
    euaa: list[KorteTekst] = []
    """Europese standaarden die het criterium uitwerkt en die niet al bij de bronnen staan
    (``easo-g std. 5``, ``rcd2024 art. 20``); de kruistabel neemt ze samen met de Europese
    bronnen (EASO/EUAA-richtsnoeren en de Opvangrichtlijn)."""
    toelichting: Tekst
    advies: Tekst
    eenheid: KorteTekst | None = None
    vertalingen: dict[Taalcode, CriteriumVertaling] = {}

    @model_validator(mode="before")
    @classmethod
    def _oude_kritiek(cls, data: object) -> object:
        """Een kader van vóór 2027.1 zegt ``kritiek: true``; dat is ``ernst: kritiek``."""
        if not isinstance(data, dict) or "kritiek" not in data:
            return data
        data = dict(data)
        oud = data.pop("kritiek")
        if not isinstance(oud, bool):
            raise ValueError(_("kritiek: verwacht true of false, kreeg '{oud}'").format(oud=oud))
        nieuw = Ernst.kritiek.value if oud else Ernst.gewoon.value
        if "ernst" in data and data["ernst"] != nieuw:
            raise ValueError(_("kritiek: {waarde} spreekt ernst: {ernst} tegen; gebruik alleen ernst").format(
                waarde=str(oud).lower(), ernst=data['ernst']))
        data.setdefault("ernst", nieuw)
        return data

    @property
    def kritiek(self) -> bool:
        return self.ernst is Ernst.kritiek

    @property
    def ernst_label(self) -> str:
        return ernst_label(self.ernst)

    _uniek = field_validator("doelgroepen", "fasen", "soorten")(lambda w: _zonder_dubbel(w))


class JaNeeCriterium(CriteriumBasis):
    type: Literal["ja_nee"]
    verwacht: Literal["ja", "nee"] = "ja"

    @field_validator("verwacht", mode="before")
    @classmethod
    def _bool(cls, v: object) -> object:
        return {True: "ja", False: "nee"}.get(v, v) if isinstance(v, bool) else v


class GetalCriterium(CriteriumBasis):
    type: Literal["getal"]
    norm: Grens
    deels: Grens | None = None
    bereik: Grens | None = None
    """Welke antwoorden mogelijk zijn; standaard 0 of meer, en bij eenheid % ook hoogstens 100."""

    @model_validator(mode="after")
    def _samenhang(self) -> GetalCriterium:
        if self.deels is not None and not self.deels.omvat(self.norm):
            raise ValueError(_("de deels-band moet de norm omvatten (deels is ruimer dan de norm)"))
        if not self.toegestaan().overlapt(self.norm):
            raise ValueError(_("geen enkel mogelijk antwoord voldoet aan de norm (norm valt buiten het "
                               "bereik)"))
        return self

    def toegestaan(self) -> Grens:
        if self.bereik is not None:
            return self.bereik
        return _PROCENT if self.eenheid == "%" else _NIET_NEGATIEF


class SchaalCriterium(CriteriumBasis):
    type: Literal["schaal"]
    niveaus: dict[int, KorteTekst] = Field(min_length=2)
    norm: Schaalnorm

    @model_validator(mode="after")
    def _samenhang(self) -> SchaalCriterium:
        for naam, niveau in (("voldoet", self.norm.voldoet), ("deels", self.norm.deels)):
            if niveau is not None and niveau not in self.niveaus:
                raise ValueError(_("norm.{naam} ({niveau}) is geen van de niveaus {niveaus}").format(
                    naam=naam, niveau=niveau, niveaus=sorted(self.niveaus)))
        if self.norm.deels is not None and self.norm.deels >= self.norm.voldoet:
            raise ValueError(_("norm.deels moet lager zijn dan norm.voldoet"))
        return self


Criterium = Annotated[JaNeeCriterium | GetalCriterium | SchaalCriterium, Field(discriminator="type")]


class ThemaVertaling(Model):
    naam: KorteTekst | None = None
    verslag: Tekst | None = None


class Thema(Model):
    """Een thema uit het verslag van de rondetafel, en de criteria die het dekken."""

    naam: KorteTekst
    verslag: Tekst
    criteria: list[Slug] = Field(min_length=1)
    vertalingen: dict[Taalcode, ThemaVertaling] = {}


class IngetrokkenVertaling(Model):
    reden: Tekst | None = None


class Ingetrokken(Model):
    """Een criterium-id dat niet meer geldt. Een id krijgt nooit een andere betekenis: wie een
    norm anders wil, trekt het oude id in en kiest een nieuw."""

    id: Slug
    sinds: KorteTekst
    """De kaderversie waarin het id verdween."""
    vervangen_door: list[Slug] = []
    reden: Tekst
    overnemen: bool = False
    """Het antwoord betekent bij het (ene) vervangende criterium precies hetzelfde en wordt
    daarom overgenomen; anders moet het opnieuw beoordeeld worden."""
    vertalingen: dict[Taalcode, IngetrokkenVertaling] = {}

    @model_validator(mode="after")
    def _een_vervanger(self) -> Ingetrokken:
        if self.overnemen and len(self.vervangen_door) != 1:
            raise ValueError(_("overnemen kan alleen met precies één vervangend criterium"))
        return self


class Kader(Model):
    kader: KaderKop
    indeling: Indeling
    pijlers: list[Pijler] = Field(min_length=1)
    criteria: list[Criterium] = Field(min_length=1)
    themas: list[Thema] = []
    ingetrokken: list[Ingetrokken] = []

    def criterium(self, id: str) -> JaNeeCriterium | GetalCriterium | SchaalCriterium | None:
        return next((c for c in self.criteria if c.id == id), None)

    def ingetrokken_id(self, id: str) -> Ingetrokken | None:
        return next((i for i in self.ingetrokken if i.id == id), None)

    @property
    def label(self) -> str:
        return f"{self.kader.id}@{self.kader.versie}"


# ---------------------------------------------------------------- beoordeling


class Bewoners(Model):
    kinderen: int = Field(ge=0, le=100_000)
    amv: int = Field(default=0, ge=0, le=100_000)


class Locatie(Model):
    naam: KorteTekst
    gemeente: KorteTekst
    soort: Soort
    status: Fase
    capaciteit: int = Field(gt=0, le=100_000)
    doelgroepen: list[Doelgroep] = Field(min_length=1)
    bewoners: Bewoners | None = None
    draagvlak_regio: Draagvlak = Draagvlak.onbekend

    _uniek = field_validator("doelgroepen")(lambda w: _zonder_dubbel(w, _("een doelgroep")))


class Staat(StrEnum):
    """Waar een beoordeling staat in de controle: een review in KoboToolbox of ODK Central, of
    een eigen afspraak. Alleen ``goedgekeurd`` telt bij ``batch --alleen-goedgekeurd``."""

    concept = "concept"
    ingediend = "ingediend"
    goedgekeurd = "goedgekeurd"
    afgewezen = "afgewezen"


class Status(Model):
    staat: Staat
    door: KorteTekst | None = None
    op: KorteTekst | None = None
    """Wanneer (zoals het bronsysteem het schrijft, bijvoorbeeld ISO 8601)."""


class Bron(Model):
    """Waar een beoordeling vandaan komt als ze niet met de hand is geschreven: een inzending
    in KoboToolbox of ODK Central, via ``importeer``."""

    systeem: KorteTekst
    inzending: KorteTekst
    """De uuid van de inzending: hetzelfde bestand bij opnieuw importeren."""
    formulier: KorteTekst | None = None
    """Id en versie van het formulier waarmee is ingevuld."""
    ingediend: KorteTekst | None = None
    export: KorteTekst | None = None
    """Het exportbestand en de rij waar de inzending in stond."""


class BeoordelingKop(Model):
    datum: dt.date
    beoordelaar: KorteTekst
    kader: KorteTekst | None = None
    status: Status | None = None
    bron: Bron | None = None

    @field_validator("datum", mode="before")
    @classmethod
    def _iso(cls, v: object) -> object:
        if not isinstance(v, str | dt.date):
            raise ValueError(_("verwacht een datum als JJJJ-MM-DD, kreeg {kreeg}").format(
                kreeg=kreeg(v)))
        return beoordelingsdatum(v)


def beoordelingsdatum(v: str | dt.date) -> dt.date:
    """Een bestaande datum als JJJJ-MM-DD die niet in de toekomst ligt (``ValueError`` in het
    Nederlands anders); voor het model en voor de vraag in ``nieuw``."""
    if isinstance(v, str):
        try:
            v = dt.date.fromisoformat(v.strip())
        except ValueError:
            raise ValueError(_("verwacht een bestaande datum als JJJJ-MM-DD, kreeg '{v}'").format(
                v=v)) from None
    if v > dt.date.today():
        raise ValueError(_("de datum {datum} ligt in de toekomst").format(datum=v.isoformat()))
    return v


AntwoordWaarde = bool | int | Annotated[float, Field(allow_inf_nan=True)] | str
"""NaN en oneindig komen door het model heen, zodat ``antwoorden.lees`` ze weigert met een melding
die zegt welk getal er verwacht werd."""


class Antwoord(NamedTuple):
    """Een antwoord: een kale waarde of ``{waarde, toelichting}``. Een NamedTuple, geen model:
    een beoordeling heeft er tientallen, en een batch duizenden beoordelingen."""

    waarde: AntwoordWaarde | None = None
    """Leeg (``None``) betekent: nog niet ingevuld, dus onbekend."""
    toelichting: Tekst | None = None
    bewijs: tuple[KorteTekst, ...] = ()
    """Verwijzingen naar bewijs (bestandsnamen of documentnummers), nooit de bestanden zelf."""


def _als_mapping(a: object) -> object:
    """Een kaal antwoord is de waarde; daarna gaat alles via ``{waarde, toelichting}``."""
    return a if isinstance(a, dict) else {"waarde": a}


class Beoordeling(Model):
    locatie: Locatie
    beoordeling: BeoordelingKop
    antwoorden: dict[str, Annotated[Antwoord, BeforeValidator(_als_mapping)]] = {}

    @field_validator("antwoorden", mode="before")
    @classmethod
    def _leeg(cls, v: object) -> object:
        return {} if v is None else v


class KaderHerkomst(TypedDict):
    """Welke normen golden: id en versie van het kader, de hash en het bestand waar het uit kwam.
    Staat in elke uitvoer (``kader`` in de JSON)."""

    id: str
    versie: str
    hash: str
    bestand: str
