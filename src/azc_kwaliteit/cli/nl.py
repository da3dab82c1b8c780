# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Typer en zijn ingebouwde Click in de taal van de gebruiker: hulpteksten, gebruiksregel en
gebruiksfouten.

Typer kent geen vertalingen; een deel van zijn teksten loopt via ``gettext`` (die vervangen we door
een woordenboek), de rest zetten we hier recht via eigen command-klassen en door gebruiksfouten
zelf te vertalen. Met ``--taal en`` blijft Typers eigen Engels staan en komen onze hulpteksten uit
de catalogus (``domein.vertalen``). Alleen de CLI importeert deze module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import typer
import typer.core

from azc_kwaliteit.domein import vertalen
from azc_kwaliteit.domein.vertalen import _

_WOORDEN = {
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Arguments": "Argumenten",
    "required": "verplicht",
    "[required]": "[verplicht]",
    "default: {default}": "standaard: {default}",
    "[default: {}]": "[standaard: {}]",
    "env var: {var}": "omgevingsvariabele: {var}",
    "[env var: {}]": "[omgevingsvariabele: {}]",
    "(dynamic)": "(dynamisch)",
    "(deprecated) ": "(verouderd) ",
    "Aborted.": "Afgebroken.",
    "Aborted!": "Afgebroken.",
    "Error": "Fout",
    "Missing command.": "Opdracht ontbreekt.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "Try [blue]'{command_path} {help_option}'[/] for help.":
        "Zie [blue]'{command_path} {help_option}'[/] voor hulp.",
}


def _vertaal(tekst: str) -> str:
    """Een tekst van Typer of Click: in het Nederlands uit ``_WOORDEN``, anders zoals hij is."""
    return _WOORDEN.get(tekst, tekst) if vertalen.taal() == "nl" else tekst


def installeer() -> None:
    """Vervang Typers Engelse teksten; idempotent. Die van de Rich-hulp pas als er hulp getoond
    wordt (``_vertaal_rich``): Typer laadt Rich daarvoor pas dan, en een batch hoeft het niet."""
    if hasattr(typer.core, "_"):
        typer.core._ = _vertaal
    optie: Any = typer.core.TyperOption
    argument: Any = typer.core.TyperArgument
    if not getattr(optie, "_nl", False):
        origineel: Any = optie.display_type_rich

        def zonder_bool(self: Any, ctx: Any) -> Any:
            """Een vlag (--alle) heeft geen waarde; toon dan ook geen type."""
            return None if getattr(self, "is_flag", False) else origineel(self, ctx)

        optie.display_type_rich = zonder_bool
        argument.display_type_rich = lambda self, ctx: None  # de naam (BESTAND) zegt genoeg
        optie._get_number_range_help_str = _bereik
        argument._usage_display_name = _gebruiksnaam
        optie._nl = True


def _bereik(self: Any) -> str | None:
    """Het toegestane bereik in woorden ('minstens 1'); niets als de metavar het al zegt (2|3)."""
    laag, hoog = getattr(self, "min", None), getattr(self, "max", None)
    if (laag is None and hoog is None) or (self.metavar and "|" in self.metavar):
        return None
    if hoog is None:
        return _("minstens {laag}").format(laag=laag)
    if laag is None:
        return _("hoogstens {hoog}").format(hoog=hoog)
    return _("{laag} tot en met {hoog}").format(laag=laag, hoog=hoog)


def _gebruiksnaam(self: Any) -> str:
    """De gebruiksregel zoals gebruikelijk: BESTAND verplicht, [BESTAND] niet, MAP... meer
    (Typer maakt er '{BESTAND}' en '[[BESTAND]]' van)."""
    naam = str(self.display_name_raw).strip("[]")
    naam = naam if self.required else f"[{naam}]"
    return naam + ("..." if self.nargs != 1 else "")


_RICH_ORIGINEEL: dict[str, str] = {}
"""Typers eigen (Engelse) kopjes, voor wie daarna ``--taal en`` kiest in hetzelfde proces."""


