# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Batchresultaten in de formaten die CI-systemen lezen: JUnit XML, SARIF 2.1.0 en GitHub
Actions-annotaties. Pure functies: ze krijgen de batch-JSON (``BatchUitslag.naar_dict``) en geven
tekst terug, in stukken (ook bij tienduizend locaties nooit alles tegelijk in het geheugen); de
CLI beslist waar die heen gaat.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from collections.abc import Iterator, Mapping
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any
from urllib.parse import quote
from xml.etree import ElementTree as ET

from azc_kwaliteit import __version__
from azc_kwaliteit.domein.modellen import Kader
from azc_kwaliteit.domein.taal import woord
from azc_kwaliteit.domein.vertalen import _
from azc_kwaliteit.indeling.uitslag import Categorie, categorie_kop, gezakt, op_of_onder
from azc_kwaliteit.uitvoer import veilig
from azc_kwaliteit.uitvoer.contract import BatchData, FoutRegel, LocatieSamenvatting
from azc_kwaliteit.uitvoer.weergave import JsonLijst, compacte_json, json_delen

INFORMATIE_URI = "https://github.com/azc-kwaliteit/azc-kwaliteit"
ONGELDIG = "ongeldige-invoer"


def _gezakt(r: LocatieSamenvatting, faal_bij: int | None) -> bool:
    """Een locatie zakt bij de poort; zonder poort telt categorie 1 (en onvoldoende beoordeeld)
    als falen."""
    return gezakt(r["categorie"], faal_bij or 1)


def _naam(r: LocatieSamenvatting) -> str:
    return f"{r['locatie']['naam']} ({r['locatie']['gemeente']})"


def _reden_tekst(r: LocatieSamenvatting) -> str:
    redenen = "; ".join(
        red["tekst"] + (f" ({', '.join(red['criteria'])})" if red["criteria"] else "")
        for red in r["redenen"])
    return _reden_kop(r) + (f": {redenen}" if redenen else "")


def naar_junit(data: BatchData, faal_bij: int | None, duur: float = 0.0
               ) -> Iterator[str]:
    """JUnit XML (Ant-schema), in stukken: één testcase per locatie, categorie op of onder de
    poort is een failure met de redenen, een ongeldig bestand is een error."""
    kader, samenvatting = data["kader"], data["samenvatting"]
    gezakt = op_of_onder(samenvatting, faal_bij or 1)  # zoals _gezakt, voor de hele batch

    suite = ET.Element("testsuite", {
        "name": f"azc-kwaliteit.{kader['id']}",
        "package": "azc-kwaliteit",
        "id": "0",
        "timestamp": dt.datetime.now().replace(microsecond=0).isoformat(),
        "hostname": socket.gethostname() or "localhost",
        "tests": str(len(data["resultaten"]) + samenvatting["ongeldig"]),
        "failures": str(gezakt),
        "errors": str(samenvatting["ongeldig"]),
        "time": f"{duur:.3f}",
    })
    begin = ET.tostring(suite, encoding="unicode", short_empty_elements=False)
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  '
           + veilig.tekst(begin.removesuffix("</testsuite>")) + "\n")
    eigenschappen = ET.Element("properties")
    for naam, waarde in (("kader.id", kader["id"]), ("kader.versie", kader["versie"]),
                         ("kader.hash", kader["hash"]), ("faal_bij", str(faal_bij or 1)),
                         ("azc-kwaliteit.versie", __version__)):
        ET.SubElement(eigenschappen, "property", {"name": naam, "value": waarde})
    yield _xml(eigenschappen)
    for r in data["resultaten"]:
        geval = ET.Element("testcase", {
            "name": _naam(r), "classname": _klassenaam(r["bestand"]), "time": "0"})
        if _gezakt(r, faal_bij):
            soort = "onvoldoende-beoordeeld" if r["categorie"] is None else f"categorie-{r['categorie']}"
            fout = ET.SubElement(geval, "failure", {"type": soort, "message": _reden_tekst(r)})
            fout.text = _reden_tekst(r) + "\n" + _("Bestand: {bestand}").format(bestand=r["bestand"])
        yield _xml(geval)
    for bestand, lijst in groupby(data["fouten"], key=itemgetter("bestand")):  # op bestand
        geval = ET.Element("testcase", {
            "name": bestand, "classname": _klassenaam(bestand), "time": "0"})
        tekst = "\n".join(_plek(f) + f": {f['melding']}" for f in lijst)
        fout = ET.SubElement(geval, "error", {"type": ONGELDIG, "message": tekst.splitlines()[0]})
        fout.text = tekst
        yield _xml(geval)
    uit = ET.Element("system-out")
    uit.text = _("Kader {kader} ({hash})").format(kader=f"{kader['id']}@{kader['versie']}",
                                                 hash=kader["hash"])
    yield _xml(uit)
    yield _xml(ET.Element("system-err"))
    yield "  </testsuite>\n</testsuites>\n"


