# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Een beoordeling vraag voor vraag invullen, los van de terminal.

``vragenlijst`` bevat de vragen, hoe getypte tekst een antwoord wordt, en het gesprek zelf als
object dat een voorkant (de terminal van ``nieuw``, of straks een formulier) aanstuurt: de vraag
ophalen, een antwoord geven, terug, uitleg. Elk antwoord wordt meteen opgeslagen. Dit pakket
importeert ``domein``, ``invoer``, ``indeling`` en ``uitvoer``, nooit ``cli``.
"""
