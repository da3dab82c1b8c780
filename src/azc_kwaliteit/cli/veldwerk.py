# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""``formulier`` en ``importeer``: het kader als XLSForm voor de tablet, en de inzendingen uit
KoboToolbox of ODK Central terug als beoordelingen."""

from pathlib import Path
from typing import Annotated

import typer

from azc_kwaliteit.cli import terminal
from azc_kwaliteit.cli.opties import ONGELDIG, ForceerOptie, KaderOptie, Taal, TaalOptie
from azc_kwaliteit.domein.vertalen import _


def formulier(
    uitvoer: Annotated[Path | None, typer.Option(
        "--uitvoer", "-o", metavar="PAD", help="Het .xlsx-bestand (standaard "
        "formulier-<kader>-<versie>.xlsx in de huidige map).")] = None,
    kader: KaderOptie = None,
    doelgroepen: Annotated[str | None, typer.Option(
        "--doelgroepen", metavar="LIJST", help="Alleen criteria voor deze doelgroepen "
        "(gezinnen,amv), zoals bij sjabloon.")] = None,
    soort: Annotated[str | None, typer.Option("--soort", metavar="SOORT",
                                              help="Alleen criteria voor deze soort locatie.")] = None,
    status: Annotated[str | None, typer.Option(
        "--status", metavar="STATUS", help="in_gebruik of gepland (een plantoets).")] = None,
    forceer: ForceerOptie = False,
    taal: TaalOptie = Taal.nl,
) -> None:
    """Het kader als XLSForm voor ODK Collect en KoboToolbox: één vraag per criterium.

    Eerst de locatie, dan een groep per pijler; per criterium het antwoord (altijd ook nvt en
    onbekend), de norm als hint, een toelichting en een bewijsstuk. Op de tablet verschijnen alleen
    de criteria die voor de locatie gelden. Zet het bestand in KoboToolbox of ODK Central; de
    export leest 'azc-kwaliteit importeer' terug.
    """
    from azc_kwaliteit.domein.fouten import KwaliteitFout
    from azc_kwaliteit.invullen.formulier import formulier as maak
    from azc_kwaliteit.invullen.formulier import schrijf_xlsx

    groepen = terminal.locatiekeuzes(doelgroepen, soort, status)
    geladen = terminal.kader(kader)
    k = geladen.kader
    doel = uitvoer or Path(f"formulier-{k.kader.id}-{k.kader.versie}.xlsx")
    try:
        from azc_kwaliteit.invoer.overschrijven import bewaak

        bewaak(doel, [p for p in (kader,) if p is not None], forceer=forceer)
        schrijf_xlsx(maak(k, geladen.herkomst, doelgroepen=groepen, soort=soort, status=status),
                     doel)
    except KwaliteitFout as e:
        terminal.stop(e)
    terminal.geschreven(doel)


def importeer(
    exports: Annotated[list[Path], typer.Argument(
        help="Exports van KoboToolbox (CSV, XLSX, JSON) of ODK Central (CSV, zip).",
        show_default=False, metavar="EXPORT")],
    map_: Annotated[Path, typer.Option("--map", metavar="MAP",
                                       help="Waar de beoordelingen komen (één YAML per inzending).")],
    kader: KaderOptie = None,
    forceer: Annotated[bool, typer.Option(
        "--forceer", help="Overschrijf ook een beoordeling die na de vorige import met de hand "
                          "veranderd is.")] = False,
    taal: TaalOptie = Taal.nl,
) -> None:
    """Zet inzendingen uit KoboToolbox of ODK Central om in beoordelingen, één per inzending.

    Opnieuw importeren verandert niets en verdubbelt niets: de naam volgt de uuid van de
    inzending. Een beoordeling die na de import met de hand veranderd is, wordt niet
    overschreven (zonder --forceer). Een fout noemt de rij en de kolom; de goede rijen worden
    gewoon geïmporteerd (met exitcode 2 als er een fout was). Review (goedgekeurd, afgewezen),
    uuid en tijdstip komen mee in beoordeling.status en beoordeling.bron.
    """
    from azc_kwaliteit.domein.fouten import KwaliteitFout, Melding, Probleem, SchrijfFout
    from azc_kwaliteit.domein.taal import aantal
    from azc_kwaliteit.invoer import privacy
    from azc_kwaliteit.invoer.valideren import pad_tekst
    from azc_kwaliteit.invullen.importeren import (
        als_yaml,
        bestandsnaam_voor,
        inzendingen,
        met_de_hand_veranderd,
    )
    from azc_kwaliteit.uitvoer.schrijven import schrijf_atomair

    geladen = terminal.kader(kader)
    fouten = nieuw = gelijk = onleesbaar = bewaard = 0
    try:
        for uitkomst in inzendingen(list(exports), geladen.kader):
            if isinstance(uitkomst, Probleem):  # de hele export
                terminal.fout(uitkomst)
                onleesbaar += 1
                continue
            for w in uitkomst.waarschuwingen:
                terminal.waarschuw(w)
            problemen, tekst, b = uitkomst.problemen, "", None
            if not problemen:
                tekst, b, problemen = als_yaml(uitkomst, geladen.kader)
            if problemen or b is None:
                for p in problemen:
                    terminal.fout(p)
                fouten += 1
                continue
            doel = bestandsnaam_voor(uitkomst, map_)
            for v in privacy.zoek(b):
                terminal.waarschuw(Melding(str(doel), None, privacy.waarschuwing(
                    pad_tekst(v.pad), v.soort)))
            bestaand = _lees_bestaand(doel)
            if bestaand == tekst:
                gelijk += 1
                continue
            if bestaand is not None and not forceer and met_de_hand_veranderd(bestaand):
                terminal.fout(Probleem(str(doel), None, _(
                    "veranderd sinds de vorige import; niet overschreven (met --forceer geldt de "
                    "export)")))
                bewaard += 1
                continue
            schrijf_atomair(doel, tekst)
            nieuw += 1
    except SchrijfFout as e:
        terminal.stop(e)
    except KwaliteitFout as e:
        terminal.stop(e)
    terminal.meld(_("{beoordelingen} geschreven in {map}, {gelijk} ongewijzigd").format(
        beoordelingen=aantal(nieuw, "beoordeling", "beoordelingen"), map=map_, gelijk=gelijk)
        + (", " + _("{inzendingen} met fouten niet geïmporteerd").format(
            inzendingen=aantal(fouten, "inzending", "inzendingen")) if fouten else "")
        + (", " + _("{exports} niet gelezen").format(
            exports=aantal(onleesbaar, "export", "exports")) if onleesbaar else "")
        + (", " + _("{beoordelingen} met de hand veranderd en bewaard").format(
            beoordelingen=aantal(bewaard, "beoordeling", "beoordelingen")) if bewaard else "")
        + ".")
    if fouten or onleesbaar or bewaard:
        raise typer.Exit(ONGELDIG)


def _lees_bestaand(pad: Path) -> str | None:
    """Wat er al staat (None als er niets staat); iets dat geen tekst is, telt als veranderd."""
    try:
        return pad.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        return ""
