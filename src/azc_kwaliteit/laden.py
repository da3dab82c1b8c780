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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from azc_kwaliteit.fouten import InvoerFout

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - alleen zonder libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 2 * 1024 * 1024
"""Een beoordeling is een paar kilobyte; alles boven deze grens is een vergissing of een aanval."""

MAX_DIEPTE = 40
"""Geen geldig document nest dieper dan een handvol niveaus."""

Pad = tuple[str | int, ...]

_T = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_T + s for s in ("str", "int", "float", "bool", "null"))
_TIMESTAMP, _MAP, _SEQ = _T + "timestamp", _T + "map", _T + "seq"
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


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
    bestand = naam or str(pad)
    try:
        if pad.is_dir():
            raise InvoerFout.enkel(bestand, None, "dit is een map, geen bestand")
        grootte = pad.stat().st_size
        if grootte > MAX_BYTES:
            raise InvoerFout.enkel(
                bestand, None,
                f"bestand is te groot ({grootte // 1024} KB); een beoordeling mag hoogstens "
                f"{MAX_BYTES // (1024 * 1024)} MB zijn",
            )
        with pad.open("rb") as f:
            ruw = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InvoerFout.enkel(bestand, None, "bestand bestaat niet") from None
    except PermissionError:
        raise InvoerFout.enkel(bestand, None, "geen leesrechten voor dit bestand") from None
    except OSError as e:
        raise InvoerFout.enkel(bestand, None, f"kan bestand niet lezen ({e.strerror})") from None
    if len(ruw) > MAX_BYTES:
        raise InvoerFout.enkel(bestand, None, "bestand is te groot")
    return lees_tekst(decodeer(ruw, bestand), bestand)


def decodeer(ruw: bytes, bestand: str) -> str:
    """UTF-8 (met of zonder BOM); binaire of anders gecodeerde bestanden krijgen een duidelijke melding."""
    if b"\x00" in ruw:
        regel = ruw[: ruw.index(b"\x00")].count(b"\n") + 1
        raise InvoerFout.enkel(bestand, regel, "binair bestand (nul-byte); verwacht YAML-tekst")
    try:
        return ruw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        regel = ruw[: e.start].count(b"\n") + 1
        raise InvoerFout.enkel(
            bestand, regel, "ongeldige tekens; sla het bestand op als UTF-8"
        ) from None


