"""De snelle weg voor gewone beoordelingen: een regelgewijze lezer voor eenvoudige YAML.

Een beoordeling zoals ``sjabloon``, ``nieuw`` en de meeste editors haar schrijven is een handvol
geneste mappings met één waarde per regel en een enkele lijst. Zulke tekst lezen we hier regel
voor regel, sneller dan libyaml er een knopenboom van bouwt die we daarna omzetten. Deze lezer is bewust
streng: alles wat hij niet zeker weet (tabs, ``|``/``>``, ankers, tags, haakjes, tekst over
meerdere regels, escapes, dubbele sleutels, vreemde tekens, ...) geeft ``None``, en dan leest
``laden`` het bestand met libyaml, dat ook de foutmeldingen maakt. Wat hij wel leest, leest hij
precies zoals die weg (data en regelnummers); een test vergelijkt beide op willekeurige tekst.
"""

from __future__ import annotations

import re
from typing import Any

from azc_kwaliteit.scalars import KAAL, kale_scalar

Pad = tuple[str | int, ...]

_VREEMD = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
"""Tekens waarbij we libyaml laten beslissen: tabs, CR, stuurtekens, YAML-regeleinden als
U+0085/U+2028/U+2029, een BOM midden in de tekst, ongeldige codepunten."""
_SLEUTEL = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,127}):(?: +(.*))?")
"""Een regel ``sleutel: waarde`` of ``sleutel:``, met een eenvoudige sleutel."""
_EINDE = r"(?: *| +#.*)"
"""Wat er na een waarde op de regel mag staan: spaties, of commentaar na een spatie."""
_ENKEL = re.compile(r"'((?:[^']|'')*)'" + _EINDE)
_DUBBEL = re.compile(r'"((?:[^"\\]|\\.)*)"' + _EINDE)
_KAAL_IN_HAAKJES = r"""[^\s,\[\]{}#:'"](?:[^,\[\]{}#:]*[^\s,\[\]{}#:])?"""
_FLOW_ELEMENT = re.compile(
    r"[ ]*(?:([A-Za-z_][A-Za-z0-9_-]{0,127}):[ ]+)?"
    r"""(?:'((?:[^']|'')*)'|"((?:[^"\\]|\\.)*)"|(""" + _KAAL_IN_HAAKJES + r"))[ ]*([,\]}])")
