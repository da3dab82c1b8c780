# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Het domein: de begrippen van het kader en wat ze betekenen, zonder invoer of uitvoer.

Hier staan de Pydantic-modellen van kader en beoordeling (``modellen``: Ernst, Fase, Soort,
Doelgroep, de criteriumsoorten), wat een antwoord betekent (``antwoorden``: Oordeel, lezen,
oordelen, de norm in woorden) en de foutsoorten die een gebruiker te zien krijgt (``fouten``:
Probleem, InvoerFout, KaderFout). Dit pakket importeert niets anders uit azc_kwaliteit; alle andere
delen bouwen erop.
"""
