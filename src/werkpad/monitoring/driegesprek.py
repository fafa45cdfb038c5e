"""Three-party meetings on the placement page."""

from __future__ import annotations


def plaatsing_panel(user, plaatsing) -> dict:
    """Context for `monitoring/_driegesprek_panel.html` ({} shows nothing)."""
    return {}