"""Eén element van een lijst of mapping tussen haakjes: ``sleutel: waarde``-paar (alleen in een
mapping) met een waarde tussen enkele of dubbele aanhalingstekens of kale tekst, en dan een komma
of het sluithaakje."""
_SLUIT = {"[": "]", "{": "}"}
_NA_HAAKJE = re.compile(_EINDE)
_ESCAPE = re.compile(r'\\(?:([\\"bfnrt])|u([0-9a-fA-F]{4}))|\\')
_ESCAPES = {"\\": "\\", '"': '"', "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
"""De escapes die JSON ook kent (en ``naar_yaml`` schrijft); voor de rest beslist libyaml."""
_NIET_KAAL = frozenset("[]{}#&*!|>%@`,?:'\"")
"""Waarmee een waarde die wij als kale tekst lezen niet mag beginnen."""
MAX_DIEPTE = 20
"""Dieper geneste tekst laten we aan libyaml (en aan de grens van ``laden``)."""


class _Anders(Exception):
    """Deze tekst is niet eenvoudig genoeg; libyaml moet hem lezen."""


Regel = tuple[int, int, str]
"""(regelnummer, inspringing, inhoud zonder inspringing)."""


def lees_eenvoudig(tekst: str) -> tuple[dict[str, Any], dict[Pad, int]] | None:
    """De data en de regel van elke sleutel en elk lijstelement, of ``None`` als de tekst
    buiten de eenvoudige vorm valt."""
    if _VREEMD.search(tekst):
        return None
    regels: list[Regel] = []
    for nr, regel in enumerate(tekst.split("\n"), 1):
        inhoud = regel.lstrip(" ")
        if inhoud and inhoud[0] != "#":
            regels.append((nr, len(regel) - len(inhoud), inhoud))
    if not regels:
        return None
    lezer = _Lezer(regels)
    lezer.pad_regels[()] = regels[0][0]
    try:
        data = lezer.mapping(0, regels[0][1], ())
    except _Anders:
        return None
    if lezer.i != len(regels):
        return None
    return data, lezer.pad_regels


class _Lezer:
    def __init__(self, regels: list[Regel]) -> None:
        self.regels = regels
        self.i = 0
        self.pad_regels: dict[Pad, int] = {}

    def mapping(self, i: int, inspring: int, pad: Pad) -> dict[str, Any]:
        if len(pad) > MAX_DIEPTE:
            raise _Anders
        regels, pad_regels = self.regels, self.pad_regels
        mapping: dict[str, Any] = {}
        n = len(regels)
        while i < n:
            nr, ind, inhoud = regels[i]
            if ind < inspring:
                break
            m = _SLEUTEL.fullmatch(inhoud)
            if ind > inspring or m is None:
                raise _Anders
            sleutel, rest = m[1], m[2]
            if sleutel in mapping or sleutel in KAAL:
                raise _Anders
            kindpad = (*pad, sleutel)
            pad_regels[kindpad] = nr
            i += 1
            if rest and rest[0] != "#":
                mapping[sleutel] = self.waarde(rest, nr, kindpad)
                continue
            if i < n:
                volgend_ind, volgend = regels[i][1], regels[i][2]
                if volgend_ind >= inspring and (volgend == "-" or volgend.startswith("- ")):
                    mapping[sleutel] = self.lijst(i, volgend_ind, kindpad)
                    i = self.i
                    continue
                if volgend_ind > inspring:
                    mapping[sleutel] = self.mapping(i, volgend_ind, kindpad)
                    i = self.i
                    continue
            mapping[sleutel] = None
        self.i = i
        return mapping

    def lijst(self, i: int, inspring: int, pad: Pad) -> list[Any]:
        regels = self.regels
        lijst: list[Any] = []
        while i < len(regels):
            nr, ind, inhoud = regels[i]
            if ind != inspring or not inhoud.startswith("- "):
                if ind > inspring or (ind == inspring and inhoud == "-"):
                    raise _Anders  # een vervolgregel, een genest element of een leeg element
                break
            element = inhoud[2:].lstrip(" ")
            if not element or element[0] == "#":
                raise _Anders
            kindpad = (*pad, len(lijst))
            self.pad_regels[kindpad] = nr
            lijst.append(self.waarde(element, nr, kindpad))
            i += 1
        self.i = i
        return lijst

    def waarde(self, tekst: str, nr: int, pad: Pad) -> Any:
        """De waarde die de rest van regel ``nr`` beslaat: een scalar, of een lijst of mapping
        tussen haakjes zonder nesting (``[gezinnen, amv]``, ``{waarde: nee, toelichting: "…"}``)."""
        eerste = tekst[0]
        if eerste not in _SLUIT:
            return _scalar(tekst)
        sluit, pad_regels = _SLUIT[eerste], self.pad_regels
        lijst: list[Any] = []
        mapping: dict[str, Any] = {}
        pos = 1
        if tekst[1:].lstrip(" ").startswith(sluit):  # [] of {}
            pos = tekst.index(sluit, 1) + 1
        else:
            while True:
                m = _FLOW_ELEMENT.match(tekst, pos)
                if m is None:
                    raise _Anders
                sleutel, enkel, dubbel, kaal, teken = m.groups()
                element = (enkel.replace("''", "'") if enkel is not None
                           else _ontsnap(dubbel) if dubbel is not None else _scalar(kaal))
                if eerste == "[":
                    if sleutel is not None:
                        raise _Anders
                    pad_regels[(*pad, len(lijst))] = nr
                    lijst.append(element)
                else:
                    if sleutel is None or sleutel in mapping or sleutel in KAAL:
                        raise _Anders
                    pad_regels[(*pad, sleutel)] = nr
                    mapping[sleutel] = element
                pos = m.end()
                if teken != ",":
                    break
            if teken != sluit:
                raise _Anders
        if not _NA_HAAKJE.fullmatch(tekst, pos):
            raise _Anders
        return lijst if eerste == "[" else mapping


def _scalar(tekst: str) -> Any:
    """Een scalar die de rest van de regel beslaat, met eventueel commentaar erachter."""
    eerste = tekst[0]
    if eerste == "'":
        if (m := _ENKEL.fullmatch(tekst)) is None:
            raise _Anders
        return m[1].replace("''", "'")
    if eerste == '"':
        if (m := _DUBBEL.fullmatch(tekst)) is None:
            raise _Anders
        return _ontsnap(m[1])
    if eerste in _NIET_KAAL or (eerste == "-" and (len(tekst) == 1 or tekst[1] in " -")):
        raise _Anders
    if (commentaar := tekst.find(" #")) >= 0:
        tekst = tekst[:commentaar]
    tekst = tekst.rstrip(" ")
    if ": " in tekst or tekst.endswith(":"):
        raise _Anders  # libyaml weigert dit; laat hem de melding maken
    return kale_scalar(tekst)


def _ontsnap(tekst: str) -> str:
    """De inhoud van een tekst tussen dubbele aanhalingstekens, met de escapes vertaald."""
    return _ESCAPE.sub(_escape, tekst) if "\\" in tekst else tekst


def _escape(m: re.Match[str]) -> str:
    if m[1] is not None:
        return _ESCAPES[m[1]]
    if m[2] is not None and not 0xD800 <= (code := int(m[2], 16)) <= 0xDFFF:
        return chr(code)
    raise _Anders
