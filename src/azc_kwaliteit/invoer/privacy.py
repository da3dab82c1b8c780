"""Persoonsgegevens in vrije tekst opsporen, en beoordelingen anonimiseren voor publicatie.

Beoordelingen beschrijven waar kinderen wonen. Een toelichting hoort over de locatie te gaan, niet
over een kind: een BSN, V-nummer, e-mailadres of telefoonnummer in vrije tekst is bijna altijd een
vergissing. We waarschuwen (met de regel) en laten bij ``--anonimiseer`` de beoordelaar en alle
toelichtingen weg uit wat gepubliceerd wordt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from azc_kwaliteit.domein.modellen import Beoordeling
from azc_kwaliteit.invoer.laden import Pad

_BSN = re.compile(r"(?<![\d-])(\d{9}|\d{4}[ .]\d{2}[ .]\d{3})(?![\d-])")
_V_NUMMER = re.compile(r"(?i)\bv[- ]?(?:nr\.?|nummer)?[:.]?\s*(\d{10})\b|(?<!\d)(\d{10})(?!\d)")
_CIJFER_OF_AT = re.compile(r"[\d@]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TELEFOON = re.compile(r"(?<![\d+])(?:\+31|0031|0)[ -]?[1-9](?:[ -]?\d){8}(?!\d)")


@dataclass(frozen=True)
class Vondst:
    """Iets dat op een persoonsgegeven lijkt, en waar het staat."""

    pad: Pad
    soort: str


def elfproef(cijfers: str) -> bool:
    """De elfproef voor een BSN: 9 cijfers, gewichten 9..2 en -1, som deelbaar door 11."""
    if len(cijfers) != 9 or not cijfers.isdigit() or cijfers == "000000000":
        return False
    som = sum(int(c) * w for c, w in zip(cijfers[:8], range(9, 1, -1), strict=True))
    return (som - int(cijfers[8])) % 11 == 0


def in_tekst(tekst: str) -> list[str]:
    """De soorten persoonsgegevens die in ``tekst`` lijken te staan."""
    soorten: list[str] = []
    if not _CIJFER_OF_AT.search(tekst):
        return soorten  # zonder cijfers en zonder @ kan geen van de patronen passen
    if any(elfproef(re.sub(r"\D", "", m.group(1))) for m in _BSN.finditer(tekst)):
        soorten.append("een BSN")
    if _V_NUMMER.search(tekst):
        soorten.append("een V-nummer")
    if _EMAIL.search(tekst):
        soorten.append("een e-mailadres")
    if _TELEFOON.search(tekst):
        soorten.append("een telefoonnummer")
    return soorten


def vrije_teksten(b: Beoordeling) -> Iterator[tuple[Pad, str]]:
    """Alle vrije tekst van een beoordeling, met het pad waar die staat."""
    yield ("beoordeling", "beoordelaar"), b.beoordeling.beoordelaar
    yield ("locatie", "naam"), b.locatie.naam
    for cid, antwoord in b.antwoorden.items():  # een geldig antwoord zelf is nooit vrije tekst
        if antwoord.toelichting:
            yield ("antwoorden", cid, "toelichting"), antwoord.toelichting


def zoek(b: Beoordeling) -> list[Vondst]:
    """Elke vrije tekst die op een persoonsgegeven lijkt."""
    return [Vondst(pad, soort) for pad, tekst in vrije_teksten(b) for soort in in_tekst(tekst)]


def anonimiseer(b: Beoordeling) -> Beoordeling:
    """Dezelfde beoordeling zonder beoordelaar en zonder toelichtingen (voor publicatie)."""
    kop = b.beoordeling.model_copy(update={"beoordelaar": "(weggelaten)"})
    antwoorden = {cid: a._replace(toelichting=None)
                  for cid, a in b.antwoorden.items()}
    return b.model_copy(update={"beoordeling": kop, "antwoorden": antwoorden})


def waarschuwing(veld: str, soort: str) -> str:
    """De waarschuwing bij een vondst (zonder plek), voor ``beoordeel`` en ``batch``."""
    return (f"{veld} lijkt {soort} te bevatten; persoonsgegevens horen niet in een beoordeling "
            "(gebruik --anonimiseer voor publicatie)")
