"""Who may do what on a traject, a candidate, a milestone or an agreement.

How a user relates to a traject (a relation kind), each defined once as a predicate with its
test on the loaded relation and its filter over `Traject`:
- begeleider: a betrokkene of party "begeleiding" with this user account (the coach);
- regiehouder: a betrokkene of party "regiehouder" with this user account;
- teamleider: user role teamleider, traject run by the user's organisation;
- kandidaat: the traject's candidate account (or a betrokkene of party "kandidaat");
- partij: any other betrokkene with this user account (werkgever, arbo, behandelaar, ...).

An action's rule is the set of kinds that allow it (`RULES`): `can` holds when any kind
holds, `scope` is the OR of the kinds' filters. Towards a candidate (their instruments,
sharing, contact details) the same kinds count over the candidate's trajects: a party of a
closed traject no longer counts, and there is no teamleider kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Q, QuerySet

from werkpad import access
from werkpad.access import Action, Predicate, any_of
from werkpad.accounts.models import User
from werkpad.route.models import Party

from .models import Afspraak, Betrokkene, Kandidaat, Traject, TrajectMilestone

# --- actions ------------------------------------------------------------------------------

# basic facts: name, phase, own milestones and agreements
VIEW = Action("traject.view")
# the whole dossier: all milestones, journal, all agreements, contact details
VIEW_FULL = Action("traject.view_full")
MOVE = Action("traject.move")
CLOSE = Action("traject.close")
# reasons for phase moves may say something about health
REASONS = Action("traject.reasons")
BETROKKENE_ADD = Action("betrokkene.add")
KANDIDAAT_INVITE = Action("kandidaat.invite")
# the journal holds what was said about the candidate: their coach (and the coach's team
# lead) and the candidate read it; others only when the candidate shares "journaal"
JOURNAL_VIEW = Action("journal.view")
JOURNAL_ADD = Action("journal.add")
AFSPRAAK_ADD = Action("afspraak.add")
AFSPRAAK_VIEW = Action("afspraak.view")
AFSPRAAK_CHANGE = Action("afspraak.change")
MILESTONE_VIEW = Action("milestone.view")
MILESTONE_CHANGE = Action("milestone.change")
KANDIDAAT_VIEW = Action("kandidaat.view")
KANDIDAAT_CHANGE = Action("kandidaat.change")
# without an object
KANDIDAAT_REGISTER = Action("kandidaat.register")
CASELOAD_VIEW = Action("caseload.view")
REGIE_OVERVIEW = Action("regie.overview")

# the question "which categories does this candidate share with this user's parties?",
# answered by the instruments app (which owns the sharing settings)
SHARED_CATEGORIES = "shared_categories"

# --- relation kinds ----------------------------------------------------------------------

BEGELEIDER = "begeleider"
REGIEHOUDER = "regiehouder"
TEAMLEIDER = "teamleider"
KANDIDAAT = "kandidaat"
PARTIJ = "partij"

# the parties that give a kind of their own; every other party gives "partij"
PARTY_KINDS = {
    Party.BEGELEIDING: BEGELEIDER,
    Party.REGIEHOUDER: REGIEHOUDER,
    Party.KANDIDAAT: KANDIDAAT,
}


@dataclass
class Relation:
    """How one user stands towards one traject (or towards a candidate, over their
    trajects)."""

    kinds: set[str] = field(default_factory=set)
    betrokkene_ids: set[int] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)


def _add_betrokkenheden(rel: Relation, betrokkenen) -> None:
    for b in betrokkenen.only("pk", "party"):
        rel.betrokkene_ids.add(b.pk)
        rel.parties.add(b.party)
        rel.kinds.add(PARTY_KINDS.get(b.party, PARTIJ))


def relation(user: User, traject: Traject) -> Relation:
    """How `user` stands towards `traject` (one query, kept for the request)."""
    if not access.active(user):
        return Relation()

    def compute() -> Relation:
        rel = Relation()
        _add_betrokkenheden(rel, Betrokkene.objects.filter(traject=traject, user=user))
        if traject.kandidaat.user_id == user.pk:
            rel.kinds.add(KANDIDAAT)
        if (
            user.role == User.Role.TEAMLEIDER
            and user.organisation_id
            and traject.organisation_id == user.organisation_id
        ):
            rel.kinds.add(TEAMLEIDER)
        return rel

    return access.remember(traject, "relation", compute, user=user)


def kandidaat_relation(user: User, kandidaat: Kandidaat) -> Relation:
    """How the user stands towards a candidate, over all of the candidate's trajects."""
    if not access.active(user):
        return Relation()

    def compute() -> Relation:
        rel = Relation()
        # a party of a closed traject (a former employer) no longer sees the candidate's data
        _add_betrokkenheden(
            rel,
            Betrokkene.objects.filter(traject__kandidaat=kandidaat, user=user).filter(
                Q(traject__closed_at__isnull=True)
                | Q(party__in=[Party.KANDIDAAT, Party.BEGELEIDING])
            ),
        )
        if kandidaat.user_id == user.pk:
            rel.kinds.add(KANDIDAAT)
        return rel

    return access.remember(kandidaat, "relation", compute, user=user)


