# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""azc-kwaliteit: het kwaliteitskader voor kindvriendelijke asielopvang, uitvoerbaar gemaakt."""

__version__ = "0.1.0"
