# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De vertaalcatalogus bijwerken: alle teksten voor mensen uit de code, de sjablonen en de hulp
van de opdrachten, tegen ``vertalingen/<taal>.po``, en die dan gecompileerd tot ``<taal>.mo``.

Gebruik (met Babel, uit de test-extra):
    python hulpmiddelen/catalogus.py           # .po bijwerken en .mo compileren
    python hulpmiddelen/catalogus.py --open    # alleen tonen wat nog niet vertaald is

Nieuwe teksten komen in de .po zonder vertaling; vul ``msgstr`` in en draai het opnieuw.
``tests/test_taal.py`` faalt zolang er een tekst zonder vertaling is, of een .mo die niet bij zijn
.po hoort. De hulpteksten van Typer staan in docstrings en ``help=``, die geen extractor ziet;
die leest dit script uit de opgebouwde opdrachtboom, precies zoals ``--help`` ze toont.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

WORTEL = Path(__file__).resolve().parent.parent
PAKKET = WORTEL / "src" / "azc_kwaliteit"
MAP = PAKKET / "vertalingen"
TALEN = ("en",)
METHODES = [("**/sjablonen/**.j2", "jinja2.ext:babel_extract"), ("**.py", "python")]
OPTIES = {"**/sjablonen/**.j2": {"trim_blocks": "true", "lstrip_blocks": "true",
                                 "trimmed": "true", "newstyle_gettext": "true", "silent": "false"}}
SLEUTELWOORDEN = {"_": None, "n_": (1, 2), "N_": None, "gettext": None, "ngettext": (1, 2),
                  "aantal": (2, 3), "per_ernst": (4, 5)}
"""``aantal(n, enkelvoud, meervoud)`` en ``per_ernst(..., enkelvoud, meervoud)`` vertalen hun woorden
met ``n_``."""


def _uit_de_code() -> Iterator[tuple[str | tuple[str, str], str]]:
    for bestand, regel, bericht, _commentaar, _context in extract_from_dir(
            str(PAKKET), METHODES, OPTIES, SLEUTELWOORDEN, strip_comment_tags=True):
        yield bericht, f"{bestand}:{regel}"


def _uit_de_hulp() -> Iterator[tuple[str, str]]:
    """De hulpteksten zoals ``--help`` ze toont (na ``alinea_s``)."""
    sys.path.insert(0, str(WORTEL / "src"))
    import typer.main

    from azc_kwaliteit import cli
    from azc_kwaliteit.cli.nl import HULPVELDEN, PARAMVELDEN, _opdrachten

    for o in _opdrachten(typer.main.get_command(cli.app)):
        for naam in HULPVELDEN:
            if getattr(o, naam, None):
                yield getattr(o, naam), f"hulp:{o.name}"
        for p in o.params:
            for naam in PARAMVELDEN:
                if getattr(p, naam, None):
                    yield getattr(p, naam), f"hulp:{o.name}:{p.name}"


def sjabloon() -> Catalog:
    """Alle teksten die een vertaling nodig hebben (de .pot, in het geheugen)."""
    pot = Catalog(project="azc-kwaliteit", fuzzy=False)
    for bericht, plek in [*_uit_de_code(), *_uit_de_hulp()]:
        if bericht and bericht != "":
            bestand, _, regel = plek.rpartition(":")
            pot.add(bericht, locations=[(bestand, int(regel) if regel.isdigit() else 0)])
    return pot


def lees(taal: str) -> Catalog:
    pad = MAP / f"{taal}.po"
    if not pad.exists():
        return Catalog(locale=taal, project="azc-kwaliteit")
    with pad.open("rb") as f:
        return read_po(f, locale=taal)


def gecompileerd(catalogus: Catalog) -> bytes:
    uit = io.BytesIO()
    write_mo(uit, catalogus)
    return uit.getvalue()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--open", action="store_true", help="toon alleen wat nog niet vertaald is")
    a = p.parse_args()
    pot = sjabloon()
    for taal in TALEN:
        catalogus = lees(taal)
        catalogus.update(pot, no_fuzzy_matching=True)
        open_ = [b.id for b in catalogus if b.id and not b.string]
        if a.open:
            for bericht in open_:
                print(repr(bericht))
            continue
        with (MAP / f"{taal}.po").open("wb") as f:
            write_po(f, catalogus, width=100, omit_header=False, sort_output=True,
                     include_previous=False, ignore_obsolete=True, no_location=True)
        (MAP / f"{taal}.mo").write_bytes(gecompileerd(catalogus))
        print(f"{taal}: {len(catalogus)} teksten, {len(open_)} nog niet vertaald")


if __name__ == "__main__":
    main()