def _vertaal_rich() -> None:
    """De teksten van Typers Rich-hulp (kopjes als 'Options') in de gekozen taal; idempotent."""
    import typer.rich_utils

    ru: Any = typer.rich_utils
    if hasattr(ru, "_"):
        ru._ = _vertaal
    if not _RICH_ORIGINEEL:
        _RICH_ORIGINEEL.update({naam: waarde for naam, waarde in vars(ru).items()
                                if naam.isupper() and isinstance(waarde, str) and waarde in _WOORDEN})
    for naam, waarde in _RICH_ORIGINEEL.items():
        setattr(ru, naam, _vertaal(waarde))


class _Nederlands:
    """Gedeeld gedrag van de Nederlandse command-klassen."""

    options_metavar: str | None
    params: list[Any]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _vertaal_rich()
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def get_help_option(self, ctx: Any) -> Any:
        optie = super().get_help_option(ctx)  # type: ignore[misc]
        if optie is not None:
            optie.help = _("Toon deze hulp en stop.")
        return optie

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        stukken = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(stukken), prefix=_("Gebruik: "))


def alinea_s(tekst: str | None) -> str | None:
    """Een docstring als alinea's: Rich-hulp breekt zelf om op de breedte van de terminal, dus
    een regeleinde binnen een alinea (uit de broncode) hoort er niet in te blijven staan."""
    if tekst is None:
        return None
    return "\n\n".join(" ".join(a.split()) for a in re.split(r"\n\s*\n", tekst.strip()))


