# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De vorm van de batch-JSON (README, "JSON"; design §6) als getypte woordenboeken.

Dezelfde sleutels gaan naar JSON, JUnit, SARIF, Markdown, HTML en de terminal; met deze typen
controleert mypy dat een schrijver en een lezer dezelfde sleutel bedoelen, in plaats van dat een
typefout in een string pas in een rapport opvalt.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import NotRequired, TypedDict

from azc_kwaliteit.domein.modellen import KaderHerkomst


class Locatie(TypedDict):
    naam: str
    gemeente: str
    soort: str
    status: str
    draagvlak_regio: str


class Reden(TypedDict):
    regel: str
    tekst: str
    criteria: list[str]


class PijlerScore(TypedDict):
    naam: str
    score: float | None


class KorteStap(TypedDict):
    criterium: str
    oordeel: str


class Bevinding(TypedDict):
    """Een criterium dat niet (volledig) voldoet, of een onbekend kritiek criterium of voorwaarde,
    met de regel van zijn antwoord (voor SARIF en annotaties)."""

    criterium: str
    oordeel: str
    ernst: str
    kritiek: bool
    antwoord: str
    regel: int | None


class IngetrokkenVondst(TypedDict):
    criterium: str
    regel: int | None
    tekst: str


class PrivacyVondst(TypedDict):
    regel: int | None
    veld: str
    soort: str


class Ronde(TypedDict):
    datum: str
    categorie: int | None
    bestand: str


class UitslagKern(TypedDict):
    """Wat elke JSON-vorm van een uitslag deelt: ``beoordeel --formaat json`` en elke batchregel."""

    locatie: Locatie
    plantoets: bool
    categorie: int | None
    """None: onvoldoende beoordeeld."""
    onvoldoende_beoordeeld: bool
    omzetting: bool
    dekking: float
    redenen: list[Reden]


class Beoordeling(TypedDict):
    datum: str
    kader: str | None
    """Het kader dat de beoordeling zelf noemt (``id@versie``), als ze dat doet."""


class LocatieSamenvatting(UitslagKern):
    """Eén regel van ``resultaten``: de nieuwste ronde van een locatie."""

    bestand: str
    beoordeling: Beoordeling
    pijlers: dict[str, PijlerScore]
    verbeterpad: list[KorteStap]
    bevindingen: list[Bevinding]
    niet_van_toepassing: list[str]
    """Criteria die voor deze locatie niet gelden (doelgroep, soort, of een plan)."""
    criteria: NotRequired[list[list[str]]]
    """Met ``--csv-criteria``: per criterium [id, oordeel, antwoord, ernst]."""
    rapport: NotRequired[str]
    """De HTML-pagina van de locatie (met ``--html``)."""
    ingetrokken: NotRequired[list[IngetrokkenVondst]]
    privacy: NotRequired[list[PrivacyVondst]]
    trend: NotRequired[str]
    """↑, ↓ of = tegen de vorige ronde, als die er is."""
    rondes: NotRequired[int]
    vorige_ronde: NotRequired[Ronde]


class FoutRegel(TypedDict):
    bestand: str
    regel: int | None
    melding: str


class GeplandTelling(TypedDict):
    """De plantoetsen onder de locaties, per verwachte categorie."""

    beoordelingen: int
    kritiek: int
    onvoldoende_beoordeeld: int
    verbeterbaar: int
    goed: int


class Telling(TypedDict):
    """Per categorie alle locaties (nieuwste ronde), geplande ook: zo telt de poort (``--faal-bij``)
    ook een plan. ``gepland`` zegt hoeveel daarvan plantoetsen zijn; rapporten voor mensen tonen
    die apart van de locaties in gebruik."""

    beoordelingen: int
    kritiek: int
    onvoldoende_beoordeeld: int
    verbeterbaar: int
    goed: int
    omzetting: int
    ongeldig: int
    eerdere_rondes: int
    gepland: GeplandTelling
    niet_goedgekeurd: NotRequired[int]
    """Met ``--alleen-goedgekeurd``: geldige beoordelingen die niet goedgekeurd zijn."""
    overgeslagen: NotRequired[int]
    """Bestanden die niet gelezen zijn: koppelingen buiten de map, pijpen, dubbele koppelingen."""


class Poort(TypedDict):
    faal_bij: int | None
    gezakt: int
    """Hoeveel locaties in categorie ``faal_bij`` of lager vallen, of onvoldoende beoordeeld zijn."""


class BatchData(TypedDict):
    kader: KaderHerkomst
    samenvatting: Telling
    poort: Poort
    resultaten: Sequence[LocatieSamenvatting]
    """Van schijf gelezen bij het doorlopen, niet als lijst in het geheugen."""
    fouten: Collection[FoutRegel]
    html_basis: NotRequired[str]
    """Waar de HTML-rapporten staan, gezien vanuit de Markdown-samenvatting."""
