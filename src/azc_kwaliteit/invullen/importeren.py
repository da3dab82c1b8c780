# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Inzendingen uit KoboToolbox of ODK Central terug naar gewone beoordelingen (YAML).

Een export is een bestand: CSV (``;`` of ``,``), XLSX of JSON van KoboToolbox (kolommen als
``groep/vraag``), of CSV of zip van ODK Central (kolommen als ``groep-vraag``). De kolommen
heten naar de velden van ``formulier``; zo vindt de import elk antwoord terug. Per inzending één
beoordeling, genoemd naar de locatie en de uuid van de inzending: opnieuw importeren schrijft
hetzelfde bestand, en alleen als er iets veranderde. Wat iemand na de import met de hand
veranderde, blijft staan (``met_merk``). Een fout zegt in welke rij en kolom.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from azc_kwaliteit.domein.antwoorden import lees
from azc_kwaliteit.domein.fouten import OngeldigAntwoord, Probleem, bestandsnaam
from azc_kwaliteit.domein.modellen import Beoordeling, GetalCriterium, Kader, SchaalCriterium
from azc_kwaliteit.domein.vertalen import _
from azc_kwaliteit.invoer.laden import os_melding
from azc_kwaliteit.invullen.formulier import (
    BEWIJS,
    KEUZE,
    KOP,
    LOCATIE,
    SCHEIDING,
    TOELICHTING,
    groep,
    veld,
    veldwerk_nodig,
)
from azc_kwaliteit.uitvoer.beoordeling_yaml import IMPORTMERK

KOBO, ODK = "KoboToolbox", "ODK Central"

_KOBO_STATUS = {"validation_status_approved": "goedgekeurd", "approved": "goedgekeurd",
                "validation_status_not_approved": "afgewezen", "not approved": "afgewezen",
                "validation_status_on_hold": "ingediend", "on hold": "ingediend"}
_ODK_STATUS = {"approved": "goedgekeurd", "rejected": "afgewezen", "hasissues": "ingediend",
               "edited": "ingediend", "received": "ingediend", "": "ingediend"}


@dataclass
class Inzending:
    """Eén rij van een export: de velden (op veldnaam, zonder groep) en de gegevens van de
    inzending zelf (uuid, tijdstip, review)."""

    bestand: str
    rij: int
    """Het regelnummer in de export (1 is de kop), of bij JSON het volgnummer vanaf 1."""
    systeem: str
    velden: dict[str, str] = field(default_factory=dict)
    kolommen: dict[str, str] = field(default_factory=dict)
    """Veldnaam → de kolomkop zoals hij in de export staat (voor foutmeldingen)."""
    in_export: frozenset[str] = frozenset()
    """Alle veldnamen die de export als kolom heeft (ook lege): wat het formulier van toen vroeg."""
    vreemd: tuple[str, ...] = ()
    """Kolommen in een pijlergroep die dit kader niet kent: een criterium van een andere versie."""
    meta: dict[str, Any] = field(default_factory=dict)

    def plek(self, veld: str | None = None) -> str:
        kolom = f": kolom {self.kolommen.get(veld, veld)}" if veld else ""
        return f"rij {self.rij}{kolom}"


@dataclass
class Import:
    """Wat één inzending oplevert: de beoordeling als dict, of problemen; en waarschuwingen."""

    inzending: Inzending
    beoordeling: dict[str, Any] | None
    problemen: list[Probleem] = field(default_factory=list)
    waarschuwingen: list[Probleem] = field(default_factory=list)


# ---------------------------------------------------------------- exports lezen


def lees_export(pad: Path, kader: Kader) -> list[Inzending]:
    """Alle inzendingen uit een exportbestand; de vorm volgt uit de extensie."""
    naam = bestandsnaam(pad)
    soort = pad.suffix.lower()
    if soort == ".zip":
        return _zip(pad, naam, kader)
    if soort == ".json":
        return _json(json.loads(pad.read_text(encoding="utf-8-sig")), naam, kader)
    if soort in (".xlsx", ".xlsm"):
        return _xlsx(pad, naam, kader)
    return _csv(pad.read_text(encoding="utf-8-sig"), naam, kader)


def _csv(tekst: str, naam: str, kader: Kader) -> list[Inzending]:
    kop = tekst.split("\n", 1)[0]
    scheiding = max((";", ",", "\t"), key=kop.count)
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    rijen = list(lezer)
    if not rijen:
        return []
    return _rijen(rijen[0], [(lezer_regel, r) for lezer_regel, r in enumerate(rijen[1:], 2)],
                  naam, kader)


