"""The check-in link in an e-mail, for a candidate or a supervisor without an account.

The token is the planned check-in's id, signed with the site's secret key and a salt of its
own (`django.core.signing`). It says nothing else, so a forwarded link lets someone fill in
that one check-in, but never read anything: the page shows a first name and the questions.
How long the link works is decided by the planned check-in (`CheckInMoment.open_tot`), not by
the token."""

from __future__ import annotations

from django.core import signing
from django.urls import reverse

SALT = "werkpad.monitoring.checkin-link"


def make(moment_id: int) -> str:
    return signing.dumps(moment_id, salt=SALT)


def read(token: str) -> int | None:
    """The planned check-in's id, or None when the token is unknown or garbled."""
    try:
        value = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def path(moment_id: int) -> str:
    """The link's path (`monitoring:checkin_link`)."""
    return reverse("monitoring:checkin_link", args=[make(moment_id)])