def _xml(element: ET.Element) -> str:
    """Eén kind van de testsuite als ingesprongen XML-tekst, met regeleinde; stuurtekens en wat
    XML 1.0 niet toestaat worden zichtbare tekst (``veilig``), zodat het document geldig blijft."""
    ET.indent(element, level=2)
    return "    " + veilig.tekst(ET.tostring(element, encoding="unicode")) + "\n"


def _klassenaam(bestand: str) -> str:
    stam = Path(bestand).with_suffix("").as_posix().strip("./")
    return "azc-kwaliteit." + (stam.replace("/", ".").replace(" ", "_") or "beoordeling")


def _plek(f: FoutRegel) -> str:
    return f"{f['bestand']}:{f['regel']}" if f.get("regel") else str(f["bestand"])


_NIVEAU = {"voldoet_niet": "error", "deels": "warning", "onbekend": "note"}


def naar_sarif(data: BatchData, kader: Kader, werkmap: Path | None = None
               ) -> Iterator[str]:
    """SARIF 2.1.0, in stukken: één resultaat per criterium dat niet voldoet, op het bestand en de
    regel van het antwoord, zodat code-scanning de beoordeling zelf annoteert. Ongeldige
    bestanden zijn resultaten van de regel ``ongeldige-invoer``."""
    regels: list[dict[str, Any]] = [{
        "id": ONGELDIG,
        "name": "OngeldigeInvoer",
        "shortDescription": {"text": _("Het bestand is geen geldige beoordeling.")},
        "defaultConfiguration": {"level": "error"},
    }]
    for k in kader.criteria:
        regels.append({
            "id": k.id,
            "name": k.titel,
            "shortDescription": {"text": k.titel},
            "fullDescription": {"text": k.vraag},
            "help": {"text": k.advies + "\n" + _("Waarom: {tekst}").format(tekst=k.toelichting)
                     + "\n" + _("Bronnen: {bronnen}").format(bronnen="; ".join(k.bronnen))},
            "defaultConfiguration": {"level": "error" if k.kritiek else "warning"},
            "properties": {"pijler": k.pijler, "ernst": k.ernst.value, "kritiek": k.kritiek,
                           "bronnen": list(k.bronnen)},
        })
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "azc-kwaliteit", "version": __version__, "informationUri": INFORMATIE_URI,
                "rules": regels,
            }},
            "properties": {"kader": data["kader"]},
            "results": JsonLijst(map(compacte_json, _sarif_resultaten(
                data, kader, {r["id"]: i for i, r in enumerate(regels)}, werkmap or Path.cwd()))),
        }],
    }
    yield from json_delen(sarif)


