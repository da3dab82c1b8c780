"""Bestanden atomair schrijven: een onderbroken run laat het oude of het volledige nieuwe bestand
achter, nooit een half bestand."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def schrijf_atomair(pad: Path, tekst: str | Iterable[str]) -> None:
    """Schrijf ``tekst`` (UTF-8; één string of stukken na elkaar) naar een tijdelijk bestand naast
    ``pad`` en hernoem het dan."""
    map_ = pad.parent if str(pad.parent) else Path(".")
    map_.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}.", suffix=".tmp", dir=map_)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.writelines([tekst] if isinstance(tekst, str) else tekst)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tijdelijk, pad)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tijdelijk)
        raise
