# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""YAML veilig en precies inlezen: één doorgang die data, regelnummers en weigeringen oplevert.

PyYAML's ``yaml.load`` besteedt de meeste tijd in zijn Python-constructor en houdt bij dubbele
sleutels stilzwijgend de laatste (dan is een antwoord van de inspecteur kwijt). Daarom laten we
libyaml alleen de knopenboom opbouwen (``yaml.compose``) en zetten die hier zelf om. In dezelfde
doorgang:

- krijgt elke sleutel zijn regelnummer, zodat elke melding ``bestand:regel`` kan noemen;
- worden dubbele sleutels geweigerd;
- blijven ``yes/no/on/off/y/n`` tekst (alleen ``true``/``false`` zijn booleans) en datums tekst,
  zodat Pydantic ze streng controleert;
- worden ankers/aliassen en onbekende tags (``!!python/...``) geweigerd.

Eenvoudige tekst leest ``laden_snel`` zonder PyYAML; het libyaml-deel staat in ``libyaml`` en wordt
pas geladen als een bestand het nodig heeft.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from azc_kwaliteit.domein.fouten import InvoerFout, bestandsnaam, is_utf8, systeemreden
from azc_kwaliteit.domein.vertalen import _
from azc_kwaliteit.invoer.laden_snel import Pad as Pad  # ook voor wie een pad noemt
from azc_kwaliteit.invoer.laden_snel import lees_eenvoudig

MAX_BYTES = 2 * 1024 * 1024
"""Een beoordeling is een paar kilobyte; alles boven deze grens is een vergissing of een aanval."""


def _grens() -> str:
    return _("een beoordeling mag hoogstens {mb} MB zijn").format(mb=MAX_BYTES // (1024 * 1024))


MAX_DIEPTE = 40
"""Geen geldig document nest dieper dan een handvol niveaus."""

_INHOUD = re.compile(r"^[ \t]*[^\s#]", re.M)
"""Een regel met iets anders dan witruimte of commentaar."""


@dataclass(frozen=True)
class YamlDocument:
    """De omgezette data plus het regelnummer (1-based) van elke sleutel en elk lijstelement."""

    bestand: str
    data: Any
    regels: dict[Pad, int]

    def regel(self, pad: Pad) -> int | None:
        """De regel van ``pad``, of van het dichtstbijzijnde bestaande ouderpad."""
        for n in range(len(pad), -1, -1):
            if (r := self.regels.get(pad[:n])) is not None:
                return r
        return None


def lees_bestand(pad: Path, naam: str | None = None) -> YamlDocument:
    """Lees en ontleed een YAML-bestand; elke fout wordt een ``InvoerFout`` met ``bestand:regel``."""
    bestand = naam or bestandsnaam(pad)
    if naam is None and not is_utf8(pad):
        raise InvoerFout.enkel(bestand, None, _("de bestandsnaam is geen UTF-8; hernoem het bestand, "
                                                "anders kan geen rapport of CI-uitvoer ernaar verwijzen"))
    try:
        fd = os.open(pad, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            status = os.fstat(fd)
            grootte = status.st_size
            if grootte > MAX_BYTES:
                raise InvoerFout.enkel(bestand, None,
                                       _("bestand is te groot ({waarde} KB); {grens}").format(
                                           waarde=grootte // 1024, grens=_grens()))
            # een gewoon bestand: één leesactie van precies zijn grootte (+1 om groei te zien)
            ruw = (os.read(fd, grootte + 1) if stat.S_ISREG(status.st_mode)
                   else _lees_tot_einde(fd))
        finally:
            os.close(fd)
    except OSError as e:
        raise InvoerFout.enkel(bestand, None, os_melding(e, pad)) from None
    if len(ruw) > MAX_BYTES:
        raise InvoerFout.enkel(bestand, None, _("bestand is te groot; {grens}").format(grens=_grens()))
    return lees_tekst(decodeer(ruw, bestand), bestand)


def _lees_tot_einde(fd: int) -> bytes:
    """Een pijp of apparaat (``<(...)``, ``/dev/stdin``) meldt grootte 0: lees in stukken tot
    het einde, hoogstens ``MAX_BYTES + 1`` bytes."""
    delen = []
    gelezen = 0
    while gelezen <= MAX_BYTES and (deel := os.read(fd, min(65536, MAX_BYTES + 1 - gelezen))):
        delen.append(deel)
        gelezen += len(deel)
    return b"".join(delen)


def os_melding(e: OSError, pad: Path) -> str:
    """Een fout van het besturingssysteem bij het lezen, in het Nederlands."""
    if e.errno == errno.ENOENT:
        return (_("symbolische koppeling naar een bestand dat niet bestaat") if pad.is_symlink()
                else _("bestand bestaat niet"))
    if e.errno in (errno.EACCES, errno.EPERM):
        return _("geen leesrechten voor dit bestand")
    return systeemreden(e)


def decodeer(ruw: bytes, bestand: str) -> str:
    """UTF-8 (met of zonder BOM); binaire of anders gecodeerde bestanden krijgen een duidelijke melding."""
    if b"\x00" in ruw:
        regel = ruw[: ruw.index(b"\x00")].count(b"\n") + 1
        raise InvoerFout.enkel(bestand, regel, _("binair bestand (nul-byte); verwacht YAML-tekst"))
    try:
        return ruw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        regel = ruw[: e.start].count(b"\n") + 1
        raise InvoerFout.enkel(
            bestand, regel, _("ongeldige tekens; sla het bestand op als UTF-8")
        ) from None


def lees_tekst(tekst: str, bestand: str, *, snelpad: bool = True) -> YamlDocument:
    """Ontleed YAML-tekst tot een ``YamlDocument``: eenvoudige tekst langs de snelle weg
    (``laden_snel``), al het andere (en elke fout) met libyaml. ``snelpad=False`` dwingt libyaml
    af, voor de test die beide vergelijkt."""
    if not _INHOUD.search(tekst):
        raise InvoerFout.enkel(bestand, 1, _("het bestand is leeg; verwacht een YAML-mapping"))
    if snelpad and (eenvoudig := lees_eenvoudig(tekst)) is not None:
        return YamlDocument(bestand, *eenvoudig)
    from azc_kwaliteit.invoer.libyaml import ontleed

    return ontleed(tekst, bestand)