def _own(user: User, **conditions) -> QuerySet[Betrokkene]:
    """The user's betrokkenen on the traject of the outer query."""
    return Betrokkene.objects.filter(traject=OuterRef("pk"), user=user, **conditions)


def as_party(party: str) -> Predicate:
    """The user is a betrokkene of this party on the traject."""
    return Predicate(
        f"as {party}",
        lambda user, traject: party in relation(user, traject).parties,
        lambda user: Q(Exists(_own(user, party=party))),
    )


def _is_teamleider(user: User) -> bool:
    return user.role == User.Role.TEAMLEIDER and bool(user.organisation_id)


KINDS: dict[str, Predicate] = {
    BEGELEIDER: as_party(Party.BEGELEIDING),
    REGIEHOUDER: as_party(Party.REGIEHOUDER),
    TEAMLEIDER: Predicate(
        TEAMLEIDER,
        lambda user, traject: TEAMLEIDER in relation(user, traject).kinds,
        lambda user: (
            Q(organisation_id=user.organisation_id) if _is_teamleider(user) else access.NOTHING
        ),
    ),
    KANDIDAAT: Predicate(
        KANDIDAAT,
        lambda user, traject: KANDIDAAT in relation(user, traject).kinds,
        lambda user: Q(kandidaat__user=user) | Q(Exists(_own(user, party=Party.KANDIDAAT))),
    ),
    PARTIJ: Predicate(
        PARTIJ,
        lambda user, traject: PARTIJ in relation(user, traject).kinds,
        lambda user: Q(Exists(_own(user).exclude(party__in=list(PARTY_KINDS)))),
    ),
}

# any betrokkene of the traject with this user account, whatever the party
BETROKKENE = Predicate(
    "betrokkene",
    lambda user, traject: bool(relation(user, traject).betrokkene_ids),
    lambda user: Q(Exists(_own(user))),
)

# the traject is not closed
OPEN = Predicate(
    "open traject",
    lambda user, traject: not traject.is_closed,
    lambda user: Q(closed_at__isnull=True),
)


def kinds(*names: str) -> Predicate:
    """Any of these relation kinds towards the traject."""
    return any_of(KINDS[name] for name in names)


def shared_with(user: User, kandidaat: Kandidaat) -> set[str]:
    """The categories the candidate shares with any party this user belongs to (asked of
    the app that keeps the sharing settings; nothing when none answers)."""
    return access.ask(SHARED_CATEGORIES, user, kandidaat, default=set())


def shares(category: str, *party_kinds: str) -> Predicate:
    """The user has one of these kinds and the candidate shares `category` with their
    party. Test only: the sharing settings are read in Python."""
    wanted = set(party_kinds)
    return Predicate(
        f"shares {category}",
        lambda user, traject: (
            bool(relation(user, traject).kinds & wanted)
            and category in shared_with(user, traject.kandidaat)
        ),
    )


# action -> the relation kinds that allow it
RULES: dict[str, set[str]] = {
    VIEW: {BEGELEIDER, REGIEHOUDER, TEAMLEIDER, KANDIDAAT, PARTIJ},
    VIEW_FULL: {BEGELEIDER, REGIEHOUDER, TEAMLEIDER, KANDIDAAT},
    MOVE: {BEGELEIDER, TEAMLEIDER},
    CLOSE: {BEGELEIDER, TEAMLEIDER},
    BETROKKENE_ADD: {BEGELEIDER, TEAMLEIDER},
    KANDIDAAT_INVITE: {BEGELEIDER, TEAMLEIDER},
    JOURNAL_VIEW: {BEGELEIDER, TEAMLEIDER, KANDIDAAT},
    JOURNAL_ADD: {BEGELEIDER, TEAMLEIDER},
    REASONS: {BEGELEIDER, TEAMLEIDER, KANDIDAAT},
    AFSPRAAK_ADD: {BEGELEIDER, REGIEHOUDER, TEAMLEIDER, PARTIJ},
}

