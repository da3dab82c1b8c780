# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Tekst omgebroken op de breedte van een terminal: op woordgrenzen, nooit midden in een woord,
en een vervolgregel springt in tot onder de tekst van zijn opsomming ("- ", "1. ", "✗ ").

Alleen voor een terminal: naar een pijp of bestand blijft elke regel heel (voor grep en diff).
"""

from __future__ import annotations

import re
import textwrap

_BEGIN = re.compile(r"( *)((?:[-•✗✓~?*]|\d{1,3}\.|\[[^\]\s]{1,3}\]|[A-Za-z][a-z]{2,12}:) )?")
"""Inspringing, en een opsommingsteken of kort label waarna de vervolgregels beginnen."""

MINSTE = 20
"""Smaller dan dit breekt niets meer zinnig om; dan blijven de regels zoals ze zijn."""


def ombreek(tekst: str, breedte: int) -> str:
    """Breek elke te lange regel van ``tekst`` om op ``breedte`` kolommen."""
    if breedte < MINSTE:
        return tekst
    regels = []
    for regel in tekst.split("\n"):
        if len(regel) <= breedte:
            regels.append(regel)
            continue
        begin = _BEGIN.match(regel)
        inspring = len(begin.group(1)) + len(begin.group(2) or "") if begin else 0
        if inspring > breedte // 2:
            inspring = min(len(begin.group(1)) if begin else 0, breedte // 2) + 2
        regels.append(textwrap.fill(regel, breedte, subsequent_indent=" " * inspring,
                                    break_long_words=False, break_on_hyphens=False))
    return "\n".join(regels)