def _xlsx(pad: Path, naam: str, kader: Kader) -> list[Inzending]:
    openpyxl = veldwerk_nodig("openpyxl")
    boek = openpyxl.load_workbook(pad, read_only=True, data_only=True)
    blad = boek.worksheets[0]
    rijen = [["" if v is None else _cel(v) for v in rij] for rij in blad.iter_rows(values_only=True)]
    boek.close()
    if not rijen:
        return []
    return _rijen([str(k) for k in rijen[0]], list(enumerate(rijen[1:], 2)), naam, kader)


def _cel(v: Any) -> str:
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _zip(pad: Path, naam: str, kader: Kader) -> list[Inzending]:
    """Een zip van ODK Central: de hoofdtabel is de CSV in de wortel (media staan in media/)."""
    with zipfile.ZipFile(pad) as z:
        tabellen = [n for n in z.namelist() if n.endswith(".csv") and "/" not in n]
        if not tabellen:
            raise ValueError(_("er staat geen CSV-bestand in de zip"))
        hoofd = min(tabellen, key=len)  # herhalingen heten <formulier>-<groep>.csv
        tekst = z.read(hoofd).decode("utf-8-sig")
    return _csv(tekst, f"{naam}/{hoofd}", kader)


def _json(data: Any, naam: str, kader: Kader) -> list[Inzending]:
    """Een JSON-export van KoboToolbox: een lijst inzendingen, of ``{"results": [...]}``."""
    lijst = data.get("results", []) if isinstance(data, dict) else data
    uit = []
    for i, item in enumerate(lijst if isinstance(lijst, list) else [], 1):
        if isinstance(item, dict):
            kop = list(item)
            uit += _rijen(kop, [(i, [item[k] for k in kop])], naam, kader, systeem=KOBO)
    return uit


def _veldnaam(kolom: str, groepen: set[str], velden: set[str]) -> str | None:
    """De veldnaam van een kolomkop: ``voorzieningen/drinkwater`` (Kobo) of
    ``voorzieningen-drinkwater`` (ODK Central), of al kaal. Een Kobo-kolom per keuze van een
    meerkeuzevraag (``locatie/doelgroepen/amv``) is geen veld."""
    if "/" in kolom:
        delen = kolom.split("/")
        if delen[0] in groepen:
            return delen[1] if len(delen) == 2 and delen[1] in velden else None
        return delen[-1] if delen[-1] in velden and len(delen) == 1 else None
    if kolom in velden:
        return kolom
    for g in groepen:
        if kolom.startswith(g + "-") and kolom[len(g) + 1:] in velden:
            return kolom[len(g) + 1:]
    return None


def _rijen(kop: list[str], rijen: list[tuple[int, list[Any]]], naam: str, kader: Kader,
           systeem: str | None = None) -> list[Inzending]:
    groepen = {"locatie", "beoordeling", "meta", *(groep(p.id) for p in kader.pijlers)}
    velden = set(LOCATIE) | set(KOP) | {"kader", "kaderhash"}
    for c in kader.criteria:
        velden |= {veld(c.id), *(veld(c.id, d) for d in (KEUZE, TOELICHTING, BEWIJS))}
    for i in kader.ingetrokken:
        velden |= {veld(i.id), veld(i.id, TOELICHTING)}
    if systeem is None:
        systeem = ODK if any(k in ("KEY", "ReviewState", "SubmissionDate") for k in kop) else KOBO
    namen = [_veldnaam(k, groepen, velden) for k in kop]
    in_export = frozenset(n for n in namen if n is not None)
    pijlers = {groep(p.id) for p in kader.pijlers}
    vreemd = tuple(k for k, n in zip(kop, namen, strict=True) if n is None
                   and k.replace("-", "/", 1).split("/")[0] in pijlers
                   and SCHEIDING not in k and k.count("/") <= 1)
    uit = []
    for regel, waarden in rijen:
        if not any(str(w).strip() for w in waarden if w is not None):
            continue  # een lege regel aan het eind
        inz = Inzending(naam, regel, systeem, in_export=in_export, vreemd=vreemd)
        for kolom, naam_, waarde in zip(kop, namen, waarden, strict=False):
            if naam_ is not None and waarde not in (None, ""):
                inz.velden[naam_] = waarde if isinstance(waarde, str) else _cel(waarde)
                inz.kolommen[naam_] = kolom
            inz.meta[kolom] = waarde
        uit.append(inz)
    return uit


