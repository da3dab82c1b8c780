# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Persoonsgegevens in vrije tekst opsporen, en beoordelingen anonimiseren voor publicatie.

Beoordelingen beschrijven waar kinderen wonen. Een toelichting hoort over de locatie te gaan, niet
over een kind: een BSN, V-nummer, e-mailadres, telefoon- of rekeningnummer in vrije tekst is bijna
altijd een vergissing. We waarschuwen (met de regel) en laten bij ``--anonimiseer`` de beoordelaar
en alle toelichtingen weg uit wat gepubliceerd wordt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from azc_kwaliteit.domein.modellen import Beoordeling
from azc_kwaliteit.domein.vertalen import _
from azc_kwaliteit.invoer.laden import Pad

_BSN = re.compile(r"(?<![\d.-])\d(?:[ .]?\d){8}(?![ .]?\d)")
"""Negen cijfers, ook in groepjes met spaties of punten (123.456.782, 1234 56 782); de
elfproef beslist."""
_V_NUMMER = re.compile(r"(?i)\bv[- ]?(?:nr\.?|nummer)?[:.]?[ \t]{0,3}(\d{10})\b|(?<!\w)(\d{10})(?!\d)")
"""Tien cijfers, met of zonder 'V-nummer' ervoor; zonder, en als het ook een telefoonnummer kan
zijn (0612345678), is het een telefoonnummer."""
_IBAN = re.compile(r"(?i)(?<!\w)NL\d\d ?[A-Z]{4}(?: ?\d){10}(?!\d)")
"""Een Nederlands rekeningnummer (IBAN), ook in groepjes van vier; de controle modulo 97 beslist."""
_CIJFER_OF_AT = re.compile(r"[\d@]")
_VOOR_AT = re.compile(r"[\w.+-]{1,64}$")
_NA_AT = re.compile(r"[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_TELEFOON = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d ()./-]{7,22}\d(?!\d)")
"""Een kandidaat voor een telefoonnummer; of het er een is, beslissen de cijfers (``_is_telefoon``).
Elk patroon heeft een vaste bovengrens, zodat de controle lineair blijft in de lengte van de tekst."""
_CITAAT = re.compile(r"'[^']*'")


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
    if any(elfproef(re.sub(r"\D", "", m.group())) for m in _BSN.finditer(tekst)):
        soorten.append(_("een BSN"))
    if any(m.group(1) or not _is_telefoon(m.group(2)) for m in _V_NUMMER.finditer(tekst)):
        soorten.append(_("een V-nummer"))
    if any(_is_iban(m.group()) for m in _IBAN.finditer(tekst)):
        soorten.append(_("een rekeningnummer (IBAN)"))
    if "@" in tekst and _heeft_email(tekst):
        soorten.append(_("een e-mailadres"))
    if any(_bevat_telefoon(m.group()) for m in _TELEFOON.finditer(tekst)):
        soorten.append(_("een telefoonnummer"))
    return soorten


def _is_iban(kandidaat: str) -> bool:
    """De controle van ISO 13616: landcode en controlecijfers achteraan, letters als 10..35, de rest
    modulo 97 is 1."""
    tekens = kandidaat.replace(" ", "").upper()
    getal = "".join(str(int(t, 36)) for t in tekens[4:] + tekens[:4])
    return int(getal) % 97 == 1


def _heeft_email(tekst: str) -> bool:
    """Een e-mailadres rond een @: vanaf elke @ kort terug en kort vooruit kijken (een patroon dat
    op elke plek van de tekst begint, kost bij lange teksten kwadratisch veel tijd)."""
    i = tekst.find("@")
    while i != -1:
        if _VOOR_AT.search(tekst, max(0, i - 64), i) and _NA_AT.match(tekst, i + 1):
            return True
        i = tekst.find("@", i + 1)
    return False


