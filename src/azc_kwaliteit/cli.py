"""De opdrachtregel: de enige plek die argumenten leest, print, vraagt en met een code stopt.

Exitcodes (design §6): 0 klaar; 1 de poort (``--faal-bij``) is gezakt; 2 ongeldige invoer of
verkeerd gebruik; 3 interne fout (een bug). De kernmodules (laden, modellen, indeling, weergave)
worden pas binnen een opdracht geïmporteerd, zodat ``--help`` snel blijft. Bewust zonder
``from __future__ import annotations``: Typer leest de annotaties van elke opdracht twee keer, en
moest ze dan telkens uit tekst evalueren (5 % van de instructies van ``--help``). Alleen namen
die er pas bij typecontrole zijn, staan tussen aanhalingstekens.
"""

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from azc_kwaliteit import __version__
from azc_kwaliteit.cli_nl import NlCommand, NlGroup, gebruiksfout, installeer

if TYPE_CHECKING:
    from rich.console import Console

    from azc_kwaliteit.fouten import Probleem
    from azc_kwaliteit.invoer import GeladenKader
    from azc_kwaliteit.uitslag import Uitslag

OK, POORT_GEZAKT, ONGELDIG, INTERN = 0, 1, 2, 3
MELD_BUG = "https://github.com/azc-kwaliteit/azc-kwaliteit/issues"

installeer()

