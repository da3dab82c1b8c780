# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Waar het programma zijn eigen bestanden zet: één cachemap per gebruiker, zoals andere
opdrachtregelprogramma's (``$XDG_CACHE_HOME/azc-kwaliteit``, anders ``~/.cache/azc-kwaliteit``).

Alleen de plek; wie erin schrijft (het foutlog, het ingebouwde kader als JSON, de gecompileerde
sjablonen), doet dat zelf en gaat door als het niet lukt.
"""

from __future__ import annotations

import os
from pathlib import Path


def cachemap() -> Path:
    """De cachemap van de gebruiker voor azc-kwaliteit (nog niet aangemaakt)."""
    basis = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(basis) / "azc-kwaliteit"
