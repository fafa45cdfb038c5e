"""Who may see and change the candidate's own data: instruments, sharing settings, the
access log.

The candidate and their coach (begeleider) work on the instruments together. Everyone else
sees an instrument only when the candidate shares its category with their party (on an open
traject). The sharing settings in force and the categories shared with a user are answered
here, for the rules of other apps too (`SHARED_CATEGORIES`).
"""

from __future__ import annotations

from dataclasses import dataclass

from werkpad import access
from werkpad.access import Action, Predicate
from werkpad.accounts.models import User
from werkpad.route.models import Party
from werkpad.trajects.models import Kandidaat
from werkpad.trajects.policy import (
    CANDIDATE_OWNERS,
    KANDIDAAT,
    SHARED_CATEGORIES,
    candidate_kinds,
    kandidaat_relation,
)

from .kinds import KINDS
from .models import DeelVersie

# on an `Instrument`
INSTRUMENT_VIEW = Action("instrument.view")
INSTRUMENT_CHANGE = Action("instrument.change")
INSTRUMENT_HISTORY = Action("instrument.history")
# on a `Kandidaat`: works on the candidate's instruments with them (sees the private parts)
INSTRUMENT_OWNER = Action("instrument.owner")
SHARING_VIEW = Action("sharing.view")
SHARING_CHANGE = Action("sharing.change")
ACCESSLOG_VIEW = Action("accesslog.view")


@dataclass(frozen=True)
class Instrument:
    """One instrument of one candidate (for access decisions)."""

    kandidaat: Kandidaat
    kind: str


def current_sharing(kandidaat: Kandidaat) -> DeelVersie | None:
    """The sharing settings in force (newest version), or None: nothing shared."""
    return access.remember(
        kandidaat, "sharing", lambda: DeelVersie.objects.filter(kandidaat=kandidaat).first()
    )


def shared_categories(user: User, kandidaat: Kandidaat) -> set[str]:
    """The categories the candidate shares with any party this user belongs to."""
    rel = kandidaat_relation(user, kandidaat)
    sharing = current_sharing(kandidaat) if rel.parties - {Party.KANDIDAAT} else None
    if sharing is None:
        return set()
    categories: set[str] = set()
    for party in rel.parties:
        categories |= sharing.categories_for(party)
    return categories


OWNERS = candidate_kinds(*CANDIDATE_OWNERS)

KNOWN_KIND = Predicate("known instrument", lambda user, obj: obj.kind in KINDS)
OWNS_INSTRUMENT = OWNERS.via("kandidaat", Kandidaat)
SHARED_INSTRUMENT = Predicate(
    "instrument shared",
    lambda user, obj: KINDS[obj.kind].category in shared_categories(user, obj.kandidaat),
)

INSTRUMENT_RULES: dict[str, Predicate] = {
    INSTRUMENT_VIEW: KNOWN_KIND & (OWNS_INSTRUMENT | SHARED_INSTRUMENT),
    INSTRUMENT_CHANGE: KNOWN_KIND & OWNS_INSTRUMENT,
    INSTRUMENT_HISTORY: KNOWN_KIND & OWNS_INSTRUMENT,
}

CANDIDATE_RULES: dict[str, Predicate] = {
    INSTRUMENT_OWNER: OWNERS,
    SHARING_VIEW: OWNERS,
    SHARING_CHANGE: OWNERS,
    ACCESSLOG_VIEW: candidate_kinds(KANDIDAAT),
}


def register() -> None:
    """Register the instrument rules (from `InstrumentsConfig.ready`)."""
    for action, rule in INSTRUMENT_RULES.items():
        access.allow(action, Instrument, rule)
    for action, rule in CANDIDATE_RULES.items():
        access.allow(action, Kandidaat, rule)
    access.answer(SHARED_CATEGORIES, shared_categories)