app = typer.Typer(
    name="azc-kwaliteit",
    cls=NlGroup,
    help="Toets opvanglocaties voor kinderen aan het kwaliteitskader: categorie 1 kritiek, "
    "2 verbeterbaar of 3 goed, met uitleg, verbeterpad en bronnen.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)
kader_app = typer.Typer(
    help="Het kader bekijken, controleren, als document lezen en als JSON Schema exporteren.",
    no_args_is_help=True, cls=NlGroup)
app.add_typer(kader_app, name="kader")


class Formaat(StrEnum):
    tekst = "tekst"
    json = "json"
    markdown = "markdown"
    html = "html"


KaderOptie = Annotated[
    Path | None,
    typer.Option("--kader", metavar="PAD",
                 help="Ander kaderbestand (YAML). Zonder deze optie geldt het ingebouwde kader."),
]
FormaatOptie = Annotated[
    Formaat, typer.Option("--formaat", "-f", help="Uitvoerformaat.", case_sensitive=False)
]
SjabloonOptie = Annotated[
    Path | None,
    typer.Option("--sjabloon", metavar="PAD",
                 help="Render met een eigen Jinja-sjabloon (in een sandbox); gaat voor --formaat."),
]
AnonimiseerOptie = Annotated[
    bool,
    typer.Option("--anonimiseer", help="Laat de beoordelaar en alle toelichtingen weg "
                 "(voor rapporten die openbaar worden)."),
]
DoelOptie = Annotated[
    int | None,
    typer.Option("--doel", min=2, max=3, metavar="2|3",
                 help="De categorie waar het verbeterpad heen gaat (standaard de volgende; "
                 "--doel 3 geeft het hele pad naar goed)."),
]
UitvoerOptie = Annotated[
    Path | None,
    typer.Option("--uitvoer", "-o", metavar="PAD",
                 help="Schrijf naar dit bestand in plaats van naar het scherm."),
]


def _versie(waarde: bool) -> None:
    if waarde:
        typer.echo(f"azc-kwaliteit {__version__}")
        raise typer.Exit()


@app.callback()
def _hoofd(
    versie: Annotated[bool, typer.Option("--versie", callback=_versie, is_eager=True,
                                         help="Toon de versie en stop.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Toon bij een interne fout de hele "
                                        "traceback (die staat ook altijd in het foutlog).")
                     ] = False,
) -> None:
    """Toets opvanglocaties voor kinderen aan het kwaliteitskader."""


# ---------------------------------------------------------------- hulpfuncties


def _console(stderr: bool = False) -> "Console":
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _stop_met_problemen(problemen: list["Probleem"]) -> NoReturn:
    for p in problemen[:50]:
        typer.echo(f"fout: {p}", err=True)
    if len(problemen) > 50:
        typer.echo(f"fout: ... en nog {len(problemen) - 50} problemen", err=True)
    raise typer.Exit(ONGELDIG)


def _kader(pad: Path | None) -> "GeladenKader":
    from azc_kwaliteit.fouten import InvoerFout
    from azc_kwaliteit.invoer import laad_kader

    try:
        return laad_kader(pad)
    except InvoerFout as e:
        _stop_met_problemen(e.problemen)


def _schrijf(tekst: str | Iterable[str], uitvoer: Path | None, *, stil: bool = False) -> None:
    """Naar stdout of (atomair) naar een bestand, met een regeleinde aan het eind. Een tekst in
    stukken wordt stuk voor stuk geschreven."""
    delen = _met_regeleinde([tekst] if isinstance(tekst, str) else tekst)
    if uitvoer is None:
        sys.stdout.writelines(delen)
        sys.stdout.flush()
        return
    from azc_kwaliteit.schrijven import schrijf_atomair

    try:
        schrijf_atomair(uitvoer, delen)
    except OSError as e:
        typer.echo(f"fout: {uitvoer}: kan niet schrijven ({e.strerror})", err=True)
        raise typer.Exit(ONGELDIG) from None
    if not stil:
        typer.echo(f"Geschreven: {uitvoer}", err=True)


def _met_regeleinde(delen: Iterable[str]) -> Iterator[str]:
    laatste = "\n"
    for deel in delen:
        if deel:
            yield deel
            laatste = deel
    if not laatste.endswith("\n"):
        yield "\n"


def _toon_uitslag(u: "Uitslag", kader: "GeladenKader", formaat: Formaat,
                  uitvoer: Path | None, sjabloon: Path | None = None) -> None:
    from azc_kwaliteit.fouten import InvoerFout
    from azc_kwaliteit.weergave import eigen_sjabloon, uitslag_naar_dict, uitslag_tekst

    if sjabloon is not None:
        try:
            tekst = eigen_sjabloon(sjabloon, u=u, kader=kader.herkomst,
                                   uitslag=uitslag_naar_dict(u, kader.herkomst))
        except InvoerFout as e:
            _stop_met_problemen(e.problemen)
        _schrijf(tekst, uitvoer)
        return
    console = _console()
    if formaat == Formaat.tekst and uitvoer is None and console.is_terminal:
        _rich_kop(console, u, kader)
        console.print(uitslag_tekst(u, kader.herkomst, "tekst", met_kop=False),
                      markup=False, end="")
        return
    _schrijf(uitslag_tekst(u, kader.herkomst, formaat.value, indeling=kader.kader.indeling),
             uitvoer)


_KLEUR = {1: "bold white on red", 2: "bold black on yellow", 3: "bold white on green",
          None: "bold white on grey30"}


def _rich_kop(console: "Console", u: "Uitslag", kader: "GeladenKader") -> None:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from azc_kwaliteit.antwoorden import pct
    from azc_kwaliteit.weergave import balk

    titel = Text(f"{u.locatie} ({u.gemeente})", style="bold")
    titel.append(f" – {u.soort}, {'plantoets' if u.plantoets else u.status}", style="")
    if u.categorie is None:
        kop = u.categorie_kop.upper() if not u.plantoets else "PLAN ONVOLDOENDE BEOORDEELD"
    else:
        soort = "Verwachte categorie" if u.plantoets else "Categorie"
        kop = f"{soort} {u.categorie.value} – {u.categorie.naam.upper()}"
    badge = Text(f" {kop} ", style=_KLEUR[u.categorie])
    tabel = Table.grid(padding=(0, 2))
    ind = kader.kader.indeling
    for p in u.pijlers:
        kleur = ("dim" if p.score is None else "red" if p.score < ind.kritiek_onder
                 else "yellow" if p.score < ind.goed_vanaf else "green")
        tabel.add_row(Text(p.naam), Text(balk(p.score), style=kleur),
                      Text(pct(p.score) if p.score is not None else f"geen score: {p.toelichting}"))
    tabel.add_row("Dekking", Text(balk(u.dekking), style="cyan"), pct(u.dekking))
    onder = Text(f"Beoordeeld op {u.datum} door {u.beoordelaar}\nKader {kader.kader.label} "
                 f"({kader.hash})", style="dim")
    kleur = _KLEUR[u.categorie].split()[-1]
    console.print(Panel.fit(Text.assemble(badge, "\n", u.betekenis, "\n", onder),
                            title=titel, border_style=kleur))
    console.print(tabel)


def _beoordeel(bestand: Path, kader_pad: Path | None, formaat: Formaat, uitvoer: Path | None,
               plantoets: bool | None, anonimiseer: bool, sjabloon: Path | None,
               doel: int | None = None) -> None:
    from azc_kwaliteit import privacy
    from azc_kwaliteit.fouten import InvoerFout
    from azc_kwaliteit.indeling import deel_in
    from azc_kwaliteit.invoer import laad_beoordeling
    from azc_kwaliteit.valideren import pad_tekst

    kader = _kader(kader_pad)
    try:
        beoordeling, doc = laad_beoordeling(bestand, kader.kader)
    except InvoerFout as e:
        _stop_met_problemen(e.problemen)
    for v in privacy.zoek(beoordeling):
        _privacy_waarschuwing(str(bestand), doc.regel(v.pad), pad_tekst(v.pad), v.soort)
    if anonimiseer:
        beoordeling = privacy.anonimiseer(beoordeling)
    from azc_kwaliteit.uitslag import Categorie

    u = deel_in(kader.kader, beoordeling, plantoets=plantoets,
                doel=None if doel is None else Categorie(doel))
    for w in u.waarschuwingen:
        typer.echo(f"waarschuwing: {bestand}: {w}", err=True)
    for i in u.ingetrokken:
        _ingetrokken_waarschuwing(str(bestand), doc.regel(("antwoorden", i.id)), i.tekst)
    _toon_uitslag(u, kader, formaat, uitvoer, sjabloon)


def _ingetrokken_waarschuwing(bestand: str, regel: int | None, tekst: str) -> None:
    plek = f"{bestand}:{regel}" if regel else bestand
    typer.echo(f"waarschuwing: {plek}: {tekst}", err=True)


def _privacy_waarschuwing(bestand: str, regel: int | None, veld: str, soort: str) -> None:
    plek = f"{bestand}:{regel}" if regel else bestand
    typer.echo(f"waarschuwing: {plek}: {veld} lijkt {soort} te bevatten; persoonsgegevens horen "
               "niet in een beoordeling (gebruik --anonimiseer voor publicatie)", err=True)


# ---------------------------------------------------------------- opdrachten


@app.command(cls=NlCommand)
def beoordeel(
    bestand: Annotated[Path, typer.Argument(help="De beoordeling (YAML).", show_default=False,
                                            metavar="BESTAND")],
    kader: KaderOptie = None,
    formaat: FormaatOptie = Formaat.tekst,
    uitvoer: UitvoerOptie = None,
    anonimiseer: AnonimiseerOptie = False,
    sjabloon: SjabloonOptie = None,
    doel: DoelOptie = None,
) -> None:
    """Deel één locatie in: categorie, pijlerscores, redenen en verbeterpad."""
    _beoordeel(bestand, kader, formaat, uitvoer, plantoets=None, anonimiseer=anonimiseer,
               sjabloon=sjabloon, doel=doel)


@app.command(cls=NlCommand)
def plantoets(
    bestand: Annotated[Path, typer.Argument(help="De beoordeling van de geplande locatie (YAML).",
                                            show_default=False, metavar="BESTAND")],
    kader: KaderOptie = None,
    formaat: FormaatOptie = Formaat.tekst,
    uitvoer: UitvoerOptie = None,
    anonimiseer: AnonimiseerOptie = False,
    sjabloon: SjabloonOptie = None,
    doel: DoelOptie = None,
) -> None:
    """Toets een geplande locatie: verwachte categorie en wat het plan mist.

    Alleen criteria die al bij het ontwerp te beoordelen zijn (fase 'gepland') tellen mee.
    De rest staat in de lijst 'nog te beoordelen'.
    """
    _beoordeel(bestand, kader, formaat, uitvoer, plantoets=True, anonimiseer=anonimiseer,
               sjabloon=sjabloon, doel=doel)


class BatchFormaat(StrEnum):
    tekst = "tekst"
    json = "json"
    markdown = "markdown"
    junit = "junit"
    sarif = "sarif"


def _pad_optie(naam: str, wat: str) -> Any:
    return typer.Option(naam, metavar="PAD", help=f"Schrijf ook {wat} naar dit bestand.",
                        rich_help_panel="Extra uitvoer (meerdere tegelijk mogelijk)")


@app.command(cls=NlCommand)
def batch(
    mappen: Annotated[list[Path], typer.Argument(help="Mappen (of bestanden) met beoordelingen; "
                                                 "mappen worden recursief doorzocht op *.yaml "
                                                 "en *.yml.", show_default=False,
                                                 metavar="MAP")],
    kader: KaderOptie = None,
    formaat: Annotated[BatchFormaat, typer.Option("--formaat", "-f", case_sensitive=False,
                                                  help="Uitvoerformaat.")] = BatchFormaat.tekst,
    faal_bij: Annotated[int | None, typer.Option(
        "--faal-bij", min=1, max=2, metavar="1|2",
        help="Poort voor CI: stop met code 1 als een locatie in deze categorie of lager valt, "
        "of onvoldoende beoordeeld is.",
    )] = None,
    alle: Annotated[bool, typer.Option("--alle", help="Toon alle locaties, ook bij grote "
                                       "aantallen.")] = False,
    stil: Annotated[bool, typer.Option("--stil", help="Alleen het resultaat: geen voortgang, "
                                       "geen overzicht, geen meldingen over geschreven "
                                       "bestanden.")] = False,
    max_fouten: Annotated[int | None, typer.Option(
        "--max-fouten", min=1, metavar="N",
        help="Stop na N ongeldige bestanden (de rest wordt dan niet gescoord).")] = None,
    json_pad: Annotated[Path | None, _pad_optie("--json", "de JSON")] = None,
    junit_pad: Annotated[Path | None, _pad_optie("--junit", "JUnit XML")] = None,
    sarif_pad: Annotated[Path | None, _pad_optie("--sarif", "SARIF 2.1.0")] = None,
    markdown_pad: Annotated[Path | None, _pad_optie("--markdown", "een Markdown-samenvatting")
                            ] = None,
    html_map: Annotated[Path | None, typer.Option(
        "--html", metavar="MAP", rich_help_panel="Extra uitvoer (meerdere tegelijk mogelijk)",
        help="Schrijf HTML-rapporten naar deze map: index.html met het overzicht en een pagina "
             "per locatie.")] = None,
    uitvoer: UitvoerOptie = None,
    anonimiseer: AnonimiseerOptie = False,
) -> None:
    """Scoor alle beoordelingen in mappen: overzicht, JSON, JUnit, SARIF en een poort voor CI.

    Ongeldige bestanden worden gemeld met bestand:regel; de rest wordt gewoon gescoord.
    Een ongeldig bestand geeft altijd exitcode 2. Op GitHub Actions komen er annotaties bij.
    """
    import os
    import time

    from azc_kwaliteit.batch import BatchUitslag, verwerk_alle, zoek_bestanden

    geladen = _kader(kader)
    paden, problemen = zoek_bestanden(mappen)
    if not paden and not problemen:
        typer.echo("fout: geen beoordelingen (*.yaml, *.yml) gevonden in "
                   + ", ".join(str(m) for m in mappen), err=True)
        raise typer.Exit(ONGELDIG)
    start = time.perf_counter()
    afgebroken = False
    with BatchUitslag(geladen.herkomst, fouten=problemen) as uitslag:
        with _voortgang(len(paden), aan=not stil) as stap:
            for uitkomst in verwerk_alle(paden, geladen, anonimiseer=anonimiseer,
                                         html_map=_maak_map(html_map)):
                uitslag.voeg_toe(uitkomst)
                stap()
                if max_fouten is not None and uitslag.ongeldige_bestanden >= max_fouten:
                    afgebroken = True
                    break
        data = uitslag.naar_dict(faal_bij)
        if html_map is not None:
            from azc_kwaliteit.weergave import batch_html

            _schrijf(batch_html(data, geladen.kader), html_map / "index.html", stil=stil)
            if markdown_pad is not None:
                data["html_basis"] = os.path.relpath(html_map, markdown_pad.resolve().parent)
        teksten = _batch_teksten(data, geladen, faal_bij, time.perf_counter() - start, alle)
        for pad, soort in ((json_pad, "json"), (junit_pad, "junit"), (sarif_pad, "sarif"),
                           (markdown_pad, "markdown")):
            if pad is not None:
                _schrijf(teksten(soort), pad, stil=stil)
        console = _console() if formaat == BatchFormaat.tekst and uitvoer is None else None
        if console is not None and console.is_terminal and not stil:
            _rich_batch(console, data, alle)
        elif formaat == BatchFormaat.tekst and stil:
            _schrijf(teksten("samenvatting"), uitvoer, stil=True)
        else:
            _schrijf(teksten(formaat.value), uitvoer, stil=stil)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            from azc_kwaliteit.ci_formaten import github_annotaties

            machine = formaat != BatchFormaat.tekst and uitvoer is None
            for regel in github_annotaties(data, faal_bij):
                typer.echo(regel, err=machine)  # annotaties horen op stdout, tenzij daar JSON staat
        for bestand, v in uitslag.vondsten("privacy"):
            _privacy_waarschuwing(bestand, v["regel"], v["veld"], v["soort"])
        for bestand, v in uitslag.vondsten("ingetrokken"):
            _ingetrokken_waarschuwing(bestand, v["regel"], v["tekst"])
        for andere, aantal in uitslag.andere_kaders().items():
            typer.echo(f"waarschuwing: {aantal} beoordeling(en) noemen kader {andere}, maar zijn "
                       f"beoordeeld met {geladen.kader.label}", err=True)
    if afgebroken:
        typer.echo(f"Gestopt na {max_fouten} ongeldige bestanden (--max-fouten); niet alle "
                   "bestanden zijn gescoord.", err=True)
    if uitslag.ongeldige_bestanden:
        typer.echo(f"{uitslag.ongeldige_bestanden} bestand(en) ongeldig; exitcode 2.", err=True)
        raise typer.Exit(ONGELDIG)
    gezakt = data["poort"]["gezakt"]
    if gezakt:
        onvoldoende = data["samenvatting"]["onvoldoende_beoordeeld"]
        typer.echo(f"Poort gezakt: {gezakt} locatie(s) in categorie {faal_bij} of lager"
                   + (f" of onvoldoende beoordeeld ({onvoldoende})" if onvoldoende else "") + ".",
                   err=True)
        raise typer.Exit(POORT_GEZAKT)


def _maak_map(map_: Path | None) -> Path | None:
    if map_ is None:
        return None
    try:
        map_.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        typer.echo(f"fout: {map_}: kan map niet maken ({e.strerror})", err=True)
        raise typer.Exit(ONGELDIG) from None
    return map_


def _batch_teksten(data: dict[str, Any], geladen: "GeladenKader", faal_bij: int | None,
                   duur: float, alle: bool) -> Callable[[str], str | Iterable[str]]:
    """Een maker van de batchuitvoer per formaat (pas gemaakt als erom gevraagd wordt). Grote
    uitvoer komt in stukken, zodat ze nooit in haar geheel in het geheugen staat."""
    from azc_kwaliteit import ci_formaten
    from azc_kwaliteit.weergave import (
        JsonLijst,
        compacte_json,
        json_delen,
        naar_json,
        render,
        render_delen,
    )

    def maak(soort: str) -> str | Iterable[str]:
        resultaten, fouten = data["resultaten"], data["fouten"]
        if soort == "json" and max(len(resultaten), len(fouten)) <= _MAX_RIJEN:
            return naar_json({**data, "resultaten": list(resultaten), "fouten": list(fouten)})
        if soort == "json":
            return json_delen({**data, "resultaten": JsonLijst(resultaten.json_teksten()),
                               "fouten": JsonLijst(map(compacte_json, fouten))})
        if soort == "junit":
            return ci_formaten.naar_junit(data, faal_bij, duur)
        if soort == "sarif":
            return ci_formaten.naar_sarif(data, geladen.kader)
        if soort == "markdown":
            return render_delen("batch.md.j2", b=data, alle=alle, max_rijen=_MAX_RIJEN)
        if soort == "samenvatting":
            return render("batch.txt.j2", b=data, alle=False, max_rijen=0, zonder_tabel=True)
        return render_delen("batch.txt.j2", b=data, alle=alle, max_rijen=_MAX_RIJEN)

    return maak


@contextmanager
def _voortgang(totaal: int, *, aan: bool) -> Iterator[Callable[[], None]]:
    """Een voortgangsbalk op stderr, alleen op een terminal, niet in CI en niet bij kleine
    aantallen; anders een stap die niets doet."""
    import os

    console = _console(stderr=True) if aan and totaal >= 20 and not os.environ.get("CI") else None
    if console is None or not console.is_terminal:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("Beoordelingen scoren"), BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=console, transient=True) as voortgang:
        taak = voortgang.add_task("scoren", total=totaal)
        yield lambda: voortgang.advance(taak)


