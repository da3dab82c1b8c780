"""De vorm van het project: de kern kent geen terminal, en --help laadt niet meer dan nodig."""

from __future__ import annotations

import subprocess
import sys

KERN = ["laden", "modellen", "valideren", "antwoorden", "indeling", "uitslag", "weergave", "batch",
        "ci_formaten", "vergelijken", "invullen", "beoordeling_yaml", "schema", "privacy",
        "schrijven", "fouten", "invoer"]


def _geladen(code: str) -> set[str]:
    r = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
                       capture_output=True, text=True, check=True)
    return set(r.stdout.split())


def test_de_kern_importeert_geen_typer_of_rich() -> None:
    modules = _geladen("\n".join(f"import azc_kwaliteit.{m}" for m in KERN))
    assert not {m for m in modules if m.split(".")[0] in ("typer", "rich", "click")}


def test_help_laadt_geen_yaml_jinja_of_modellen() -> None:
    modules = _geladen("import azc_kwaliteit.cli")
    for zwaar in ("yaml", "jinja2", "pydantic", "azc_kwaliteit.modellen",
                  "azc_kwaliteit.indeling", "rich.progress"):
        assert zwaar not in modules, zwaar