def _bevat_telefoon(kandidaat: str) -> bool:
    """Of een reeks cijfergroepen een telefoonnummer bevat; een kandidaat kan twee getallen na
    elkaar omvatten ('06-12345678 123456782'), dus elk aaneengesloten stuk telt."""
    delen = kandidaat.split(" ")
    return any(_is_telefoon(" ".join(delen[i:j]))
               for i in range(len(delen)) for j in range(i + 1, len(delen) + 1))


def _is_telefoon(kandidaat: str) -> bool:
    """Een Nederlands nummer in een gangbare schrijfwijze: 06-12345678, (020) 123 4567,
    +31 (0)6 12345678, 0031 20 1234567. Tien cijfers na de 0 (of 31 plus negen)."""
    tekst = kandidaat.replace("(0)", "")
    cijfers = re.sub(r"\D", "", tekst)
    if tekst.startswith("+"):
        cijfers = "00" + cijfers
    if cijfers.startswith("0031"):
        cijfers = "0" + cijfers[4:]
    return len(cijfers) == 10 and cijfers[0] == "0" and cijfers[1] != "0"


def vrije_teksten(b: Beoordeling) -> Iterator[tuple[Pad, str]]:
    """Alle vrije tekst van een beoordeling, met het pad waar die staat."""
    yield ("beoordeling", "beoordelaar"), b.beoordeling.beoordelaar
    yield ("locatie", "naam"), b.locatie.naam
    yield ("locatie", "gemeente"), b.locatie.gemeente
    if b.beoordeling.status is not None and b.beoordeling.status.door:
        yield ("beoordeling", "status", "door"), b.beoordeling.status.door
    for cid, antwoord in b.antwoorden.items():  # een geldig antwoord zelf is nooit vrije tekst
        if antwoord.toelichting:
            yield ("antwoorden", cid, "toelichting"), antwoord.toelichting
        for i, verwijzing in enumerate(antwoord.bewijs):
            yield ("antwoorden", cid, "bewijs", i), verwijzing


def zoek(b: Beoordeling) -> list[Vondst]:
    """Elke vrije tekst die op een persoonsgegeven lijkt."""
    return [Vondst(pad, soort) for pad, tekst in vrije_teksten(b) for soort in in_tekst(tekst)]


def anonimiseer(b: Beoordeling) -> Beoordeling:
    """Dezelfde beoordeling zonder beoordelaar en zonder toelichtingen (voor publicatie)."""
    kop = b.beoordeling.model_copy(update={"beoordelaar": "(weggelaten)"})
    antwoorden = {cid: a._replace(toelichting=None)
                  for cid, a in b.antwoorden.items()}
    return b.model_copy(update={"beoordeling": kop, "antwoorden": antwoorden})


def waarschuwing(veld: str, soort: str, anoniem: bool = False) -> str:
    """De waarschuwing bij een vondst (zonder plek), voor ``beoordeel`` en ``batch``. Met
    ``--anonimiseer`` zegt ze wat er met dit veld gebeurde, in plaats van die optie aan te raden."""
    kern = _("{veld} lijkt {soort} te bevatten; persoonsgegevens horen niet in een beoordeling").format(
        veld=veld, soort=soort)
    if not anoniem:
        return _("{kern} (gebruik --anonimiseer voor publicatie)").format(kern=kern)
    if veld.startswith("locatie."):  # naam en gemeente blijven: zonder hen is er geen rapport
        return _("{kern}; --anonimiseer laat dit veld staan, haal het uit het bestand").format(kern=kern)
    return _("{kern}; in deze uitvoer weggelaten (--anonimiseer)").format(kern=kern)


def anonimiseer_melding(melding: str) -> str:
    """Een foutmelding zonder de tekst die ze citeert ('kreeg …'): die komt uit het bestand en
    kan persoonsgegevens bevatten. Wat tussen enkele aanhalingstekens staat, gaat eruit."""
    return _CITAAT.sub("'(weggelaten)'", melding)