_MAX_RIJEN = 50


def _rich_batch(console: "Console", data: dict[str, Any], alle: bool) -> None:
    from rich.table import Table

    from azc_kwaliteit.antwoorden import pct
    from azc_kwaliteit.weergave import render

    resultaten = data["resultaten"]  # op categorie gesorteerd: de kritieke staan vooraan
    s = data["samenvatting"]
    toon = resultaten if alle or len(resultaten) <= _MAX_RIJEN else resultaten[
        :s["kritiek"] + s["onvoldoende_beoordeeld"]]
    if toon:
        from rich.text import Text

        tabel = Table(title="Locaties, de meest urgente eerst", header_style="bold")
        pijlers = [Text(p["naam"]) for p in toon[0]["pijlers"].values()]
        kolommen: list[str | Text] = ["Cat.", "Locatie", "Gemeente", *pijlers, "Dekking", "Bestand"]
        for kolom in kolommen:
            tabel.add_column(kolom)
        for r in toon:
            categorie = f" {r['categorie'] or '?'} " + (f"{r['trend']} " if "trend" in r else "")
            tabel.add_row(Text(categorie, style=_KLEUR[r["categorie"]]),
                          Text(r["locatie"]["naam"]), Text(r["locatie"]["gemeente"]),
                          *(pct(p["score"]) for p in r["pijlers"].values()),
                          pct(r["dekking"]), Text(r["bestand"]))
        console.print(tabel)
    console.print(render("batch.txt.j2", b=data, alle=alle, max_rijen=_MAX_RIJEN,
                         zonder_tabel=True), markup=False, end="")