# ---------------------------------------------------------------- een inzending als beoordeling


def naar_beoordeling(inz: Inzending, kader: Kader) -> Import:
    """De beoordeling van één inzending, met problemen per kolom (dan is er geen beoordeling)."""
    uit = Import(inz, None)

    def fout(waar: str | None, melding: str) -> None:
        uit.problemen.append(Probleem(inz.bestand, None, f"{inz.plek(waar)}: {melding}"))

    v = inz.velden
    locatie: dict[str, Any] = {}
    for sleutel in ("naam", "gemeente", "soort", "status", "draagvlak_regio"):
        if sleutel in v:
            locatie[sleutel] = v[sleutel].strip()
    for sleutel in ("capaciteit",):
        if sleutel in v:
            locatie[sleutel] = _geheel(v[sleutel], sleutel, fout)
    if "doelgroepen" in v:
        locatie["doelgroepen"] = v["doelgroepen"].split()
    if "kinderen" in v:
        locatie["bewoners"] = {"kinderen": _geheel(v["kinderen"], "kinderen", fout),
                               "amv": _geheel(v.get("amv", "0"), "amv", fout)}
    for sleutel in ("naam", "gemeente", "soort", "status", "capaciteit", "doelgroepen"):
        if sleutel not in locatie:
            fout(sleutel, _("{sleutel} ontbreekt").format(sleutel=sleutel))
    kop: dict[str, Any] = {"datum": v.get("datum", "").strip()[:10],
                           "beoordelaar": v.get("beoordelaar", "").strip(),
                           "kader": v.get("kader") or None}
    for sleutel in ("datum", "beoordelaar"):
        if not kop[sleutel]:
            fout(sleutel, _("{sleutel} ontbreekt").format(sleutel=sleutel))
    kop["status"] = _status(inz)
    kop["bron"] = _bron(inz)
    antwoorden: dict[str, Any] = {}
    for c in kader.criteria:
        waarde = _waarde(c, v)
        if waarde is None:
            continue
        try:
            lees(c, waarde)
        except OngeldigAntwoord as e:
            fout(veld(c.id), str(e))
            continue
        antwoord: dict[str, Any] = {"waarde": waarde}
        if v.get(veld(c.id, TOELICHTING), "").strip():
            antwoord["toelichting"] = v[veld(c.id, TOELICHTING)].strip()
        if v.get(veld(c.id, BEWIJS), "").strip():
            antwoord["bewijs"] = [v[veld(c.id, BEWIJS)].strip()]
        antwoorden[c.id] = antwoord if len(antwoord) > 1 else waarde
    for i in kader.ingetrokken:  # een ouder formulier: de indeling meldt en vervangt het
        if veld(i.id) in v:
            antwoorden[i.id] = _getal_of_tekst(v[veld(i.id)])
            uit.waarschuwingen.append(Probleem(inz.bestand, None, _(
                "{plek}: criterium '{id}' is ingetrokken; beoordeel {vervangers} opnieuw").format(
                    plek=inz.plek(veld(i.id)), id=i.id, vervangers=", ".join(i.vervangen_door))))
    if kop["kader"] and kop["kader"] != kader.label:
        uit.waarschuwingen += _andere_versie(inz, kader, kop["kader"])
    if not uit.problemen:
        uit.beoordeling = {"locatie": locatie, "beoordeling": kop, "antwoorden": antwoorden}
    return uit


def _andere_versie(inz: Inzending, kader: Kader, ander: str) -> list[Probleem]:
    """Een inzending met een formulier van een andere kaderversie: een waarschuwing voor de
    versie, en één per criterium dat toen niet bestond of nu niet meer bestaat."""
    def melding(tekst: str) -> Probleem:
        return Probleem(inz.bestand, None, f"{inz.plek()}: {tekst}")

    uit = [melding(_("ingevuld met een formulier van {ander}, gelezen met {label}").format(
        ander=ander, label=kader.label))]
    for c in kader.criteria:
        if veld(c.id) not in inz.in_export and veld(c.id, KEUZE) not in inz.in_export:
            uit.append(melding(_("criterium '{id}' stond niet in dat formulier; het telt als onbekend "
                                 "tot het beoordeeld is").format(id=c.id)))
    for kolom in inz.vreemd:
        uit.append(melding(_("kolom {kolom}: een criterium dat {label} niet kent; niet overgenomen").format(
            kolom=kolom, label=kader.label)))
    return uit