# the other parties (and the regiehouder) read the journal when the candidate shares it
JOURNAL_SHARED = shares("journaal", PARTIJ, REGIEHOUDER)


def traject_rule(action: str) -> Predicate:
    """The rule of a traject action registered here."""
    rule = kinds(*RULES[action])
    return rule | JOURNAL_SHARED if action == JOURNAL_VIEW else rule


# --- milestones and agreements ------------------------------------------------------------
# Seen by who sees the whole dossier, and by a party that owns the item (its own milestones,
# the agreements assigned to them); changed by the full editors and by the owning party.

ITEM_EDITORS = {BEGELEIDER, REGIEHOUDER, TEAMLEIDER}


def owns(owner_field: str) -> Predicate:
    """The item is owned by one of the user's betrokkenen on its traject."""
    return Predicate(
        f"owns ({owner_field})",
        lambda user, item: (
            getattr(item, f"{owner_field}_id") in relation(user, item.traject).betrokkene_ids
        ),
        lambda user: Q(**{f"{owner_field}__user": user, f"{owner_field}__traject": F("traject")}),
    )


def _on_traject(rule: Predicate) -> Predicate:
    return rule.via("traject", Traject)


def item_view(owner_field: str) -> Predicate:
    return _on_traject(kinds(*RULES[VIEW_FULL])) | (
        _on_traject(kinds(*RULES[VIEW])) & owns(owner_field)
    )


def item_change(owner_field: str) -> Predicate:
    return _on_traject(kinds(*ITEM_EDITORS)) | (_on_traject(KINDS[PARTIJ]) & owns(owner_field))


# --- the candidate ------------------------------------------------------------------------


def _own_on_kandidaat(user: User, **conditions) -> QuerySet[Betrokkene]:
    return Betrokkene.objects.filter(traject__kandidaat=OuterRef("pk"), user=user, **conditions)


def _kandidaat_kind(kind: str, filter_) -> Predicate:
    return Predicate(
        f"{kind} of the candidate",
        lambda user, kandidaat: kind in kandidaat_relation(user, kandidaat).kinds,
        filter_,
    )


_OPEN = {"traject__closed_at__isnull": True}
CANDIDATE_KINDS: dict[str, Predicate] = {
    BEGELEIDER: _kandidaat_kind(
        BEGELEIDER, lambda user: Q(Exists(_own_on_kandidaat(user, party=Party.BEGELEIDING)))
    ),
    REGIEHOUDER: _kandidaat_kind(
        REGIEHOUDER,
        lambda user: Q(Exists(_own_on_kandidaat(user, party=Party.REGIEHOUDER, **_OPEN))),
    ),
    KANDIDAAT: _kandidaat_kind(
        KANDIDAAT,
        lambda user: Q(user=user) | Q(Exists(_own_on_kandidaat(user, party=Party.KANDIDAAT))),
    ),
    PARTIJ: _kandidaat_kind(
        PARTIJ,
        lambda user: Q(
            Exists(_own_on_kandidaat(user, **_OPEN).exclude(party__in=list(PARTY_KINDS)))
        ),
    ),
}


def candidate_kinds(*names: str) -> Predicate:
    """Any of these relation kinds towards the candidate."""
    return any_of(CANDIDATE_KINDS[name] for name in names)


# who works on the candidate's own data with them
CANDIDATE_OWNERS = (KANDIDAAT, BEGELEIDER)

CANDIDATE_RULES: dict[str, tuple[str, ...]] = {
    KANDIDAAT_VIEW: (KANDIDAAT, BEGELEIDER, REGIEHOUDER, PARTIJ),
    KANDIDAAT_CHANGE: CANDIDATE_OWNERS,
}

ROLE_RULES: dict[str, set[str]] = {
    KANDIDAAT_REGISTER: {User.Role.TRAJECTBEGELEIDER, User.Role.TEAMLEIDER},
    CASELOAD_VIEW: {User.Role.TRAJECTBEGELEIDER, User.Role.TEAMLEIDER},
    REGIE_OVERVIEW: {User.Role.REGIEHOUDER, User.Role.TEAMLEIDER},
}