@app.command(cls=NlCommand)
def nieuw(
    bestand: Annotated[Path | None, typer.Argument(
        help="Waar de beoordeling komt; bestaat het al, dan gaat u verder waar u was.",
        show_default=False, metavar="[BESTAND]")] = None,
    kader: KaderOptie = None,
) -> None:
    """Vul een beoordeling vraag voor vraag in; elk antwoord wordt meteen opgeslagen.

    Bij elke vraag: ? toont uitleg, advies en bronnen; < gaat een vraag terug; nvt en onbekend
    mogen altijd; tekst na # wordt de toelichting (bijvoorbeeld: nee # maaltijden via catering).
    Afbreken met Ctrl-C verliest niets: start opnieuw met hetzelfde bestand om verder te gaan.
    """
    import datetime as dt

    from rich.prompt import Prompt

    from azc_kwaliteit.fouten import InvoerFout
    from azc_kwaliteit.invullen import Concept, eerste_open, laad_concept, opslaan, vragen

    geladen = _kader(kader)
    console = _console()
    if bestand is None:
        bestand = Path(Prompt.ask("Bestand voor de beoordeling", console=console,
                                  default=f"beoordeling-{dt.date.today().isoformat()}.yaml"))
    concept = Concept()
    if bestand.exists():
        try:
            concept = laad_concept(bestand)
        except InvoerFout as e:
            _stop_met_problemen(e.problemen)
        console.print(f"Verder met {bestand}: {len(concept.antwoorden)} criteria al beantwoord.",
                      markup=False)
    concept.kop.setdefault("kader", geladen.kader.label)
    try:
        lijst = vragen(concept, geladen.kader)
        i = eerste_open(lijst, concept)
        while i < len(lijst):
            vraag = lijst[i]
            nummer = f"[{i + 1}/{len(lijst)}]"
            console.print(f"\n{nummer} {vraag.tekst}", markup=False, highlight=False)
            console.print(f"  ({vraag.uitleg}; ? voor uitleg, < voor terug)", style="dim",
                          markup=False)
            huidig = concept.waarde(vraag.sleutel)
            standaard = vraag.standaard if huidig is None else _als_tekst(huidig)
            tekst = Prompt.ask("Antwoord", console=console, default=standaard,
                               show_default=standaard is not None)
            tekst = (tekst or "").strip()
            if tekst == "?":
                console.print(vraag.hulp or vraag.uitleg, markup=False)
                continue
            if tekst == "<":
                i = max(i - 1, 0)
                continue
            try:
                waarde = vraag.lees(tekst)
            except ValueError as e:
                console.print(f"  Ongeldig: {e}. Probeer het opnieuw.", style="bold red",
                              markup=False)
                continue
            concept.zet(vraag.sleutel, waarde)
            opslaan(bestand, concept, geladen.kader)
            lijst = vragen(concept, geladen.kader)  # doelgroepen en status bepalen de criteria
            i = eerste_open(lijst, concept, i + 1)
    except (KeyboardInterrupt, EOFError):
        typer.echo(f"\nOnderbroken. Alle antwoorden tot nu toe staan in {bestand}; ga verder met: "
                   f"azc-kwaliteit nieuw {bestand}", err=True)
        raise typer.Exit(130) from None
    console.print(f"\nKlaar: alle vragen beantwoord en opgeslagen in {bestand}.\n", markup=False)
    _beoordeel(bestand, kader, Formaat.tekst, None, plantoets=None, anonimiseer=False,
               sjabloon=None)


