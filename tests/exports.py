# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Exports zoals KoboToolbox en ODK Central ze maken, gebouwd uit de veldnamen van ons eigen
formulier en de antwoorden van een beoordeling: voor de rondreistest en het voorbeeld."""

from __future__ import annotations

import csv
import io
from typing import Any

from azc_kwaliteit.domein.modellen import GetalCriterium, Kader
from azc_kwaliteit.invullen.formulier import BEWIJS, KEUZE, TOELICHTING, Formulier, veld


def velden_met_groep(f: Formulier) -> list[tuple[str, str]]:
    """(groep, veldnaam) voor elk veld van het formulier, in volgorde."""
    uit, groep = [], ""
    for r in f.survey:
        if r["type"] == "begin_group":
            groep = r["name"]
        elif r["type"] == "end_group":
            groep = ""
        elif r["type"] not in ("start", "end"):
            uit.append((groep, r["name"]))
    return uit


def waarden(data: dict[str, Any], kader: Kader) -> dict[str, str]:
    """Wat een tablet zou insturen voor deze beoordeling (veldnaam → tekst)."""
    loc, kop = data["locatie"], data["beoordeling"]
    uit = {k: str(loc[k]) for k in ("naam", "gemeente", "soort", "status", "capaciteit",
                                    "draagvlak_regio") if k in loc}
    uit["doelgroepen"] = " ".join(loc["doelgroepen"])
    if loc.get("bewoners"):
        uit["kinderen"] = str(loc["bewoners"]["kinderen"])
        uit["amv"] = str(loc["bewoners"].get("amv", 0))
    uit["datum"], uit["beoordelaar"] = str(kop["datum"]), kop["beoordelaar"]
    uit["kader"] = kader.label
    for c in kader.criteria:
        if c.id not in data.get("antwoorden", {}):
            continue
        a = data["antwoorden"][c.id]
        waarde = a["waarde"] if isinstance(a, dict) else a
        if isinstance(c, GetalCriterium):
            if waarde in ("nvt", "onbekend"):
                uit[veld(c.id, KEUZE)] = waarde
            else:
                uit[veld(c.id, KEUZE)], uit[veld(c.id)] = "getal", str(waarde)
        else:
            uit[veld(c.id)] = str(waarde)
        if isinstance(a, dict) and a.get("toelichting"):
            uit[veld(c.id, TOELICHTING)] = a["toelichting"]
        if isinstance(a, dict) and a.get("bewijs"):
            uit[veld(c.id, BEWIJS)] = a["bewijs"][0]
    return uit


def kobo_csv(f: Formulier, inzendingen: list[tuple[dict[str, str], dict[str, str]]],
             scheiding: str = ";") -> str:
    """Een CSV-export van KoboToolbox ('XML values and headers', met groepsnamen, '/')."""
    velden = velden_met_groep(f)
    kop = ["start", "end", *(f"{g}/{n}" if g else n for g, n in velden),
           "_id", "_uuid", "_submission_time", "_validation_status", "__version__",
           "_submitted_by"]
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=scheiding, lineterminator="\n")
    w.writerow(kop)
    for i, (v, meta) in enumerate(inzendingen, 1):
        w.writerow(["2026-10-14T09:00:00", "2026-10-14T11:00:00",
                    *(v.get(n, "") for _, n in velden), str(1000 + i), meta["uuid"],
                    meta.get("ingediend", "2026-10-14T11:05:00"), meta.get("status", ""),
                    "vKx3dAe8QmT", "inspecteur1"])
    return buf.getvalue()


def odk_csv(f: Formulier, inzendingen: list[tuple[dict[str, str], dict[str, str]]]) -> str:
    """Een CSV-export van ODK Central (groepen met '-', meta-kolommen van Central)."""
    velden = velden_met_groep(f)
    kop = ["SubmissionDate", "start", "end", *(f"{g}-{n}" if g else n for g, n in velden),
           "meta-instanceID", "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent",
           "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits", "FormVersion"]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(kop)
    for v, meta in inzendingen:
        w.writerow([meta.get("ingediend", "2026-10-14T11:05:00.000Z"), "2026-10-14T09:00:00",
                    "2026-10-14T11:00:00", *(v.get(n, "") for _, n in velden),
                    "uuid:" + meta["uuid"], "uuid:" + meta["uuid"], "5", "tablet-3", "0", "0", "",
                    meta.get("status", ""), "collect:abc", "0", f.settings["version"]])
    return buf.getvalue()
