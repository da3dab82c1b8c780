# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Het domein: de begrippen van het kader en wat ze betekenen, zonder invoer of uitvoer.

Hier staan de Pydantic-modellen van kader en beoordeling (``modellen``: Ernst, Fase, Soort,
Doelgroep, de criteriumsoorten), wat een antwoord betekent (``antwoorden``: Oordeel, lezen,
oordelen, de norm in woorden), de foutsoorten die een gebruiker te zien krijgt (``fouten``:
Probleem, InvoerFout, KaderFout), en de taal van alles wat het programma zegt (``vertalen``: de
gettext-catalogus; ``taal``: waarden in woorden; ``kadertaal``: het kader in de gekozen taal). Dit
pakket importeert niets anders uit azc_kwaliteit; alle andere delen bouwen erop.
"""
