# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De foutsoorten van het project.

Een gebruikersfout (ongeldig bestand, onbekend criterium) is een ``InvoerFout``: de CLI toont
hem als één Nederlandse regel per probleem met ``bestand:regel`` en stopt met code 2. Alles wat
geen ``KwaliteitFout`` is, is een bug (code 3).
"""

from __future__ import annotations

import errno
from dataclasses import dataclass

from azc_kwaliteit.domein.vertalen import N_, _


def bestandsnaam(pad: object) -> str:
    """Een bestandsnaam zoals hij in meldingen en uitvoer staat. Een naam die geen UTF-8 is (bytes
    die Python als surrogaten bewaart) krijgt ``\\xff``-ontsnappingen: zo kan hij in JSON, XML en
    op de terminal, en blijft hij herkenbaar."""
    tekst = str(pad)
    if tekst.isascii():
        return tekst
    return tekst.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def is_utf8(pad: object) -> bool:
    tekst = str(pad)
    return tekst.isascii() or bestandsnaam(tekst) == tekst


_SYSTEEMREDENEN = {
    errno.ENOSPC: N_("de schijf is vol"),
    errno.EDQUOT: N_("het schijfquotum is op"),
    errno.EROFS: N_("het bestandssysteem is alleen-lezen"),
    errno.EACCES: N_("geen rechten"),
    errno.EPERM: N_("geen rechten"),
    errno.ENOENT: N_("bestand of map bestaat niet"),
    errno.ENOTDIR: N_("een deel van het pad is geen map"),
    errno.EISDIR: N_("dit is een map, geen bestand"),
    errno.ELOOP: N_("symbolische koppeling die naar zichzelf verwijst (een lus)"),
    errno.ENAMETOOLONG: N_("bestandsnaam is te lang"),
}


def systeemreden(e: OSError) -> str:
    """Waarom het besturingssysteem weigerde, in de taal van de gebruiker (``strerror`` is altijd
    Engels); een zeldzame code met zijn nummer en de tekst van het systeem."""
    if (e.errno or 0) in _SYSTEEMREDENEN:
        return _(_SYSTEEMREDENEN[e.errno or 0])
    return _("foutcode {code}: {tekst}").format(code=e.errno, tekst=e.strerror or e)


@dataclass(frozen=True)
class Probleem:
    """Eén gevonden probleem in een invoerbestand."""

    bestand: str
    regel: int | None
    melding: str

    def __str__(self) -> str:
        plek = f"{self.bestand}:{self.regel}" if self.regel is not None else self.bestand
        return f"{plek}: {self.melding}"


@dataclass(frozen=True)
class Melding:
    """Een waarschuwing over een plek in een bestand (of over het geheel, zonder ``bestand``):
    mogelijke persoonsgegevens, een ingetrokken id, een overgeslagen bestand."""

    bestand: str | None
    regel: int | None
    tekst: str

    def __str__(self) -> str:
        plek = "" if self.bestand is None else (
            f"{self.bestand}:{self.regel}: " if self.regel else f"{self.bestand}: ")
        return plek + self.tekst


class KwaliteitFout(Exception):
    """Basis van alle fouten die het project zelf meldt: de enige die de CLI als gebruikersfout
    (code 2) toont. Elke andere uitzondering is een bug."""

    def regels(self) -> list[str]:
        """De melding als regels voor de gebruiker (zonder 'fout: ')."""
        return [str(self)]


class InvoerFout(KwaliteitFout):
    """Een of meer problemen in een bestand dat de gebruiker aanlevert (beoordeling of kader)."""

    def __init__(self, problemen: list[Probleem]) -> None:
        if not problemen:
            raise ValueError("InvoerFout zonder problemen")
        self.problemen = problemen
        super().__init__("\n".join(str(p) for p in problemen))

    def regels(self) -> list[str]:
        return [str(p) for p in self.problemen]

    @classmethod
    def enkel(cls, bestand: str, regel: int | None, melding: str) -> InvoerFout:
        return cls([Probleem(bestand, regel, melding)])


class KaderFout(InvoerFout):
    """Het kader zelf is ongeldig of inconsistent."""


class SchrijfFout(KwaliteitFout):
    """Een uitvoerbestand of -map is niet te schrijven: geen rechten, schijf vol, map weg."""

    def __init__(self, pad: str, reden: str) -> None:
        self.pad = pad
        super().__init__(f"{pad}: {reden}")


class OngeldigAntwoord(KwaliteitFout, ValueError):
    """Een antwoord past niet bij zijn criterium of vraag (Nederlandse melding). Ook een
    ``ValueError``, zodat Pydantic het in een validator als gewone validatiefout behandelt."""
