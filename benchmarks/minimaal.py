# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De ondergrens voor één ``beoordeel`` (``meet.py`` (e)): het kleinste programma met dezelfde
verplichte bibliotheken en niets van azc-kwaliteit. Een Typer-opdracht met een pad, vier
Pydantic-modellen die één beoordeling controleren, één Jinja-sjabloon. Typer 0.29 importeert
Pydantic zodra een opdracht een parameter krijgt; de kale ``--help`` van ``meet.py`` niet.

Gebruik: python benchmarks/minimaal.py PAD [--formaat F]
"""

import os
from pathlib import Path

import typer

app = typer.Typer()


@app.command()
def beoordeel(pad: Path, formaat: str = "tekst") -> None:
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # zoals azc-kwaliteit
    import jinja2
    from pydantic import BaseModel, ConfigDict

    class M(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)

    class Bewoners(M):
        kinderen: int = 0

    class Locatie(M):
        naam: str
        soort: str
        capaciteit: int
        doelgroepen: list[str]
        bewoners: Bewoners | None = None

    class Kop(M):
        datum: str
        beoordelaar: str

    class Beoordeling(M):
        locatie: Locatie
        beoordeling: Kop
        antwoorden: dict[str, object]

    b = Beoordeling.model_validate({
        "locatie": {"naam": pad.stem, "soort": "azc", "capaciteit": 3, "doelgroepen": ["amv"]},
        "beoordeling": {"datum": "2026-01-01", "beoordelaar": "z"}, "antwoorden": {}})
    print(jinja2.Environment(autoescape=False).from_string("{{ b.locatie.naam }} {{ f }}").render(
        b=b, f=formaat))


if __name__ == "__main__":
    app()