def _waarde(c: Any, v: Mapping[str, str]) -> Any:
    ruw = v.get(veld(c.id), "").strip()
    if isinstance(c, GetalCriterium):
        keuze = v.get(veld(c.id, KEUZE), "getal" if ruw else "").strip()
        if keuze in ("nvt", "onbekend"):
            return keuze
        if not ruw:
            return None
        return _getal_of_tekst(ruw)
    if not ruw:
        return None
    if isinstance(c, SchaalCriterium) and ruw.isdigit():
        return int(ruw)
    return ruw


def _getal_of_tekst(tekst: str) -> Any:
    try:
        getal = float(tekst.replace(",", "."))
    except ValueError:
        return tekst
    return int(getal) if getal.is_integer() else getal


def _geheel(tekst: str, veld: str, fout: Any) -> int | None:
    try:
        return int(float(tekst))
    except ValueError:
        fout(veld, _("verwacht een geheel getal, kreeg '{tekst}'").format(tekst=tekst))
        return None


def _status(inz: Inzending) -> dict[str, Any]:
    """De review van de inzending: Kobo's validatiestatus of ODK's ReviewState."""
    m = inz.meta
    if inz.systeem == ODK:
        staat = _ODK_STATUS.get(str(m.get("ReviewState") or "").strip().lower(), "ingediend")
        return {"staat": staat}
    status = m.get("_validation_status")
    if isinstance(status, dict):
        staat = _KOBO_STATUS.get(str(status.get("uid", "")).lower(), "ingediend")
        uit: dict[str, Any] = {"staat": staat}
        if status.get("by"):
            uit["door"] = str(status["by"])
        if isinstance(status.get("timestamp"), int | float):
            uit["op"] = dt.datetime.fromtimestamp(status["timestamp"], dt.UTC).isoformat(
                timespec="seconds")
        return uit
    return {"staat": _KOBO_STATUS.get(str(status or "").strip().lower(), "ingediend")}


def _bron(inz: Inzending) -> dict[str, Any]:
    m = inz.meta
    if inz.systeem == ODK:
        uuid = m.get("meta-instanceID") or m.get("KEY") or ""
        ingediend, versie = m.get("SubmissionDate"), m.get("FormVersion")
    else:
        uuid = m.get("_uuid") or m.get("meta/instanceID") or ""
        ingediend, versie = m.get("_submission_time"), m.get("__version__")
    bron: dict[str, Any] = {"systeem": inz.systeem,
                            "inzending": str(uuid).removeprefix("uuid:") or f"rij-{inz.rij}"}
    if versie:
        bron["formulier"] = str(versie)
    if ingediend:
        bron["ingediend"] = str(ingediend)
    bron["export"] = f"{inz.bestand}, {inz.plek()}"
    return bron


def inzendingen(paden: list[Path], kader: Kader) -> Iterator[Import | Probleem]:
    """Alle inzendingen van alle exports, elk als beoordeling; een export die niet te lezen is,
    wordt één probleem (en de andere exports gaan gewoon door)."""
    for pad in paden:
        try:
            gelezen = lees_export(pad, kader)
        except OSError as e:
            yield Probleem(bestandsnaam(pad), None, os_melding(e, pad))
            continue
        except UnicodeDecodeError:
            yield Probleem(bestandsnaam(pad), None, _("de export is geen UTF-8-tekst; exporteer "
                                                      "opnieuw als UTF-8 (KoboToolbox en ODK Central "
                                                      "doen dat standaard)"))
            continue
        except json.JSONDecodeError as e:
            yield Probleem(bestandsnaam(pad), e.lineno, _("geen geldige JSON (kolom {colno}); "
                                                          "exporteer opnieuw uit KoboToolbox").format(
                                                              colno=e.colno))
            continue
        except zipfile.BadZipFile:
            yield Probleem(bestandsnaam(pad), None, _("geen geldig {soort}-bestand (het is beschadigd "
                                                      "of iets anders)").format(
                                                          soort=pad.suffix.lstrip('.')))
            continue
        except (ValueError, csv.Error) as e:
            yield Probleem(bestandsnaam(pad), None, _("kan de export niet lezen: {e}").format(e=e))
            continue
        if gelezen and not any(inz.in_export for inz in gelezen):
            yield Probleem(bestandsnaam(pad), None, _("geen enkele kolom van het formulier gevonden; "
                                                      "exporteer uit KoboToolbox met 'XML values and "
                                                      "headers', of maak het formulier met "
                                                      "'azc-kwaliteit formulier'"))
            continue
        for inz in gelezen:
            yield naar_beoordeling(inz, kader)


