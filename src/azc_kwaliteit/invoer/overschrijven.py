# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Wat de uitvoer niet mag overschrijven: een invoerbestand van dezelfde opdracht, of een ingevulde
beoordeling. Een vergissing in ``-o`` mag geen dag inspectiewerk kosten; met ``--forceer`` kan het
toch, bewust.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from azc_kwaliteit.domein.fouten import InvoerFout, SchrijfFout, bestandsnaam
from azc_kwaliteit.domein.vertalen import _
from azc_kwaliteit.invoer.laden import lees_bestand

_YAML = (".yaml", ".yml")


def bewaak(doel: Path, invoer: Iterable[Path] = (), *, forceer: bool = False) -> None:
    """Een ``SchrijfFout`` als ``doel`` een invoer van deze opdracht is (een genoemd bestand, of een
    YAML-bestand in een genoemde map) of een ingevulde beoordeling; niets bij ``forceer``."""
    if forceer or not os.path.lexists(doel):
        return
    reden = _reden(doel, list(invoer))
    if reden is not None:
        raise SchrijfFout(bestandsnaam(doel), _("{reden}; kies een ander uitvoerbestand, of gebruik "
                                                "--forceer om het toch te overschrijven").format(reden=reden))


def _reden(doel: Path, invoer: list[Path]) -> str | None:
    if not doel.is_file():
        return None  # een pijp of apparaat (/dev/null, /dev/stdout) vervangt niets
    for pad in invoer:
        try:
            if pad.is_file() and os.path.samefile(doel, pad):
                return _("is een invoerbestand van deze opdracht")
            if (pad.is_dir() and doel.name.lower().endswith(_YAML)
                    and os.path.commonpath([os.path.realpath(doel), os.path.realpath(pad)])
                    == os.path.realpath(pad)):
                return _("is een beoordeling in een map die deze opdracht leest")
        except OSError:
            continue
    if doel.name.lower().endswith(_YAML) and _ingevuld(doel):
        return _("bestaat al en is een ingevulde beoordeling")
    return None


def _ingevuld(pad: Path) -> bool:
    """Of het bestand een beoordeling is met minstens één antwoord, of met een naam of gemeente
    (een leeg sjabloon is dat niet); een YAML-bestand dat niet te lezen is, telt voor de zekerheid
    ook."""
    try:
        data = lees_bestand(pad).data
    except InvoerFout:
        return True
    if not isinstance(data, dict) or not {"locatie", "antwoorden"} & set(data):
        return False
    antwoorden, locatie = data.get("antwoorden"), data.get("locatie")
    if isinstance(antwoorden, dict) and any(v is not None for v in antwoorden.values()):
        return True
    return isinstance(locatie, dict) and any(locatie.get(k) for k in ("naam", "gemeente"))
