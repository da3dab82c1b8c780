# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De snelle weg voor gewone beoordelingen: een regelgewijze lezer voor eenvoudige YAML.

Een beoordeling zoals ``sjabloon``, ``nieuw`` en de meeste mensen haar schrijven is een handvol
geneste mappings met één waarde per regel, een enkele lijst en hier en daar ``[a, b]`` of
``{waarde: nee, toelichting: "..."}``. Zulke tekst lezen we hier regel voor regel, ruim twee keer
sneller dan libyaml er een knopenboom van bouwt die we daarna omzetten. Deze lezer is bewust
streng: alles wat hij niet zeker weet (tabs, ``|``/``>``, ankers, tags, geneste haakjes, tekst over
meerdere regels, zeldzame escapes, dubbele sleutels, vreemde tekens, ...) geeft ``None``, en dan
leest ``laden`` het bestand met libyaml, dat ook de foutmeldingen maakt. Wat hij wel leest, leest
hij precies zoals die weg (data en regelnummers); een test vergelijkt beide op willekeurige tekst.
"""

from __future__ import annotations

import re
from typing import Any

from azc_kwaliteit.invoer.scalars import KAAL, kale_scalar

Pad = tuple[str | int, ...]

_VREEMD = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
"""Tekens waarbij we libyaml laten beslissen: tabs, CR, stuurtekens, YAML-regeleinden als
U+0085/U+2028/U+2029, een BOM midden in de tekst, ongeldige codepunten."""
_NAAM = r"([A-Za-z_][A-Za-z0-9_-]{0,127})"
"""Een eenvoudige sleutel: nooit een getal, boolean of null, nooit langer dan libyaml toestaat."""
_IN_ENKEL = r"'((?:[^']|'')*)'"
_IN_DUBBEL = r'"((?:[^"\\]|\\.)*)"'
"""Tekst tussen enkele of dubbele aanhalingstekens op één regel (de inhoud als groep)."""
_REGEL = re.compile(r"^( *)(?:" + _NAAM + r":(?: +(.*))?|(-(?: .*)?)|#.*|([^ #].*))?$", re.M)
"""Elke regel in één keer: inspringing, dan ``sleutel: waarde`` of ``sleutel:`` (eenvoudige
sleutel), of een lijstelement ``- waarde``, of commentaar of niets; al het andere valt in de
laatste groep en gaat naar libyaml."""
_EINDE = r"(?: *| +#.*)"
"""Wat er na een waarde op de regel mag staan: spaties, of commentaar na een spatie."""
_ENKEL = re.compile(_IN_ENKEL + _EINDE)
_DUBBEL = re.compile(_IN_DUBBEL + _EINDE)
_KAAL_IN_HAAKJES = r"""[^\s,\[\]{}#:'"](?:[^,\[\]{}#:]*[^\s,\[\]{}#:])?"""
_FLOW_ELEMENT = re.compile(
    r"[ ]*(?:" + _NAAM + r":[ ]+)?(?:" + _IN_ENKEL + "|" + _IN_DUBBEL + "|(" + _KAAL_IN_HAAKJES
    + r"))[ ]*([,\]}])")
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
_GEWOON = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.")
"""Een waarde die hiermee begint en geen ``:`` of ``#`` bevat, is gewone kale tekst of een getal."""
MAX_DIEPTE = 20
"""Dieper geneste tekst laten we aan libyaml (en aan de grens van ``laden``)."""


class _Anders(Exception):
    """Deze tekst is niet eenvoudig genoeg; libyaml moet hem lezen."""


def lees_eenvoudig(tekst: str) -> tuple[dict[str, Any], dict[Pad, int]] | None:
    """De data en de regel van elke sleutel en elk lijstelement, of ``None`` als de tekst
    buiten de eenvoudige vorm valt."""
    if _VREEMD.search(tekst):
        return None
    try:
        return _lees(tekst)
    except _Anders:
        return None


def _lees(tekst: str) -> tuple[dict[str, Any], dict[Pad, int]]:
    """Eén doorgang over de regels met een stapel open mappings (inspringing, mapping, pad).

    Een sleutel zonder waarde wacht op de volgende regel: dieper ingesprongen sleutels maken er
    een mapping van, ``- `` (ook op dezelfde inspringing) een lijst, en anders is hij leeg."""
    wortel: dict[str, Any] = {}
    pad_regels: dict[Pad, int] = {}
    stapel: list[tuple[int, dict[str, Any], Pad]] = []
    wacht: tuple[dict[str, Any], str, Pad, int] | None = None  # sleutel die op zijn waarde wacht
    lijst: tuple[int, list[Any], Pad] | None = None  # de lijst die nu gevuld wordt
    regels = _REGEL.findall(tekst)
    if len(regels) != tekst.count("\n") + 1:  # pragma: no cover - elke regel past in _REGEL
        raise _Anders
    for nr, (ruimte, sleutel, rest, element, anders) in enumerate(regels, 1):
        if anders:
            raise _Anders
        if not sleutel and not element:
            continue  # leeg of commentaar
        ind = len(ruimte)
        if wacht is not None:
            mapping, open_sleutel, pad, wacht_ind = wacht
            wacht = None
            if element and ind >= wacht_ind:
                lijst = (ind, [], pad)
                mapping[open_sleutel] = lijst[1]
            elif ind > wacht_ind:
                if len(stapel) > MAX_DIEPTE:
                    raise _Anders
                mapping[open_sleutel] = {}
                stapel.append((ind, mapping[open_sleutel], pad))
            else:
                mapping[open_sleutel] = None
        if lijst is not None:
            lijst_ind, elementen, pad = lijst
            if ind == lijst_ind and element:
                waarde = element[1:].lstrip(" ")
                if not waarde or waarde[0] == "#":
                    raise _Anders  # leeg element
                kindpad = (*pad, len(elementen))
                pad_regels[kindpad] = nr
                elementen.append(_waarde(waarde, nr, kindpad, pad_regels))
                continue
            if ind > lijst_ind:
                raise _Anders  # een vervolgregel of een genest element
            lijst = None
        if not stapel:  # de eerste regel met inhoud
            stapel.append((ind, wortel, ()))
            pad_regels[()] = nr
        while stapel[-1][0] > ind:
            stapel.pop()
            if not stapel:
                raise _Anders  # minder ingesprongen dan de eerste regel
        mapping_ind, mapping, pad = stapel[-1]
        if mapping_ind != ind or not sleutel:
            raise _Anders
        if sleutel in mapping or sleutel in KAAL:
            raise _Anders
        kindpad = (*pad, sleutel)
        pad_regels[kindpad] = nr
        if rest and rest[0] != "#":
            mapping[sleutel] = _waarde(rest, nr, kindpad, pad_regels)
        else:
            wacht = (mapping, sleutel, kindpad, ind)
    if wacht is not None:
        wacht[0][wacht[1]] = None
    if not stapel:
        raise _Anders  # geen enkele regel met inhoud
    return wortel, pad_regels


def _waarde(tekst: str, nr: int, pad: Pad, pad_regels: dict[Pad, int]) -> Any:
    """De waarde die de rest van regel ``nr`` beslaat: een scalar, of een lijst of mapping
    tussen haakjes zonder nesting (``[gezinnen, amv]``, ``{waarde: nee, toelichting: "…"}``)."""
    eerste = tekst[0]
    if eerste in _GEWOON and ":" not in tekst and "#" not in tekst:
        return kale_scalar(tekst.rstrip(" "))  # het gewone geval: ja, nee, 3.5, een naam
    if eerste not in _SLUIT:
        return _scalar(tekst)
    return _haakjes(tekst, nr, pad, pad_regels)


def _haakjes(tekst: str, nr: int, pad: Pad, pad_regels: dict[Pad, int]) -> Any:
    """Een lijst of mapping tussen haakjes op één regel."""
    eerste = tekst[0]
    sluit = _SLUIT[eerste]
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
            element = (_enkel(enkel) if enkel is not None
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
        return _enkel(m[1])
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


def _enkel(tekst: str) -> str:
    """De inhoud van een tekst tussen enkele aanhalingstekens (``''`` is één aanhalingsteken)."""
    return tekst.replace("''", "'")


def _ontsnap(tekst: str) -> str:
    """De inhoud van een tekst tussen dubbele aanhalingstekens, met de escapes vertaald."""
    return _ESCAPE.sub(_escape, tekst) if "\\" in tekst else tekst


def _escape(m: re.Match[str]) -> str:
    if m[1] is not None:
        return _ESCAPES[m[1]]
    if m[2] is not None and not 0xD800 <= (code := int(m[2], 16)) <= 0xDFFF:
        return chr(code)
    raise _Anders
