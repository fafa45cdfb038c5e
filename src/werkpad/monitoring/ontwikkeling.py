"""Development steps on the placement page."""

from __future__ import annotations


def plaatsing_panel(user, plaatsing) -> dict:
    """Context for `monitoring/_ontwikkeling_panel.html` ({} shows nothing)."""
    return {}
