# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De uitvoer: een uitslag of batch als tekst, Markdown, HTML, JSON, JUnit, SARIF of YAML.

``weergave`` rendert de Jinja-sjablonen in ``sjablonen/`` en de JSON, ``ci_formaten`` maakt JUnit,
SARIF en GitHub-annotaties, ``schema`` het JSON Schema, ``beoordeling_yaml`` schrijft een
beoordeling als YAML, ``schrijven`` schrijft een bestand atomair. Alles geeft strings (of stukken
ervan) terug; alleen ``schrijven`` raakt de schijf. Dit pakket importeert ``domein`` en
``indeling``, nooit ``invoer``: wat uitgevoerd wordt, is al gelezen en ingedeeld.
"""
