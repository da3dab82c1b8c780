# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""YAML lezen met libyaml: alles wat de snelle lezer (``laden_snel``) niet zeker weet, en elke
fout, met ``bestand:regel`` en een uitleg in de taal van de gebruiker.

Een aparte module, zodat PyYAML pas geladen wordt als een bestand het nodig heeft: een gewone
beoordeling en het ingebouwde kader (uit de cache) komen zonder. Zie ``laden`` voor de keuze van
de lezer en de grenzen.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from azc_kwaliteit.domein.fouten import InvoerFout
from azc_kwaliteit.domein.vertalen import N_, _
from azc_kwaliteit.invoer.laden import MAX_DIEPTE, Pad, YamlDocument
from azc_kwaliteit.invoer.scalars import getal, kale_scalar

try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - alleen zonder libyaml
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


_T = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_T + s for s in ("str", "int", "float", "bool", "null"))
_TIMESTAMP, _MAP, _SEQ = _T + "timestamp", _T + "map", _T + "seq"
_PLAIN = "tag:azc-kwaliteit:plain"
"""Onze eigen tag voor een kale scalar zonder tag; de omzetter bepaalt zelf wat hij is."""


class _Loader(_Parser):
    """libyaml's parser en composer, zonder PyYAML's resolver: elke kale scalar krijgt de tag
    ``_PLAIN`` en wordt door ``_Omzetter.scalar`` zelf herkend. Dat is sneller en houdt
    ``yes``/``no``/``on``/``off`` en datums als tekst (YAML 1.2-gedrag)."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


def ontleed(tekst: str, bestand: str) -> YamlDocument:
    """Ontleed ``tekst`` met libyaml tot een ``YamlDocument``; elke fout wordt een ``InvoerFout``."""
    try:
        lader = _Loader(tekst)
        try:
            knoop = lader.get_single_node()
        finally:
            lader.dispose()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        regel = mark.line + 1 if mark is not None else None
        if mark is not None and not tekst[mark.index:].strip():
            # libyaml meldt 'onverwacht einde' voorbij de laatste regel: wijs de laatste regel
            # met inhoud aan, daar staat het haakje of aanhalingsteken dat openbleef
            regel = len(tekst[: mark.index].rstrip().splitlines()) or 1
        regeltekst = tekst.splitlines()[regel - 1] if regel and regel <= len(tekst.splitlines()) else ""
        raise InvoerFout.enkel(bestand, regel, _yaml_melding(e, regeltekst)) from None
    except yaml.YAMLError as e:
        raise InvoerFout.enkel(bestand, None, _("ongeldige YAML ({origineel})").format(
            origineel=e)) from None
    except RecursionError:
        raise InvoerFout.enkel(bestand, None, _("de YAML is te diep genest")) from None
    if knoop is None:
        raise InvoerFout.enkel(bestand, 1, _("het bestand is leeg; verwacht een YAML-mapping"))
    regels: dict[Pad, int] = {(): knoop.start_mark.line + 1}
    data = _Omzetter(bestand, regels, ankers_mogelijk="&" in tekst).zet_om(knoop, (), 0)
    return YamlDocument(bestand, data, regels)


_VERTALING = (
    (re.compile(r"found character '\\t'"), N_("tab gevonden; gebruik spaties om in te springen")),
    (re.compile(r"but found another document"), N_("meerdere YAML-documenten (---) in één bestand; "
     "verwacht één beoordeling per bestand")),
    (re.compile(r"found unknown escape character"), N_("onbekende escape in een tekst tussen "
     "dubbele aanhalingstekens")),
    (re.compile(r"found unexpected end of stream"), N_("onverwacht einde; staat er een aanhalingsteken "
     "of haakje open?")),
    (re.compile(r"mapping values are not allowed (here|in this context)"),
     N_("dubbele punt op een onverwachte plek; zet tekst met ': ' tussen aanhalingstekens of "
     "controleer het inspringen")),
    (re.compile(r"did not find expected key"), N_("verwacht een sleutel; controleer het inspringen")),
    (re.compile(r"did not find expected '-' indicator"), N_("verwacht een lijstelement ('- '); "
     "controleer het inspringen")),
    (re.compile(r"found undefined alias|found undefined anchor"), N_("onbekende alias (*naam); "
     "ankers en aliassen zijn niet toegestaan")),
    (re.compile(r"expected ',' or"), N_("lijst of mapping tussen haakjes is niet goed afgesloten")),
    (re.compile(r"exceeded maximum nesting depth"), N_("te diep genest")),
    (re.compile(r"did not find expected node content"), N_("hier ontbreekt een waarde; staat er een "
     "haakje of aanhalingsteken open?")),
)


def _yaml_melding(e: yaml.MarkedYAMLError, regeltekst: str) -> str:
    """Een Nederlandse uitleg van een PyYAML-syntaxfout, met de oorspronkelijke tekst erbij."""
    origineel = " ".join(str(x) for x in (e.context, e.problem) if x)
    if "\t" in regeltekst[: len(regeltekst) - len(regeltekst.lstrip())] or (
            "cannot start any token" in origineel and "\t" in regeltekst):
        return _("ongeldige YAML: {uitleg}").format(uitleg=_(_VERTALING[0][1]))
    for patroon, uitleg in _VERTALING:
        if patroon.search(origineel):
            return _("ongeldige YAML: {uitleg}").format(uitleg=_(uitleg))
    return _("ongeldige YAML ({origineel})").format(origineel=origineel)


class _Omzetter:
    """Zet een libyaml-knopenboom om naar Python-data en noteert de regels onderweg.

    Een alias levert in de boom dezelfde knoop twee keer op; daaraan herkennen we hem. Staat er
    geen ``&`` in de tekst, dan kan er geen anker zijn en slaan we die boekhouding over."""

    def __init__(self, bestand: str, regels: dict[Pad, int], *, ankers_mogelijk: bool = True) -> None:
        self.bestand = bestand
        self.regels = regels
        self.gezien: set[int] | None = set() if ankers_mogelijk else None

    def fout(self, knoop: yaml.Node, melding: str) -> InvoerFout:
        return InvoerFout.enkel(self.bestand, knoop.start_mark.line + 1, melding)

    def zet_om(self, knoop: yaml.Node, pad: Pad, diepte: int) -> Any:
        if diepte > MAX_DIEPTE:
            raise self.fout(knoop, _("te diep genest (meer dan {n} niveaus)").format(n=MAX_DIEPTE))
        if self.gezien is not None:
            if id(knoop) in self.gezien:
                raise self.fout(knoop, _("ankers en aliassen (&naam, *naam) zijn niet toegestaan; "
                                         "schrijf de waarde uit"))
            self.gezien.add(id(knoop))
        if isinstance(knoop, yaml.ScalarNode):
            return self.scalar(knoop)
        if isinstance(knoop, yaml.SequenceNode):
            if knoop.tag != _SEQ:
                raise self.fout(knoop, _("onbekende tag {tag}").format(
                    tag=_korte_tag(knoop.tag)))
            lijst = []
            for i, kind in enumerate(knoop.value):
                self.regels[(*pad, i)] = kind.start_mark.line + 1
                lijst.append(self.zet_om(kind, (*pad, i), diepte + 1))
            return lijst
        if isinstance(knoop, yaml.MappingNode):
            if knoop.tag != _MAP:
                raise self.fout(knoop, _("onbekende tag {tag}").format(
                    tag=_korte_tag(knoop.tag)))
            mapping: dict[Any, Any] = {}
            regels = self.regels
            for sleutelknoop, waardeknoop in knoop.value:
                if not isinstance(sleutelknoop, yaml.ScalarNode):
                    raise self.fout(sleutelknoop, _("een sleutel moet een enkele waarde zijn"))
                if sleutelknoop.tag == _T + "merge" or (
                        sleutelknoop.tag == _PLAIN and sleutelknoop.value == "<<"):
                    raise self.fout(sleutelknoop, _("samenvoegen met '<<' is niet toegestaan"))
                sleutel = self.scalar(sleutelknoop)
                if sleutel is None:
                    raise self.fout(sleutelknoop, _("lege sleutel"))
                kindpad = (*pad, sleutel)
                if sleutel in mapping:
                    eerste = regels.get(kindpad)
                    raise self.fout(
                        sleutelknoop,
                        _("sleutel '{sleutel}' staat dubbel").format(sleutel=sleutel)
                        + (_(" (eerder op regel {eerste})").format(eerste=eerste) if eerste else "")
                        + _("; verwacht elke sleutel één keer"),
                    )
                regels[kindpad] = sleutelknoop.start_mark.line + 1
                if self.gezien is None and type(waardeknoop) is yaml.ScalarNode:
                    mapping[sleutel] = self.scalar(waardeknoop)  # zonder diepte- en aliasboekhouding
                else:
                    mapping[sleutel] = self.zet_om(waardeknoop, kindpad, diepte + 1)
            return mapping
        raise self.fout(knoop, _("onbekend soort YAML-knoop"))  # pragma: no cover

    def scalar(self, knoop: yaml.ScalarNode) -> Any:
        tag, waarde = knoop.tag, knoop.value
        if tag == _PLAIN:
            return kale_scalar(waarde)
        if tag in (_STR, _TIMESTAMP):
            return waarde
        if tag == _BOOL:
            laag = waarde.lower()
            return {"true": True, "false": False}.get(laag, waarde)
        if tag == _NULL:
            return None
        if tag in (_INT, _FLOAT):
            return getal(tag, waarde)
        raise self.fout(knoop, _("onbekende tag {tag}; alleen gewone YAML-waarden zijn "
                                 "toegestaan").format(tag=_korte_tag(tag)))


def _korte_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_T) if tag.startswith(_T) else tag
