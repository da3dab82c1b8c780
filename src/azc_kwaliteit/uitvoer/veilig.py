# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Tekst uit een bestand blijft data, in elk kanaal: terminal, CI-log, Markdown, HTML en XML.

Namen, gemeenten, toelichtingen, bestandsnamen en kaderteksten kunnen stuurtekens bevatten
(ANSI- en OSC-reeksen, ``\\r``, tekenrichting-omkeerders), regeleinden gevolgd door
``::workflow-commando's`` van GitHub Actions, of tekens die XML 1.0 niet toestaat. Twee regels
dekken alle tekstkanalen, toegepast op de uitvoer zelf (dus ook op wat een sjabloon of een
melding ervan maakt):

- elk stuurteken (behalve regeleinde en tab) wordt zichtbaar als ``\\x1b`` of ``\\u202e``;
- een regel die na witruimte met ``::`` begint, krijgt een onzichtbaar woordverbindingsteken
  tussen de dubbele punt, zodat de runner er geen commando in leest.

In JSON (en in de dubbel-aangehaalde tekst van YAML) ontsnapt de codering de gewone stuurtekens
al; ``json`` schrijft daar ook de rest (C1, tekenrichting, regelscheiders) als ``\\u009b``: na het
inlezen dezelfde data, maar niets dat een terminal als opdracht leest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_BUITEN_C0 = "\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff"
"""DEL en C1, tekenrichting, de regelscheiders van Unicode en de BOM: wat ook JSON letterlijk laat."""
_STUURTEKEN = re.compile(f"[\x00-\x08\x0b-\x1f{_BUITEN_C0}\ufffe\uffff\ud800-\udfff]")
"""Daarbij de gewone stuurtekens (behalve tab en regeleinde) en wat XML weigert."""
_COMMANDO = re.compile(r"(^|\n)([ \t]*):(?=:)")
_WOORDVERBINDER = "\u2060"


_JSON_STUURTEKEN = re.compile(f"[{_BUITEN_C0}]")


def json(t: str) -> str:
    """JSON-tekst (of YAML-tekst tussen dubbele aanhalingstekens) met ook C1-stuurtekens en
    tekenrichting als ``\\uXXXX``; ze staan daar alleen binnen een string, waar dat geldig is."""
    if not _JSON_STUURTEKEN.search(t):
        return t
    return _JSON_STUURTEKEN.sub(lambda m: f"\\u{ord(m.group()):04x}", t)


_MOGELIJK = (b"\x7f", b"\xc2", b"\xe2\x80", b"\xe2\x81", b"\xef\xbb")
"""De UTF-8-voorvoegsels van die tekens: zonder een ervan hoeft een stuk JSON niet gedecodeerd."""


def json_bytes(b: bytes) -> bytes:
    """``json`` voor JSON als bytes (de samenvattingen in de tussenopslag)."""
    if not any(v in b for v in _MOGELIJK):
        return b
    return json(b.decode("utf-8")).encode("utf-8")


def _zichtbaar(m: re.Match[str]) -> str:
    teken = ord(m.group())
    return f"\\x{teken:02x}" if teken < 0x100 else f"\\u{teken:04x}"


def tekst(t: str) -> str:
    """Een stuk uitvoertekst (dat aan het begin van een regel begint) zonder stuurtekens en
    zonder regel die een workflow-commando kan zijn."""
    if _STUURTEKEN.search(t):
        t = _STUURTEKEN.sub(_zichtbaar, t)
    if "::" in t:
        t = _COMMANDO.sub(_onschadelijk, t)
    return t


def _onschadelijk(m: re.Match[str]) -> str:
    return m.group(1) + m.group(2) + ":" + _WOORDVERBINDER


def regel(t: object) -> str:
    """Eén melding als precies één regel (voor ``fout:``- en ``waarschuwing:``-regels)."""
    return tekst(str(t).replace("\r\n", "\n").replace("\n", "\\n").replace("\r", "\\r"))


def stukken(delen: Iterable[str]) -> Iterator[str]:
    """``tekst`` op uitvoer in stukken; onthoudt of het volgende stuk op een nieuwe regel begint
    (een commando kan niet over twee stukken gesplitst worden: Jinja geeft elke waarde heel)."""
    begin = True
    for deel in delen:
        if not deel:
            continue
        schoon = tekst(deel) if begin else _midden(deel)
        yield schoon
        begin = schoon.endswith("\n")


def _midden(deel: str) -> str:
    """Een stuk dat midden op een regel begint: alleen na een regeleinde kan een commando staan."""
    kop, nl, rest = deel.partition("\n")
    kop = _STUURTEKEN.sub(_zichtbaar, kop)
    return kop + (nl + tekst(rest) if nl else "")
