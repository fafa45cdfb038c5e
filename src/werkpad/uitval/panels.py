"""What the placement and traject pages show of dropout."""

from __future__ import annotations


def plaatsing_panel(user, plaatsing) -> dict:
    """Context for `uitval/_plaatsing_panel.html` ({} shows nothing)."""
    return {}


def traject_panel(user, traject) -> dict:
    """Context for `uitval/_traject_panel.html` ({} shows nothing)."""
    return {}