def _sarif_resultaten(data: BatchData, kader: Kader, index: Mapping[str, int],
                      werkmap: Path) -> Iterator[dict[str, Any]]:
    criteria = {c.id: c for c in kader.criteria}  # tienduizenden bevindingen: niet elk keer zoeken
    werkmap = werkmap.resolve()
    for r in data["resultaten"]:
        uri = _uri(r["bestand"], werkmap)  # één keer per bestand: resolve() kost systeemaanroepen
        for b in r["bevindingen"]:
            c = criteria.get(b["criterium"])
            if c is None:  # pragma: no cover - bevindingen komen uit hetzelfde kader
                continue
            niveau = "error" if b["kritiek"] and b["oordeel"] != "deels" else _NIVEAU[b["oordeel"]]
            yield {
                "ruleId": c.id,
                "ruleIndex": index[c.id],
                "level": niveau,
                "message": {"text": (
                    f"{c.titel}: {b['antwoord']} ({woord(b['oordeel'])}"
                    f"{'' if c.ernst == 'gewoon' else ', ' + woord(c.ernst)}). {_naam(r)}: "
                    f"{_reden_kop(r)}. " + _("Advies: {advies}").format(advies=c.advies))},
                "locations": [_locatie(uri, b["regel"])],
                "properties": {"categorie": r["categorie"], "pijler": c.pijler},
            }
    for f in data["fouten"]:
        yield {
            "ruleId": ONGELDIG, "ruleIndex": 0, "level": "error",
            "message": {"text": f["melding"]},
            "locations": [_locatie(_uri(f["bestand"], werkmap), f["regel"])],
        }


def _reden_kop(r: LocatieSamenvatting) -> str:
    return categorie_kop(None if r["categorie"] is None else Categorie(r["categorie"])).lower()


def _uri(bestand: str, werkmap: Path) -> str:
    """Het bestand ten opzichte van de werkmap (``werkmap`` al opgelost), of een file-URI als het
    erbuiten ligt."""
    pad = Path(bestand).resolve()
    try:
        uri = Path(os.path.relpath(pad, werkmap)).as_posix()
    except ValueError:  # pragma: no cover - ander station (Windows)
        return pad.as_uri()
    # een geldige URI-verwijzing: spatie, %, # en ? gecodeerd, en een ':' in het eerste stuk ook
    return pad.as_uri() if uri.startswith("../") else quote(uri, safe="/")


def _locatie(uri: str, regel: int | None) -> dict[str, Any]:
    fysiek: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    if regel:
        fysiek["region"] = {"startLine": regel}
    return {"physicalLocation": fysiek}


def github_annotaties(data: BatchData, faal_bij: int | None) -> Iterator[str]:
    """Workflow-commando's (``::error file=…,line=…::…``) voor GitHub Actions: ongeldige bestanden
    en, per locatie die bij de poort zakt, elk kritiek criterium dat niet voldoet (of de eerste
    reden, als geen kritiek criterium de oorzaak is)."""
    for f in data["fouten"]:
        yield (f"::error file={_eigenschap(f['bestand'])},line={f['regel'] or 1},"
               f"title={_eigenschap(_('Ongeldige beoordeling'))}::{_bericht(f['melding'])}")
    for r in data["resultaten"]:
        if not _gezakt(r, faal_bij):
            continue
        titel = _eigenschap(f"{_reden_kop(r)}: {_naam(r)}")
        kritiek = [b for b in r["bevindingen"] if b["kritiek"] and b["oordeel"] == "voldoet_niet"]
        for b in kritiek:
            niet_voldaan = _("{id} voldoet niet: {antwoord}").format(id=b["criterium"],
                                                                    antwoord=b["antwoord"])
            yield (f"::error file={_eigenschap(r['bestand'])},line={b['regel'] or 1},"
                   f"title={titel}::{_bericht(niet_voldaan)}")
        if not kritiek:
            yield (f"::error file={_eigenschap(r['bestand'])},line=1,title={titel}::"
                   f"{_bericht(_reden_tekst(r))}")


def _bericht(tekst: str) -> str:
    return veilig.tekst(tekst.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _eigenschap(tekst: str) -> str:
    return _bericht(tekst).replace(":", "%3A").replace(",", "%2C")