def _als_tekst(waarde: Any) -> str:
    """Een opgeslagen waarde terug als invoertekst (voor de standaard bij 'terug')."""
    if isinstance(waarde, dict):
        toelichting = waarde.get("toelichting")
        return _als_tekst(waarde.get("waarde")) + (f" # {toelichting}" if toelichting else "")
    if isinstance(waarde, list):
        return ",".join(str(w) for w in waarde)
    return str(waarde)


@app.command(cls=NlCommand)
def vergelijk(
    oud: Annotated[Path, typer.Argument(help="De eerdere beoordeling.", show_default=False,
                                        metavar="OUD")],
    nieuw: Annotated[Path, typer.Argument(help="De nieuwere beoordeling.", show_default=False,
                                          metavar="NIEUW")],
    kader: KaderOptie = None,
    formaat: FormaatOptie = Formaat.tekst,
    forceer: Annotated[bool, typer.Option("--forceer", help="Vergelijk ook als het om twee "
                                          "verschillende locaties gaat.")] = False,
    uitvoer: UitvoerOptie = None,
) -> None:
    """Wat veranderde tussen twee rondes van één locatie: categorie, pijlers, criteria."""
    from azc_kwaliteit.fouten import InvoerFout
    from azc_kwaliteit.indeling import deel_in
    from azc_kwaliteit.invoer import laad_beoordeling
    from azc_kwaliteit.vergelijken import naar_dict, vergelijk, zelfde_locatie
    from azc_kwaliteit.weergave import naar_json, render

    geladen = _kader(kader)
    uitslagen = []
    for pad in (oud, nieuw):
        try:
            b, _ = laad_beoordeling(pad, geladen.kader)
        except InvoerFout as e:
            _stop_met_problemen(e.problemen)
        uitslagen.append(deel_in(geladen.kader, b))
    voor, na = uitslagen
    if not zelfde_locatie(voor, na) and not forceer:
        typer.echo(f"fout: {oud} en {nieuw} gaan over verschillende locaties ({voor.locatie}, "
                   f"{voor.gemeente} tegen {na.locatie}, {na.gemeente}); gebruik --forceer om "
                   "ze toch te vergelijken", err=True)
        raise typer.Exit(ONGELDIG)
    if voor.datum > na.datum:
        typer.echo(f"waarschuwing: {oud} ({voor.datum}) is nieuwer dan {nieuw} ({na.datum})",
                   err=True)
    v = vergelijk(voor, na)
    if formaat == Formaat.json:
        _schrijf(naar_json(naar_dict(v)), uitvoer)
    elif formaat == Formaat.html:
        typer.echo("fout: vergelijk kent tekst, json en markdown", err=True)
        raise typer.Exit(ONGELDIG)
    else:
        sjabloon = "vergelijking.md.j2" if formaat == Formaat.markdown else "vergelijking.txt.j2"
        _schrijf(render(sjabloon, v=v), uitvoer)


