# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Taal voor mensen: interne waarden in woorden, en enkelvoud of meervoud bij een aantal.

Eén plek, zodat tekst, Markdown, HTML en de terminal hetzelfde zeggen ("in gebruik", niet
``in_gebruik``; "1 ongeldig bestand", niet "1 ongeldige bestand(en)"), in de gekozen taal
(``vertalen``).
"""

from __future__ import annotations

from azc_kwaliteit.domein.vertalen import N_, _, n_, taal

WOORDEN = {
    "in_gebruik": N_("in gebruik"),
    "gepland": N_("gepland"),
    "azc": N_("azc"),
    "noodopvang": N_("noodopvang"),
    "crisisnoodopvang": N_("crisisnoodopvang"),
    "gemeentelijke_opvang": N_("gemeentelijke opvang"),
    "gezinslocatie": N_("gezinslocatie"),
    "amv_kleinschalig": N_("kleinschalige opvang voor amv"),
    "aanmeldcentrum": N_("aanmeldcentrum"),
    "gezinnen": N_("gezinnen"),
    "amv": N_("alleenstaande minderjarigen (amv)"),
    "kritiek": N_("kritiek"),
    "voorwaarde": N_("voorwaarde"),
    "gewoon": N_("gewoon"),
    "ja": N_("ja"),
    "nee": N_("nee"),
    "onbekend": N_("onbekend"),
    "concept": N_("concept"),
    "ingediend": N_("ingediend"),
    "goedgekeurd": N_("goedgekeurd"),
    "afgewezen": N_("afgewezen"),
    "voldoet": N_("voldoet"),
    "deels": N_("deels"),
    "voldoet_niet": N_("voldoet niet"),
    "nvt": N_("niet van toepassing"),
    "ja_nee": N_("ja of nee"),
    "getal": N_("getal"),
    "schaal": N_("schaal"),
    "onvoldoende_beoordeeld": N_("onvoldoende beoordeeld"),
    "verbeterbaar": N_("verbeterbaar"),
    "goed": N_("goed"),
}
"""Elke waarde die als woord in een rapport kan staan (soorten, doelgroepen, fasen, ernst,
draagvlak, status, oordelen, criteriumsoorten)."""


def woord(waarde: object) -> str:
    """Een waarde uit het kader of een beoordeling zoals een mens hem leest."""
    tekst = str(getattr(waarde, "value", waarde))
    return _(WOORDEN[tekst]) if tekst in WOORDEN else tekst.replace("_", " ")


def kreeg(waarde: object) -> str:
    """Wat er stond, kort, voor 'kreeg …' in een melding (ook voor de validatie)."""
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, dict):
        return _("een mapping")
    if isinstance(waarde, list):
        return _("een lijst")
    if waarde is None:
        return _("niets (leeg)")
    tekst = str(waarde).replace("'", "’")  # zo staat precies het citaat tussen de aanhalingstekens
    return f"'{tekst[:60]}…'" if len(tekst) > 60 else f"'{tekst}'"


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """'1 ongeldig bestand', '2 ongeldige bestanden' (de woorden vertaald met ``n_``)."""
    return f"{n} {n_(enkelvoud, meervoud, n)}"


MAANDEN = (N_("januari"), N_("februari"), N_("maart"), N_("april"), N_("mei"), N_("juni"),
           N_("juli"), N_("augustus"), N_("september"), N_("oktober"), N_("november"),
           N_("december"))


def datum(iso: str) -> str:
    """'2026-09-15' → '15 september 2026' (Engels: '15 September 2026'); wat geen ISO-datum is,
    blijft zoals het is."""
    jaar, _sep, rest = str(iso).partition("-")
    maand, _sep, dag = rest.partition("-")
    if not (jaar.isdigit() and maand.isdigit() and dag.isdigit() and 1 <= int(maand) <= 12):
        return str(iso)
    naam = _(MAANDEN[int(maand) - 1])
    return f"{int(dag)} {naam if taal() == 'nl' else naam.capitalize()} {jaar}"
