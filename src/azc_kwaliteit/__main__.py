# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Zodat ``python -m azc_kwaliteit`` hetzelfde doet als het commando ``azc-kwaliteit``."""

from azc_kwaliteit.cli import main

main()