@app.command(cls=NlCommand)
def sjabloon(
    kader: KaderOptie = None,
    doelgroepen: Annotated[str, typer.Option(
        "--doelgroepen", metavar="GROEPEN", help="gezinnen, amv of gezinnen,amv (gesplitste "
        "locatie).")] = "gezinnen,amv",
    status: Annotated[str, typer.Option("--status", metavar="STATUS",
                                        help="in_gebruik of gepland (plantoets).")] = "in_gebruik",
    soort: Annotated[str | None, typer.Option(
        "--soort", metavar="SOORT", help="Alleen criteria voor deze soort locatie (standaard: "
        "alle).")] = None,
    uitvoer: UitvoerOptie = None,
) -> None:
    """Een leeg beoordelingsformulier (YAML) met vraag en norm bij elk criterium.

    Met --uitvoer komt het JSON Schema ernaast te staan, zodat editors met de YAML-taalserver
    ids aanvullen en antwoorden controleren.
    """
    import datetime as dt

    from azc_kwaliteit.beoordeling_yaml import naar_yaml, toepasselijk
    from azc_kwaliteit.modellen import Doelgroep, Fase, Soort
    from azc_kwaliteit.schema import beoordeling_schema
    from azc_kwaliteit.weergave import naar_json

    groepen = [g.strip() for g in doelgroepen.split(",") if g.strip()]
    for waarde, toegestaan, optie in ((groepen, [d.value for d in Doelgroep], "--doelgroepen"),
                                      ([status], [f.value for f in Fase], "--status"),
                                      ([soort] if soort else [], [x.value for x in Soort],
                                       "--soort")):
        fout = [w for w in waarde if w not in toegestaan]
        if fout or (optie == "--doelgroepen" and not waarde):
            typer.echo(f"fout: ongeldige waarde voor {optie}: '{', '.join(fout)}'; kies uit "
                       f"{', '.join(toegestaan)}", err=True)
            raise typer.Exit(ONGELDIG)
    geladen = _kader(kader)
    schema_naam = None
    if uitvoer is not None:
        schema_naam = "beoordeling.schema.json"
        _schrijf(naar_json(beoordeling_schema(geladen.kader)), uitvoer.parent / schema_naam)
    tekst = naar_yaml(
        {"naam": "", "gemeente": "", "soort": soort or "noodopvang", "status": status,
         "capaciteit": None, "doelgroepen": groepen, "draagvlak_regio": "onbekend"},
        {"datum": dt.date.today().isoformat(), "beoordelaar": "", "kader": geladen.kader.label},
        {}, geladen.kader, criteria=toepasselijk(geladen.kader, groepen, status, soort),
        uitgebreid=True, schema=schema_naam)
    _schrijf(tekst, uitvoer)


