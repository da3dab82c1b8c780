# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De opties die meerdere opdrachten delen, de formaten en de exitcodes (design §6).

Bewust zonder ``from __future__ import annotations``: Typer leest de annotaties van elke opdracht,
en moest ze dan telkens uit tekst evalueren (zie ``cli/__init__``).
"""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

OK, POORT_GEZAKT, ONGELDIG, INTERN = 0, 1, 2, 3
ONDERBROKEN = 130
"""Ctrl-C (128 + SIGINT), zoals de shell het telt."""
BEEINDIGD = 143
"""SIGTERM (128 + 15)."""
AFGEKAPT = 141
"""De lezer van stdout is gestopt (``| head``): 128 + SIGPIPE, niet 1 (dat is de poort)."""


class Formaat(StrEnum):
    tekst = "tekst"
    json = "json"
    markdown = "markdown"
    html = "html"


class BatchFormaat(StrEnum):
    tekst = "tekst"
    json = "json"
    markdown = "markdown"
    junit = "junit"
    sarif = "sarif"


class VergelijkFormaat(StrEnum):
    tekst = "tekst"
    json = "json"
    markdown = "markdown"


class DocumentFormaat(StrEnum):
    markdown = "markdown"
    html = "html"


class SchemaSoort(StrEnum):
    beoordeling = "beoordeling"
    kader = "kader"


KaderOptie = Annotated[
    Path | None,
    typer.Option("--kader", metavar="PAD",
                 help="Ander kaderbestand (YAML). Zonder deze optie geldt het ingebouwde kader."),
]
FormaatOptie = Annotated[
    Formaat, typer.Option("--formaat", "-f", help="Uitvoerformaat.", case_sensitive=False)
]
SjabloonOptie = Annotated[
    Path | None,
    typer.Option("--sjabloon", metavar="PAD",
                 help="Render met een eigen Jinja-sjabloon (in een sandbox); gaat voor --formaat."),
]
AnonimiseerOptie = Annotated[
    bool,
    typer.Option("--anonimiseer", help="Laat de beoordelaar en alle toelichtingen weg "
                 "(voor rapporten die openbaar worden)."),
]
DoelOptie = Annotated[
    int | None,
    typer.Option("--doel", min=2, max=3, metavar="2|3",
                 help="De categorie waar het verbeterpad heen gaat (standaard de volgende; "
                 "--doel 3 geeft het hele pad naar goed)."),
]
ForceerOptie = Annotated[
    bool,
    typer.Option("--forceer", help="Overschrijf met --uitvoer ook een invoerbestand van deze "
                 "opdracht of een ingevulde beoordeling."),
]
UitvoerOptie = Annotated[
    Path | None,
    typer.Option("--uitvoer", "-o", metavar="PAD",
                 help="Schrijf naar dit bestand in plaats van naar het scherm."),
]


class Taal(StrEnum):
    nl = "nl"
    en = "en"


TaalOptie = Annotated[
    Taal,
    typer.Option("--taal", envvar="AZC_TAAL", case_sensitive=False, is_eager=True,
                 help="De taal van alles wat het programma zegt en schrijft: nl of en. JSON-"
                 "sleutels blijven Nederlands."),
]
"""Op elke opdracht. ``NlGroup.main`` kiest de taal al vóór het ontleden (ook voor ``--help`` en
gebruiksfouten); de optie zelf maakt hem zichtbaar in de hulp en keurt de waarde."""
