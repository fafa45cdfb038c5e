"""What the placement page shows of the monitoring: the traffic light, the next check-in and
the links to fill one in (filled in by the monitoring views)."""

from __future__ import annotations


def plaatsing_panel(user, plaatsing) -> dict:
    """Context for `monitoring/_panel.html` on the placement page ({} shows nothing)."""
    return {}
