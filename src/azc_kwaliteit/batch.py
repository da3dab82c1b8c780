"""Een map vol beoordelingen scoren: bestanden vinden, elk apart verwerken, fouten verzamelen.

Een kapot bestand stopt de rest niet: het wordt een ``Probleem`` in de lijst met fouten, en de
andere bestanden worden gewoon gescoord. Per bestand blijft alleen een samenvatting over (zonder
de volledige lijst criteria), zodat duizenden bestanden weinig geheugen kosten. Vanaf
``MIN_VOOR_WORKERS`` bestanden werken alle kernen mee (fork, zodat het geladen kader en de
gecompileerde sjablonen gedeeld worden in plaats van per proces opnieuw opgebouwd).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from azc_kwaliteit import privacy
from azc_kwaliteit.antwoorden import Oordeel
from azc_kwaliteit.fouten import InvoerFout, Probleem
from azc_kwaliteit.indeling import deel_in
from azc_kwaliteit.invoer import GeladenKader, laad_beoordeling
from azc_kwaliteit.schrijven import schrijf_atomair
from azc_kwaliteit.uitslag import Uitslag
from azc_kwaliteit.valideren import pad_tekst as _pad_tekst
from azc_kwaliteit.vergelijken import trend
from azc_kwaliteit.weergave import uitslag_kern, uitslag_tekst, veilige_naam, volgorde

EXTENSIES = (".yaml", ".yml")
MIN_VOOR_WORKERS = 100
"""Onder dit aantal bestanden kost het opstarten van workers meer dan het oplevert."""

Uitkomst = dict[str, Any] | list[Probleem]


def zoek_bestanden(mappen: Sequence[Path]) -> tuple[list[Path], list[Probleem]]:
    """Alle YAML-bestanden onder ``mappen`` (recursief, gesorteerd, symlinks naar mappen niet
    gevolgd), en een probleem voor elke map die niet bestaat."""
    gevonden: list[Path] = []
    problemen: list[Probleem] = []
    for map_ in mappen:
        if map_.is_file() or (map_.is_symlink() and not map_.exists()):
            gevonden.append(map_)
        elif map_.is_dir():
            for wortel, mapnamen, bestandsnamen in os.walk(map_, followlinks=False):
                mapnamen.sort()
                gevonden.extend(Path(wortel) / n for n in sorted(bestandsnamen)
                                if n.lower().endswith(EXTENSIES))
        else:
            problemen.append(Probleem(str(map_), None, "map of bestand bestaat niet"))
    if len(mappen) > 1:  # alleen overlappende mappen geven een bestand twee keer
        gevonden = list(dict.fromkeys(gevonden))
    return gevonden, problemen


_NIET_VOLDAAN = (Oordeel.voldoet_niet, Oordeel.deels)


def verwerk(pad: Path, kader: GeladenKader, anonimiseer: bool = False,
            html_map: Path | None = None) -> dict[str, Any]:
    """De compacte samenvatting van één beoordeling voor een batch: de sleutels van het contract
    (categorie, omzetting, pijlers, dekking, redenen, verbeterpad) plus de bevindingen (criteria
    die niet voldoen, met de regel van hun antwoord) voor SARIF en annotaties."""
    beoordeling, doc = laad_beoordeling(pad, kader.kader)
    vondsten = privacy.zoek(beoordeling)
    if anonimiseer:
        beoordeling = privacy.anonimiseer(beoordeling)
    u = deel_in(kader.kader, beoordeling, volledig=html_map is not None)
    rij: dict[str, Any] = {
        "bestand": str(pad),
        **uitslag_kern(u),
        "beoordeling": {"datum": u.datum, "kader": u.verklaard_kader},
        "pijlers": {p.id: {"naam": p.naam, "score": p.score} for p in u.pijlers},
        "verbeterpad": [{"criterium": s.criterium, "oordeel": s.oordeel.value}
                        for s in u.verbeterpad],
        "bevindingen": [
            {"criterium": c.id, "oordeel": c.oordeel.value, "kritiek": c.kritiek,
             "antwoord": c.antwoord, "regel": doc.regel(("antwoorden", c.id))}
            for c in u.criteria  # zonder 'volledig' alleen wat niet voldoet of onbekend is
            if c.oordeel in _NIET_VOLDAAN or (c.kritiek and c.oordeel == Oordeel.onbekend)
        ],
    }
    if html_map is not None:
        rij["rapport"] = schrijf_rapport(u, kader, html_map, str(pad))
    if vondsten:
        rij["privacy"] = [{"regel": doc.regel(v.pad), "veld": _pad_tekst(v.pad), "soort": v.soort}
                          for v in vondsten]
    return rij


def schrijf_rapport(u: Uitslag, kader: GeladenKader, html_map: Path, sleutel: str) -> str:
    """Schrijf de HTML-pagina van één locatie in ``html_map`` (atomair) en geef de bestandsnaam.
    De naam komt uit de beoordeling, dus wordt hij een veilige slug die de map niet kan verlaten."""
    naam = veilige_naam(f"{u.locatie} {u.gemeente} {u.datum}", sleutel) + ".html"
    doel = html_map / naam
    if doel.resolve().parent != html_map.resolve():  # pragma: no cover - slug sluit dit al uit
        raise ValueError(f"rapportnaam buiten de uitvoermap: {naam}")
    schrijf_atomair(doel, uitslag_tekst(u, kader.herkomst, "html", indeling=kader.kader.indeling,
                                        terug="index.html"))
    return naam


def _probeer(pad: Path, kader: GeladenKader, anonimiseer: bool = False,
             html_map: Path | None = None) -> Uitkomst:
    try:
        return verwerk(pad, kader, anonimiseer, html_map)
    except InvoerFout as e:
        return e.problemen


_WORKER_KADER: GeladenKader | None = None
_WORKER_ANONIEM = False
_WORKER_HTML: Path | None = None


def _rustige_gc() -> None:
    """Elke beoordeling maakt duizenden kortlevende objecten zonder kringverwijzingen; een hogere
    drempel scheelt vele onnodige GC-rondes."""
    gc.set_threshold(50_000, 50, 100)


def _in_worker(pad: Path) -> Uitkomst:
    assert _WORKER_KADER is not None
    return _probeer(pad, _WORKER_KADER, _WORKER_ANONIEM, _WORKER_HTML)


def verwerk_alle(paden: list[Path], kader: GeladenKader, workers: int | None = None,
                 anonimiseer: bool = False, html_map: Path | None = None) -> Iterator[Uitkomst]:
    """Per bestand een samenvatting, of de lijst problemen als het bestand ongeldig is.

    Bij veel bestanden in volgorde van afronding (de weergave sorteert toch); ``workers=1``
    dwingt één proces af.
    """
    global _WORKER_KADER, _WORKER_ANONIEM, _WORKER_HTML
    if workers is None:
        workers = (os.cpu_count() or 1) if len(paden) >= MIN_VOOR_WORKERS else 1
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        if len(paden) >= MIN_VOOR_WORKERS:
            _rustige_gc()
        for pad in paden:
            yield _probeer(pad, kader, anonimiseer, html_map)
        return
    _WORKER_KADER, _WORKER_ANONIEM, _WORKER_HTML = kader, anonimiseer, html_map
    gc.freeze()  # de geladen modules en het kader hoeven de GC in elke worker niet te kosten
    _rustige_gc()  # ook hier: het hoofdproces verzamelt duizenden kleine rijen
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_rustige_gc) as pool:
        yield from pool.imap_unordered(_in_worker, paden, chunksize=64)


@dataclass
class BatchUitslag:
    """Alles wat een batchrun oplevert, klaar om te tonen of als JSON te schrijven."""

    kader: dict[str, str]
    resultaten: list[dict[str, Any]] = field(default_factory=list)
    fouten: list[Probleem] = field(default_factory=list)

    def voeg_toe(self, uitkomst: Uitkomst) -> None:
        if isinstance(uitkomst, list):
            self.fouten.extend(uitkomst)
        else:
            self.resultaten.append(uitkomst)

    @property
    def ongeldige_bestanden(self) -> int:
        return len({f.bestand for f in self.fouten})

    def actueel(self) -> list[dict[str, Any]]:
        """Per locatie (zelfde naam en gemeente) alleen de nieuwste ronde, met de trend (↑/↓/=)
        tegen de ronde daarvoor. Twee bestanden van dezelfde datum blijven allebei staan."""
        groepen: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for r in self.resultaten:
            loc = r["locatie"]
            groepen[(loc["naam"].strip().casefold(), loc["gemeente"].strip().casefold())].append(r)
        uit = []
        for rondes in groepen.values():
            datums = sorted({r["beoordeling"]["datum"] for r in rondes})
            nieuwste = [r for r in rondes if r["beoordeling"]["datum"] == datums[-1]]
            if len(datums) == 1:
                uit.extend(nieuwste)
                continue
            vorige = min((r for r in rondes if r["beoordeling"]["datum"] == datums[-2]),
                         key=lambda r: r["categorie"])
            for r in nieuwste:
                uit.append({**r, "trend": trend(vorige["categorie"], r["categorie"]),
                            "rondes": len(datums),
                            "vorige_ronde": {"datum": vorige["beoordeling"]["datum"],
                                             "categorie": vorige["categorie"],
                                             "bestand": vorige["bestand"]}})
        return uit

    @staticmethod
    def tellingen(rijen: list[dict[str, Any]]) -> dict[str, int]:
        per = Counter(r["categorie"] for r in rijen)
        return {"kritiek": per[1], "verbeterbaar": per[2], "goed": per[3],
                "omzetting": sum(r["omzetting"] for r in rijen)}

    @staticmethod
    def gezakt(actueel: list[dict[str, Any]], faal_bij: int | None) -> list[dict[str, Any]]:
        """De locaties die nu (nieuwste ronde) in categorie ``faal_bij`` of lager vallen."""
        if faal_bij is None:
            return []
        return [r for r in actueel if r["categorie"] <= faal_bij]

    def andere_kaders(self) -> dict[str, int]:
        """Welke andere kaderversies de beoordelingen noemen, en hoe vaak."""
        gebruikt = f"{self.kader['id']}@{self.kader['versie']}"
        return dict(Counter(k for r in self.resultaten
                            if (k := r["beoordeling"]["kader"]) and k != gebruikt))

    def naar_dict(self, faal_bij: int | None = None) -> dict[str, Any]:
        actueel = self.actueel()
        return {
            "kader": self.kader,
            "samenvatting": {"beoordelingen": len(actueel), **self.tellingen(actueel),
                             "ongeldig": self.ongeldige_bestanden,
                             "eerdere_rondes": len(self.resultaten) - len(actueel)},
            "poort": {"faal_bij": faal_bij, "gezakt": len(self.gezakt(actueel, faal_bij))},
            "resultaten": volgorde(actueel),
            "fouten": [{"bestand": f.bestand, "regel": f.regel, "melding": f.melding}
                       for f in sorted(self.fouten, key=lambda f: (f.bestand, f.regel or 0))],
        }