def lees_tekst(tekst: str, bestand: str) -> YamlDocument:
    """Ontleed YAML-tekst tot een ``YamlDocument``."""
    if not tekst.strip() or all(
        not r.strip() or r.lstrip().startswith("#") for r in tekst.splitlines()
    ):
        raise InvoerFout.enkel(bestand, 1, "het bestand is leeg; verwacht een YAML-mapping")
    try:
        knoop = yaml.compose(tekst, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        regel = mark.line + 1 if mark is not None else None
        regeltekst = tekst.splitlines()[regel - 1] if regel and regel <= len(tekst.splitlines()) else ""
        raise InvoerFout.enkel(bestand, regel, _yaml_melding(e, regeltekst)) from None
    except yaml.YAMLError as e:
        raise InvoerFout.enkel(bestand, None, f"ongeldige YAML ({e})") from None
    except RecursionError:
        raise InvoerFout.enkel(bestand, None, "de YAML is te diep genest") from None
    if knoop is None:
        raise InvoerFout.enkel(bestand, 1, "het bestand is leeg; verwacht een YAML-mapping")
    regels: dict[Pad, int] = {(): knoop.start_mark.line + 1}
    data = _Omzetter(bestand, regels).zet_om(knoop, (), 0)
    return YamlDocument(bestand, data, regels)


_VERTALING = (
    (re.compile(r"found character '\\t'"), "tab gevonden; gebruik spaties om in te springen"),
    (re.compile(r"but found another document"), "meerdere YAML-documenten (---) in één bestand; "
     "verwacht één beoordeling per bestand"),
    (re.compile(r"found unknown escape character"), "onbekende escape in een tekst tussen "
     "dubbele aanhalingstekens"),
    (re.compile(r"found unexpected end of stream"), "onverwacht einde; staat er een aanhalingsteken "
     "of haakje open?"),
    (re.compile(r"mapping values are not allowed here"), "dubbele punt op een onverwachte plek; "
     "zet tekst met ': ' tussen aanhalingstekens of controleer het inspringen"),
    (re.compile(r"did not find expected key"), "verwacht een sleutel; controleer het inspringen"),
    (re.compile(r"did not find expected '-' indicator"), "verwacht een lijstelement ('- '); "
     "controleer het inspringen"),
    (re.compile(r"found undefined alias|found undefined anchor"), "onbekende alias (*naam); "
     "ankers en aliassen zijn niet toegestaan"),
    (re.compile(r"expected ',' or"), "lijst of mapping tussen haakjes is niet goed afgesloten"),
)


def _yaml_melding(e: yaml.MarkedYAMLError, regeltekst: str) -> str:
    """Een Nederlandse uitleg van een PyYAML-syntaxfout, met de oorspronkelijke tekst erbij."""
    origineel = " ".join(str(x) for x in (e.context, e.problem) if x)
    if "\t" in regeltekst[: len(regeltekst) - len(regeltekst.lstrip())] or (
            "cannot start any token" in origineel and "\t" in regeltekst):
        return f"ongeldige YAML: {_VERTALING[0][1]}"
    for patroon, uitleg in _VERTALING:
        if patroon.search(origineel):
            return f"ongeldige YAML: {uitleg}"
    return f"ongeldige YAML ({origineel})"


class _Omzetter:
    """Zet een libyaml-knopenboom om naar Python-data en noteert de regels onderweg."""

    def __init__(self, bestand: str, regels: dict[Pad, int]) -> None:
        self.bestand = bestand
        self.regels = regels
        self.gezien: set[int] = set()

    def fout(self, knoop: yaml.Node, melding: str) -> InvoerFout:
        return InvoerFout.enkel(self.bestand, knoop.start_mark.line + 1, melding)

    def zet_om(self, knoop: yaml.Node, pad: Pad, diepte: int) -> Any:
        if diepte > MAX_DIEPTE:
            raise self.fout(knoop, f"te diep genest (meer dan {MAX_DIEPTE} niveaus)")
        if id(knoop) in self.gezien:
            raise self.fout(knoop, "ankers en aliassen (&naam, *naam) zijn niet toegestaan; "
                            "schrijf de waarde uit")
        self.gezien.add(id(knoop))
        if isinstance(knoop, yaml.ScalarNode):
            return self.scalar(knoop)
        if isinstance(knoop, yaml.SequenceNode):
            if knoop.tag != _SEQ:
                raise self.fout(knoop, f"onbekende tag {_korte_tag(knoop.tag)}")
            lijst = []
            for i, kind in enumerate(knoop.value):
                self.regels[(*pad, i)] = kind.start_mark.line + 1
                lijst.append(self.zet_om(kind, (*pad, i), diepte + 1))
            return lijst
        if isinstance(knoop, yaml.MappingNode):
            if knoop.tag != _MAP:
                raise self.fout(knoop, f"onbekende tag {_korte_tag(knoop.tag)}")
            mapping: dict[Any, Any] = {}
            for sleutelknoop, waardeknoop in knoop.value:
                if not isinstance(sleutelknoop, yaml.ScalarNode):
                    raise self.fout(sleutelknoop, "een sleutel moet een enkele waarde zijn")
                if sleutelknoop.tag == _T + "merge":
                    raise self.fout(sleutelknoop, "samenvoegen met '<<' is niet toegestaan")
                sleutel = self.scalar(sleutelknoop)
                if sleutel is None:
                    raise self.fout(sleutelknoop, "lege sleutel")
                if sleutel in mapping:
                    eerste = self.regels.get((*pad, sleutel))
                    raise self.fout(
                        sleutelknoop,
                        f"sleutel '{sleutel}' staat dubbel"
                        + (f" (eerder op regel {eerste})" if eerste else "")
                        + "; verwacht elke sleutel één keer",
                    )
                self.regels[(*pad, sleutel)] = sleutelknoop.start_mark.line + 1
                mapping[sleutel] = self.zet_om(waardeknoop, (*pad, sleutel), diepte + 1)
            return mapping
        raise self.fout(knoop, "onbekend soort YAML-knoop")  # pragma: no cover

    def scalar(self, knoop: yaml.ScalarNode) -> Any:
        tag, waarde = knoop.tag, knoop.value
        if tag in (_STR, _TIMESTAMP):
            return waarde
        if tag == _BOOL:
            laag = waarde.lower()
            return {"true": True, "false": False}.get(laag, waarde)
        if tag == _NULL:
            return None
        if tag == _INT:
            return _CONSTRUCTOR.construct_yaml_int(knoop)
        if tag == _FLOAT:
            return _CONSTRUCTOR.construct_yaml_float(knoop)
        raise self.fout(knoop, f"onbekende tag {_korte_tag(tag)}; alleen gewone YAML-waarden "
                        "zijn toegestaan")


def _korte_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_T) if tag.startswith(_T) else tag
