"""Load the demo: read the stories in `data/*.yaml` (`stories.read_stories`) and build them
through the product's own model methods, forms and services (`build/`), in the order things
happened: organisations and logins, the employers with their jobs, the candidates' trajects
(a placement starts on the day of its traject's move to phase c), the instruments, the
match profiles, and monitoring and dropout on top of the placements.

Everything is made up and deterministic: dates are relative to the day of loading, and the
few things left to chance are seeded per candidate. Organisations and logins are updated in
place; everything else of the demo is removed and built again. Used by `manage.py load_demo`.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q, QuerySet

from werkpad.accounts.models import Organisation, User
from werkpad.employers.models import Functie, Taak, Werkgever
from werkpad.instruments.models import InstrumentVersie
from werkpad.matching.models import Matchgesprek
from werkpad.placements.models import Plaatsing
from werkpad.route.models import Phase
from werkpad.trajects.models import Afspraak, Kandidaat, Traject

from .build.clock import Clock
from .build.employers import Employer, build_employer
from .build.instruments import build_instruments
from .build.monitoring import build_monitoring
from .build.people import build_logins, build_organisations, email
from .build.placements import build_match_profile, start_placement
from .build.trajects import TrajectBuilder
from .stories import Stories, read_stories

# --- what belongs to the demo -----------------------------------------------------------------


def organisation_names(stories: Stories | None = None) -> list[str]:
    stories = stories or read_stories()
    return [spec["name"] for spec in stories.organisations.values()]


def demo_organisations(stories: Stories | None = None) -> QuerySet[Organisation]:
    return Organisation.objects.filter(name__in=organisation_names(stories))


def _suffix(stories: Stories) -> str:
    return f"@{stories.people['domain']}"


def demo_kandidaten(stories: Stories | None = None) -> QuerySet[Kandidaat]:
    suffix = _suffix(stories or read_stories())
    return Kandidaat.objects.filter(
        Q(created_by__email__iendswith=suffix) | Q(user__email__iendswith=suffix)
    )


def demo_trajects(stories: Stories | None = None) -> QuerySet[Traject]:
    stories = stories or read_stories()
    return Traject.objects.filter(
        Q(kandidaat__in=demo_kandidaten(stories))
        | Q(organisation__in=demo_organisations(stories))
        | Q(created_by__email__iendswith=_suffix(stories))
    )


def demo_werkgevers(stories: Stories | None = None) -> QuerySet[Werkgever]:
    """The employer profiles of the demo employer organisations."""
    stories = stories or read_stories()
    names = [stories.organisations[key]["name"] for key in stories.employers]
    return Werkgever.objects.filter(organisation__name__in=names)


def _candidate_email(stories: Stories) -> str:
    """The login of the candidate with an account of their own (kandidaat@)."""
    login = next(c["login"] for c in stories.candidates if c.get("login"))
    return email(stories, login)


def is_loaded(stories: Stories | None = None) -> bool:
    """Are all demo logins, organisations, candidates and employers there, with the demo
    candidate's instruments and placement?"""
    stories = stories or read_stories()
    emails = [email(stories, login["key"]) for login in stories.logins]
    if User.objects.filter(email__in=emails).count() < len(emails):
        return False
    if demo_organisations(stories).count() < len(stories.organisations):
        return False
    if demo_kandidaten(stories).count() < len(stories.candidates):
        return False
    candidate = _candidate_email(stories)
    if not InstrumentVersie.objects.filter(kandidaat__user__email=candidate).exists():
        return False
    return employers_loaded(stories)


def employers_loaded(stories: Stories | None = None) -> bool:
    """Are the demo employers there, with the demo candidate's placement? (A demo database
    from before the employers, jobs and placements is rebuilt.)"""
    stories = stories or read_stories()
    if demo_werkgevers(stories).count() < len(stories.employers):
        return False
    candidate = _candidate_email(stories)
    return Plaatsing.objects.filter(traject__kandidaat__user__email=candidate).exists()


def remove_employers(stories: Stories | None = None) -> None:
    """Remove the demo placements, match conversations and employers (with their locations,
    contacts, milestones, tasks and jobs). Placements protect their job, match conversation
    and contacts, and jobs their location: so this goes before the demo trajects and
    candidates. A placement or match conversation of someone else at a demo job still
    protects it (ProtectedError): the command then changes nothing."""
    stories = stories or read_stories()
    Plaatsing.objects.filter(traject__in=demo_trajects(stories)).delete()
    Matchgesprek.objects.filter(kandidaat__in=demo_kandidaten(stories)).delete()
    werkgevers = demo_werkgevers(stories)
    Functie.objects.filter(werkgever__in=werkgevers).delete()
    werkgevers.delete()


def phase_summary(stories: Stories | None = None) -> list[tuple[str, int]]:
    """Open demo trajects per phase, for the command's report."""
    open_trajects = demo_trajects(stories).filter(closed_at__isnull=True)
    return [(str(p.label), open_trajects.filter(phase=p).count()) for p in Phase]


def login_rows(stories: Stories | None = None) -> list[tuple[str, str, str]]:
    """Per demo login: e-mail address, role and what to look at."""
    stories = stories or read_stories()
    return [
        (email(stories, login["key"]), str(User.Role(login["role"]).label), login["look_at"])
        for login in stories.logins
    ]


def password(stories: Stories | None = None) -> str:
    return (stories or read_stories()).people["password"]


# --- building -------------------------------------------------------------------------------


@transaction.atomic
def load(stories: Stories | None = None) -> dict[str, int]:
    """(Re)build the demo data in one transaction. Returns counts for the command."""
    stories = stories or read_stories()
    clock = Clock()
    organisations = build_organisations(stories)
    users = build_logins(stories, organisations)

    # Afspraak.who protects its betrokkene, also when both go with their traject: remove the
    # agreements first; so too the placements, match conversations and jobs
    Afspraak.objects.filter(traject__in=demo_trajects(stories)).delete()
    remove_employers(stories)
    demo_trajects(stories).delete()
    demo_kandidaten(stories).delete()

    employers: dict[str, Employer] = {
        key: build_employer(spec, organisations[key], users, clock)
        for key, spec in stories.employers.items()
    }
    placements: dict[str, Plaatsing] = {}
    kandidaten: dict[str, Kandidaat] = {}
    coaches = {c["key"]: users[c["coach"]] for c in stories.candidates}

    for story in stories.candidates:
        key = story["key"]

        def start(traject: Traject, at, key: str = key) -> None:
            spec = stories.placement_of(key)
            placements[key] = start_placement(
                traject, spec, employers[spec["employer"]], coaches[key], at, clock
            )

        traject = TrajectBuilder(users, clock, start).build(story)
        kandidaten[key] = traject.kandidaat

    for key, spec in stories.instruments["candidates"].items():
        build_instruments(kandidaten[key], spec, coaches[key], users, clock)
    for key, spec in stories.placements["match_profiles"].items():
        build_match_profile(kandidaten[key], spec)
    for key, spec in stories.monitoring["placements"].items():
        build_monitoring(placements[key], spec, coaches[key], users, clock)

    werkgevers = [employer.werkgever for employer in employers.values()]
    return {
        "organisaties": len(organisations),
        "logins": len(users),
        "kandidaten": len(kandidaten),
        "trajecten": demo_trajects(stories).count(),
        "werkgevers": len(werkgevers),
        "taken": Taak.objects.filter(werkgever__in=werkgevers).count(),
        "functies": Functie.objects.filter(werkgever__in=werkgevers).count(),
        "plaatsingen": len(placements),
    }
