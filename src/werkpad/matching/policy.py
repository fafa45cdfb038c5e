"""Who may see and change a candidate's match profile and record a match conversation:
the candidate and their coach work on the profile; the coach records the conversations."""

from __future__ import annotations

from werkpad import access
from werkpad.access import Action, Predicate
from werkpad.trajects.models import Kandidaat
from werkpad.trajects.policy import BEGELEIDER, CANDIDATE_OWNERS, candidate_kinds

# on a `Kandidaat`
VIEW = Action("matching.view")
CHANGE = Action("matching.change")
MATCHGESPREK_ADD = Action("matchgesprek.add")

RULES: dict[str, Predicate] = {
    VIEW: candidate_kinds(*CANDIDATE_OWNERS),
    CHANGE: candidate_kinds(*CANDIDATE_OWNERS),
    MATCHGESPREK_ADD: candidate_kinds(BEGELEIDER),
}


def register() -> None:
    """Register the matching rules (from `MatchingConfig.ready`)."""
    for action, rule in RULES.items():
        access.allow(action, Kandidaat, rule)