def als_yaml(imp: Import, kader: Kader) -> tuple[str, Beoordeling | None, list[Probleem]]:
    """De YAML-tekst van een geïmporteerde beoordeling, gecontroleerd zoals elk ander bestand
    (dezelfde validatie als ``beoordeel``): de tekst, het gelezen model, of de problemen (elk
    met rij en kolom)."""
    from azc_kwaliteit.domein.fouten import InvoerFout
    from azc_kwaliteit.invoer.laden import lees_tekst
    from azc_kwaliteit.invoer.valideren import valideer_beoordeling
    from azc_kwaliteit.uitvoer.beoordeling_yaml import naar_yaml

    assert imp.beoordeling is not None
    b = imp.beoordeling
    tekst = met_merk(naar_yaml(b["locatie"], b["beoordeling"], b["antwoorden"], kader))
    inz = imp.inzending
    try:
        gelezen = valideer_beoordeling(lees_tekst(tekst, inz.bestand), kader)
    except InvoerFout as e:
        problemen = []
        for p in e.problemen:
            pad, _sep, rest = p.melding.partition(": ")
            deel, _punt, onder = pad.partition(".")
            sleutel = onder.split(".")[0] if onder and rest else None
            if deel == "antwoorden" and sleutel:
                sleutel = veld(sleutel)
            melding = rest if sleutel is not None else p.melding
            problemen.append(Probleem(inz.bestand, None, f"{inz.plek(sleutel)}: {melding}"))
        return tekst, None, problemen
    return tekst, gelezen, []


def met_merk(tekst: str) -> str:
    """De tekst van een geïmporteerde beoordeling met, als derde regel, de hash van de rest."""
    kop, rest = _kop_en_rest(tekst)
    return kop + IMPORTMERK + _inhoud(tekst) + " " + _(
        "(verandert u dit bestand, dan overschrijft een nieuwe import het niet)") + "\n" + rest


def met_de_hand_veranderd(tekst: str) -> bool:
    """Of een bestand dat er al staat, veranderd is sinds een import het schreef: geen merk (ook:
    door iemand anders gemaakt), of een merk dat niet meer bij de inhoud past."""
    regels = tekst.splitlines(keepends=True)
    plek = next((i for i, r in enumerate(regels[:5]) if r.startswith(IMPORTMERK)), None)
    if plek is None:
        return True
    merk = regels[plek][len(IMPORTMERK):].split(" ", 1)[0]
    return merk != _inhoud("".join(regels[:plek] + regels[plek + 1:]))


def _kop_en_rest(tekst: str) -> tuple[str, str]:
    """De twee commentaarregels bovenaan (``naar_yaml``) en de rest."""
    regels = tekst.splitlines(keepends=True)
    n = next((i for i, r in enumerate(regels) if not r.startswith("#")), len(regels))
    return "".join(regels[:n]), "".join(regels[n:])


def _inhoud(tekst: str) -> str:
    import hashlib

    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()[:16]


def bestandsnaam_voor(imp: Import, map_: Path) -> Path:
    """Een veilige, vaste naam: de locatie en een hash van de uuid van de inzending. Staat er al
    een bestand van deze inzending (met een andere locatienaam, na een correctie), dan dat."""
    import hashlib

    from azc_kwaliteit.uitvoer.weergave import veilige_naam

    assert imp.beoordeling is not None
    uuid = imp.beoordeling["beoordeling"]["bron"]["inzending"]
    sleutel = hashlib.sha256(uuid.encode()).hexdigest()[:8]
    bestaand = sorted(map_.glob(f"*-{sleutel}.yaml")) if map_.is_dir() else []
    if bestaand:
        return bestaand[0]
    naam = veilige_naam(f"{imp.beoordeling['locatie'].get('naam', 'inzending')} "
                        f"{imp.beoordeling['beoordeling'].get('datum', '')}", uuid)
    return map_ / f"{naam}.yaml"  # eindigt op dezelfde -<sleutel>