kader_pijler = Annotated[str | None, typer.Option("--pijler", help="Alleen deze pijler.")]


@kader_app.command("toon", cls=NlCommand)
def kader_toon(
    kader: KaderOptie = None,
    pijler: kader_pijler = None,
    formaat: FormaatOptie = Formaat.tekst,
) -> None:
    """Toon de criteria van het kader als tabel (of als JSON)."""
    geladen = _kader(kader)
    k = geladen.kader
    pijlers = {p.id for p in k.pijlers}
    if pijler is not None and pijler not in pijlers:
        typer.echo(f"fout: onbekende pijler '{pijler}'; verwacht een van: "
                   f"{', '.join(p.id for p in k.pijlers)}", err=True)
        raise typer.Exit(ONGELDIG)
    criteria = [c for c in k.criteria if pijler is None or c.pijler == pijler]
    from azc_kwaliteit.antwoorden import norm_tekst

    if formaat == Formaat.json:
        from azc_kwaliteit.weergave import naar_json

        _schrijf(naar_json({"kader": geladen.herkomst,
                            "criteria": [c.model_dump(mode="json") for c in criteria]}), None)
        return
    if formaat == Formaat.markdown:
        from azc_kwaliteit.weergave import kader_document

        _schrijf(kader_document(k.model_copy(update={"criteria": criteria}), geladen.herkomst,
                                "markdown"), None)
        return
    from rich.table import Table
    from rich.text import Text

    # tekst uit het kader is nooit Rich-opmaak: '[per kamer]' blijft staan, '[/]' breekt niets
    tabel = Table(title=Text(f"{k.kader.naam} ({k.label}, {len(criteria)} criteria)"),
                  header_style="bold", show_lines=False)
    tabel.add_column("Id", no_wrap=True)
    for kolom in ("Pijler", "Titel", "Type", "Norm", "Gew.", "Ernst", "Voor", "Fasen"):
        tabel.add_column(kolom, overflow="fold")
    for c in criteria:
        tabel.add_row(*map(Text, (
            c.id, c.pijler, c.titel, c.type, norm_tekst(c), f"{c.gewicht:g}",
            "" if c.ernst == "gewoon" else c.ernst.value, ", ".join(d.value for d in c.doelgroepen),
            ", ".join(f.value for f in c.fasen))))
    _console().print(tabel)


class DocumentFormaat(StrEnum):
    markdown = "markdown"
    html = "html"


@kader_app.command("document", cls=NlCommand)
def kader_document(
    kader: KaderOptie = None,
    formaat: Annotated[DocumentFormaat, typer.Option("--formaat", "-f", case_sensitive=False,
                                                     help="Uitvoerformaat.")] = DocumentFormaat.markdown,
    uitvoer: UitvoerOptie = None,
) -> None:
    """Het hele kader als leesbaar document (Markdown of HTML), voor gemeenten en raden.

    Per pijler de criteria met norm, waarom en bronnen; de herleidbaarheid naar het verslag van het
    rondetafelgesprek; en de categorieregels in gewone woorden.
    """
    from azc_kwaliteit.weergave import kader_document as document

    geladen = _kader(kader)
    _schrijf(document(geladen.kader, geladen.herkomst, formaat.value), uitvoer)


class SchemaSoort(StrEnum):
    beoordeling = "beoordeling"
    kader = "kader"


@kader_app.command("schema", cls=NlCommand)
def kader_schema(
    soort: Annotated[SchemaSoort, typer.Argument(
        help="Van welk formaat.", metavar="[beoordeling|kader]", case_sensitive=False,
    )] = SchemaSoort.beoordeling,
    kader: KaderOptie = None,
    uitvoer: UitvoerOptie = None,
) -> None:
    """Het JSON Schema van een beoordeling (met de criteria van het kader) of van een kader."""
    from azc_kwaliteit import schema as schemas
    from azc_kwaliteit.weergave import naar_json

    schema = (schemas.kader_schema() if soort == SchemaSoort.kader
              else schemas.beoordeling_schema(_kader(kader).kader))
    _schrijf(naar_json(schema), uitvoer)