def register() -> None:
    """Register the traject rules (from `TrajectsConfig.ready`)."""
    for action in RULES:
        access.allow(action, Traject, traject_rule(action))
    access.allow(MILESTONE_VIEW, TrajectMilestone, item_view("owner"))
    access.allow(MILESTONE_CHANGE, TrajectMilestone, item_change("owner"))
    access.allow(AFSPRAAK_VIEW, Afspraak, item_view("who"))
    access.allow(AFSPRAAK_CHANGE, Afspraak, item_change("who"))
    for action, names in CANDIDATE_RULES.items():
        access.allow(action, Kandidaat, candidate_kinds(*names))
    for action, roles in ROLE_RULES.items():
        access.allow_roles(action, roles)


# --- for views ----------------------------------------------------------------------------


def trajects_for(user: User) -> QuerySet[Traject]:
    """Every traject the user may see at least the basic facts of."""
    return access.scope(user, VIEW)


def trajects_as(user: User, party: str) -> QuerySet[Traject]:
    """Trajects where the user is a betrokkene of one party (a coach's caseload, a
    regiehouder's coordination)."""
    if not access.active(user):
        return Traject.objects.none()
    return Traject.objects.filter(as_party(party).q(user))


def caseload_trajects(user: User) -> QuerySet[Traject]:
    """A coach's caseload: the trajects they support; for a team lead, their organisation's."""
    if user.is_authenticated and user.role == User.Role.TEAMLEIDER:
        return trajects_for(user)
    return trajects_as(user, Party.BEGELEIDING)


def coordinated_trajects(user: User) -> QuerySet[Traject]:
    """What a regiehouder coordinates; for a team lead, their organisation's trajects."""
    if user.is_authenticated and user.role == User.Role.TEAMLEIDER:
        return trajects_for(user)
    return trajects_as(user, Party.REGIEHOUDER)


def milestones_visible(user: User, traject: Traject) -> QuerySet[TrajectMilestone]:
    """The traject's milestones the user may see (all, or their own)."""
    return access.scope(user, MILESTONE_VIEW, traject.milestones.all())


def afspraken_visible(user: User, traject: Traject) -> QuerySet[Afspraak]:
    """The traject's agreements the user may see (all, or those assigned to them)."""
    return access.scope(user, AFSPRAAK_VIEW, traject.afspraken.all())


def changeable_ids(user: User, items) -> set[int]:
    """Of these milestones or agreements (of one traject), the ids the user may change. Costs
    no queries once the user's relation to the traject is known."""
    return {
        item.pk
        for item in items
        if access.can(
            user, MILESTONE_CHANGE if isinstance(item, TrajectMilestone) else AFSPRAAK_CHANGE, item
        )
    }


def timeline_kinds_visible(user: User, traject: Traject) -> set[str] | None:
    """Which timeline kinds the user may see (None: all). Dropout start and end ("uitval")
    go with the phase moves; the contacts kept during dropout ("contact": with whom and how,
    never the note) are for those who see the whole dossier."""
    journal = access.can(user, JOURNAL_VIEW, traject)
    if access.can(user, VIEW_FULL, traject):
        if journal:
            return None
        return {"geopend", "fase", "mijlpaal", "afspraak", "betrokkene", "uitval", "contact"}
    if access.can(user, VIEW, traject):
        visible = {"geopend", "fase", "notitie"} if journal else {"geopend", "fase"}
        # "uitval.view" is the dropout app's action
        return visible | {"uitval"} if access.can(user, "uitval.view", traject) else visible
    return set()


def traject_or_404(user: User, pk: int, action: str = VIEW) -> Traject:
    """The traject, if the user may see it. A traject the user may not see answers 404, so
    that its existence does not leak; one they see but may not do `action` on answers 403."""
    return access.get_or_404(
        user,
        VIEW,
        pk,
        require=action,
        queryset=Traject.objects.select_related("kandidaat", "organisation"),
    )


def kandidaat_or_404(user: User, pk: int, action: str = KANDIDAAT_VIEW) -> Kandidaat:
    """The candidate, if the user has any relation to them (else 404); 403 when seen but
    `action` is not allowed."""
    return access.get_or_404(user, KANDIDAAT_VIEW, pk, require=action)
