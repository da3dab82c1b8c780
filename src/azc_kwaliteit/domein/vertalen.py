# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De taal die de gebruiker leest (``--taal``, ``AZC_TAAL``): Nederlands is de brontaal, Engels
komt uit een gettext-catalogus in de package.

Elke tekst voor mensen staat één keer in de code, in het Nederlands, gemarkeerd met ``_`` (nu
vertalen), ``n_`` (enkelvoud of meervoud) of ``N_`` (alleen markeren; vertaald waar de tekst
getoond wordt, zoals hulpteksten). ``pybabel`` haalt ze eruit (``vertalingen/README.md``); de
catalogus ``vertalingen/en.po`` en zijn gecompileerde ``en.mo`` staan in de package, zodat er bij
het draaien alleen de standaardbibliotheek nodig is. Eén actieve taal per proces: de CLI kiest hem
vóór het werk, batchwerkers erven hem (fork).
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from importlib import resources

TALEN = ("nl", "en")
"""De talen van de uitvoer; de eerste is de brontaal."""
BRONTAAL = TALEN[0]

_actief: gettext.NullTranslations = gettext.NullTranslations()
_taal = BRONTAAL


@cache
def catalogus(taal: str) -> gettext.NullTranslations:
    """De vertalingen naar ``taal`` (gelezen uit de package, ook uit een wheel of zip)."""
    if taal == BRONTAAL:
        return gettext.NullTranslations()
    ruw = resources.files("azc_kwaliteit").joinpath("vertalingen", f"{taal}.mo").read_bytes()
    return gettext.GNUTranslations(io.BytesIO(ruw))


def kies(taal: str) -> None:
    """Maak ``taal`` de taal van alles wat dit proces hierna zegt."""
    global _actief, _taal
    if taal not in TALEN:
        raise ValueError(f"onbekende taal {taal!r}; kies uit {', '.join(TALEN)}")
    _actief, _taal = catalogus(taal), taal


def taal() -> str:
    """De gekozen taal ('nl' of 'en')."""
    return _taal


def vertalingen() -> gettext.NullTranslations:
    """De actieve catalogus (voor Jinja's ``i18n``-extensie)."""
    return _actief


def _(tekst: str) -> str:
    """``tekst`` in de gekozen taal."""
    return _actief.gettext(tekst)


def n_(enkelvoud: str, meervoud: str, n: int) -> str:
    """Enkelvoud of meervoud bij ``n``, in de gekozen taal."""
    return _actief.ngettext(enkelvoud, meervoud, n)


def N_(tekst: str) -> str:
    """Markeer ``tekst`` voor de catalogus zonder hem nu te vertalen (hij wordt vertaald waar hij
    getoond wordt, zoals de hulpteksten van de opdrachten)."""
    return tekst