class NlCommand(_Nederlands, typer.core.TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = "[OPTIES]"
        self.help = alinea_s(self.help)


def gekozen_taal(args: list[str]) -> str:
    """De taal uit ``--taal X`` / ``--taal=X`` in de argumenten, anders uit ``AZC_TAAL``, anders
    Nederlands. Een onbekende waarde geeft hier Nederlands; de optie zelf meldt dan de fout."""
    import os

    keuze = os.environ.get("AZC_TAAL", "")
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--taal" and i + 1 < len(args):
            keuze = args[i + 1]
        elif arg.startswith("--taal="):
            keuze = arg.partition("=")[2]
    keuze = keuze.strip().lower()
    return keuze if keuze in vertalen.TALEN else vertalen.BRONTAAL


def _opdrachten(opdracht: Any) -> Any:
    """De opdracht en al zijn subopdrachten."""
    yield opdracht
    for sub in getattr(opdracht, "commands", {}).values():
        yield from _opdrachten(sub)


HULPVELDEN = ("help", "short_help", "epilog", "rich_help_panel")
PARAMVELDEN = ("help", "metavar", "rich_help_panel")
"""De teksten van een opdracht en van zijn parameters die ``--help`` toont."""


def vertaal_hulp(opdracht: Any) -> None:
    """Hulpteksten en metavars van de opdrachtboom in de gekozen taal. Typer bouwt de boom bij elke
    aanroep opnieuw, dus vertalen op de plek zelf blijft per aanroep."""
    for o in _opdrachten(opdracht):
        o.options_metavar = _("[OPTIES]")
        if hasattr(o, "subcommand_metavar"):
            o.subcommand_metavar = _("OPDRACHT [ARGUMENTEN]...")
        for naam in HULPVELDEN:
            if getattr(o, naam, None):
                setattr(o, naam, _(getattr(o, naam)))
        for p in o.params:
            for naam in PARAMVELDEN:
                if getattr(p, naam, None):
                    setattr(p, naam, _(getattr(p, naam)))


class LezerGestopt(Exception):
    """De lezer van stdout stopte (``| head``) voordat de opdracht klaar was."""


class Onderbroken(BaseException):
    """Ctrl-C tijdens een opdracht. Typer maakt van ``KeyboardInterrupt`` stil exitcode 130;
    zo zegt ``main`` er ook iets bij."""


class NlGroup(_Nederlands, typer.core.TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = "[OPTIES]"
        self.subcommand_metavar = "OPDRACHT [ARGUMENTEN]..."
        self.help = alinea_s(self.help)

    def main(self, args: Any = None, *rest: Any, **opties: Any) -> Any:
        """Kies eerst de taal (``gekozen_taal``), zodat hulp, gebruiksfouten en alles daarna hem
        al spreken; dan pas ontleden en uitvoeren."""
        import sys

        vertalen.kies(gekozen_taal(list(sys.argv[1:] if args is None else args)))
        vertaal_hulp(self)
        return super().main(args, *rest, **opties)

    def invoke(self, ctx: Any) -> Any:
        """Click maakt van een gesloten pijp stil exitcode 1, en 1 betekent hier 'poort
        gezakt'; daarom gaat hij als ``LezerGestopt`` naar ``main``."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError as e:
            raise LezerGestopt from e
        except KeyboardInterrupt as e:
            raise Onderbroken from e


Vertaling = tuple[str, Callable[[re.Match[str]], str]]
"""Een patroon en zijn vertaling. Patronen als tekst: ``re`` compileert ze pas bij de eerste
gebruiksfout, niet bij elke start (ook niet bij ``--help``)."""

_WAARDEFOUTEN: tuple[Vertaling, ...] = (
    (r"^'?(.+?)'? is not one of (.+?)\.?$",
     lambda m: f"'{m[1]}' is geen geldige keuze; kies uit {m[2].replace(' or ', ', ')}"),
    (r"^Input should be less than or equal to (.+)$", lambda m: f"moet hoogstens {m[1]} zijn"),
    (r"^Input should be greater than or equal to (.+)$", lambda m: f"moet minstens {m[1]} zijn"),
    (r"^Input should be a valid integer.*$", lambda m: "verwacht een geheel getal"),
    (r"^Input should be a valid number.*$", lambda m: "verwacht een getal"),
    (r"^'?(.+?)'? is not in the range (.+?)\.?$",
     lambda m: f"'{m[1]}' ligt niet in het bereik {m[2]}"),
)

_FOUTEN: tuple[Vertaling, ...] = (
    (r"^No such option: (.+?)(?:\s+Did you mean (.+)\?)?(?:\s+\(Possible options: (.+)\))?$",
     lambda m: f"onbekende optie {m[1]}" + (f"; bedoelde u {m[2]}?" if m[2] else "")
     + (f"; bedoelde u een van: {m[3]}?" if m[3] else "")),
    (r"^Missing argument '?(.+?)'?\.?$", lambda m: f"argument {m[1]} ontbreekt"),
    (r"^Missing option '?(.+?)'?\.?$", lambda m: f"optie {m[1]} ontbreekt"),
    (r"^Option '?(.+?)'? requires an argument\.?$",
     lambda m: f"optie {m[1]} verwacht een waarde"),
    (r"^Option '?(.+?)'? requires (\d+) arguments\.?$",
     lambda m: f"optie {m[1]} verwacht {m[2]} waarden"),
    (r"^(?:No such command|Onbekende opdracht) '(.+?)'\.\s*Did you mean (?:one of )?(.+?)\?'?$",
     lambda m: f"onbekende opdracht '{m[1]}'; bedoelde u {m[2]}?"),
    (r"^(?:No such command|Onbekende opdracht) '?(.+?)'?\.?$",
     lambda m: f"onbekende opdracht '{m[1]}'"),
    (r"^Got unexpected extra argument(?:\(s\)|s)? \((.+)\)$",
     lambda m: f"onverwacht extra argument: {m[1]}"),
    (r"^Invalid value for '?([^' ]+)'?(?: / '?[^' ]+'?)*(?: \(env var: '?[^']*'?\))?: "
     r"(?:Value error, )?(.+)$",
     lambda m: f"ongeldige waarde voor {m[1]}: {_waardefout(m[2])}"),
)


def _waardefout(melding: str) -> str:
    for patroon, vertaling in _WAARDEFOUTEN:
        if m := re.match(patroon, melding):
            return vertaling(m)
    return melding


def gebruiksfout(melding: str) -> str:
    """Een Engelse gebruiksfout van Click/Typer in het Nederlands (onbekende vormen blijven staan);
    met ``--taal en`` blijft hij zoals Click hem schreef."""
    melding = " ".join(melding.split())
    if vertalen.taal() != "nl":
        return melding.replace(": Value error, ", ": ")  # Pydantic's voorvoegsel, via Typer
    for patroon, vertaling in _FOUTEN:
        if m := re.match(patroon, melding):
            return vertaling(m)
    return melding
