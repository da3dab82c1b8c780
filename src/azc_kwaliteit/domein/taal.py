# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Nederlands voor mensen: interne waarden in woorden, en enkelvoud of meervoud bij een aantal.

Eén plek, zodat tekst, Markdown, HTML en de terminal hetzelfde zeggen ("in gebruik", niet
``in_gebruik``; "1 ongeldig bestand", niet "1 ongeldige bestand(en)").
"""

from __future__ import annotations

WOORDEN = {
    "in_gebruik": "in gebruik",
    "gepland": "gepland",
    "gemeentelijke_opvang": "gemeentelijke opvang",
    "amv_kleinschalig": "kleinschalige opvang voor amv",
    "amv": "alleenstaande minderjarigen (amv)",
    "voldoet_niet": "voldoet niet",
    "ja_nee": "ja of nee",
    "onvoldoende_beoordeeld": "onvoldoende beoordeeld",
}


def woord(waarde: object) -> str:
    """Een waarde uit het kader of een beoordeling zoals een mens hem leest."""
    tekst = str(getattr(waarde, "value", waarde))
    return WOORDEN.get(tekst, tekst.replace("_", " "))


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """'1 ongeldig bestand', '2 ongeldige bestanden'."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"


MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")


def datum(iso: str) -> str:
    """'2026-09-15' → '15 september 2026'; wat geen ISO-datum is, blijft zoals het is."""
    jaar, _, rest = str(iso).partition("-")
    maand, _, dag = rest.partition("-")
    if not (jaar.isdigit() and maand.isdigit() and dag.isdigit() and 1 <= int(maand) <= 12):
        return str(iso)
    return f"{int(dag)} {MAANDEN[int(maand) - 1]} {jaar}"