@kader_app.command("controleer", cls=NlCommand)
def kader_controleer(
    bestand: Annotated[Path | None, typer.Argument(
        help="Het kaderbestand; zonder argument het ingebouwde kader.", show_default=False,
        metavar="[BESTAND]")] = None,
) -> None:
    """Controleer een kader: vorm, unieke ids, bekende pijlers, samenhangende normen."""
    from collections import Counter

    geladen = _kader(bestand)
    k = geladen.kader
    per_pijler = Counter(c.pijler for c in k.criteria)
    waarschuwingen = geladen.waarschuwingen()
    for w in waarschuwingen:
        typer.echo(f"waarschuwing: {w}", err=True)
    typer.echo(f"Kader {k.label} ({geladen.bestand}, hash {geladen.hash}) is in orde"
               + (f", met {len(waarschuwingen)} waarschuwing(en)." if waarschuwingen else "."))
    typer.echo(f"{len(k.criteria)} criteria: "
               + ", ".join(f"{p.naam} {per_pijler[p.id]}" for p in k.pijlers)
               + f"; {sum(c.ernst == 'kritiek' for c in k.criteria)} kritiek, "
               + f"{sum(c.ernst == 'voorwaarde' for c in k.criteria)} voorwaarde, "
               + f"{sum(c.ernst == 'gewoon' for c in k.criteria)} gewoon; "
               + f"{sum('gepland' in c.fasen for c in k.criteria)} ook te toetsen bij een plan"
               + (f"; {len(k.ingetrokken)} ingetrokken ids" if k.ingetrokken else "") + ".")


# ---------------------------------------------------------------- start


def _schrijf_foutlog(fout: BaseException, argv: list[str]) -> str | None:
    """Schrijf de traceback van een bug, met het commando en de versies, naar een logbestand (zoals
    pre-commit doet) en geef het pad; None als ook dat niet lukt. Standaard in de cachemap van de
    gebruiker (``$XDG_CACHE_HOME`` of ``~/.cache``), anders in de tijdelijke map."""
    import datetime as dt
    import os
    import platform
    import tempfile
    import traceback
    from importlib import metadata

    versies = []
    for pakket in ("typer", "pydantic", "pydantic-core", "pyyaml", "rich", "jinja2"):
        try:
            versies.append(f"{pakket} {metadata.version(pakket)}")
        except metadata.PackageNotFoundError:
            versies.append(f"{pakket} ontbreekt")
    tekst = (f"azc-kwaliteit {__version__} op Python {platform.python_version()} "
             f"({platform.platform()})\n{', '.join(versies)}\n"
             f"commando: azc-kwaliteit {' '.join(argv)}\n"
             f"tijd: {dt.datetime.now().isoformat(timespec='seconds')}\n\n"
             + "".join(traceback.format_exception(fout)))
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    for map_ in (os.path.join(cache, "azc-kwaliteit"), tempfile.gettempdir()):
        try:
            os.makedirs(map_, exist_ok=True)
            naam = os.path.join(map_, f"fout-{dt.datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.log")
            with open(naam, "w", encoding="utf-8") as f:
                f.write(tekst)
            return naam
        except OSError:
            continue
    return None


def main(argv: list[str] | None = None) -> None:
    """Startpunt van het commando: gebruiksfouten in het Nederlands, en bugs afgevangen zodat de
    gebruiker nooit een traceback ziet."""
    from typer._click.exceptions import NoArgsIsHelpError, UsageError

    try:
        code = app(args=argv, standalone_mode=False)
    except NoArgsIsHelpError as e:
        e.show()
        sys.exit(ONGELDIG)
    except UsageError as e:
        opdracht = e.ctx.command_path if e.ctx is not None else "azc-kwaliteit"
        typer.echo(f"fout: {gebruiksfout(e.format_message())}", err=True)
        typer.echo(f"Zie '{opdracht} --help' voor hulp.", err=True)
        sys.exit(ONGELDIG)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("\nAfgebroken.", err=True)
        sys.exit(130)
    except OSError as e:  # de omgeving, geen bug: schijf vol, geen rechten, map weg
        typer.echo(f"fout: {e}", err=True)
        sys.exit(ONGELDIG)
    except Exception as e:  # het vangnet voor bugs: één regel, de traceback in een foutlog
        log = _schrijf_foutlog(e, sys.argv[1:] if argv is None else argv)
        if "--debug" in (sys.argv[1:] if argv is None else argv):
            import traceback

            traceback.print_exception(e, file=sys.stderr)
        typer.echo(
            f"interne fout: {type(e).__name__}: {e}\n"
            f"Dit is een fout in azc-kwaliteit, niet in uw invoer. "
            + (f"De details staan in {log}. " if log else "")
            + f"Meld hem met dat bestand en het commando dat u gaf op {MELD_BUG}.",
            err=True,
        )
        sys.exit(INTERN)
    sys.exit(code if isinstance(code, int) else OK)
