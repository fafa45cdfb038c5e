"""The instrument pages cost the same number of SQL queries with 2 or 30 saved versions per
instrument, and with 1 or 10 versions of the sharing settings: for the candidate themself and
for a party the candidate shares with."""

import itertools

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import KandidaatFactory, TrajectFactory, UserFactory
from tests.instruments.test_sharing_matrix import marker, post_data
from werkpad.instruments.kinds import CATEGORIES, KINDS
from werkpad.instruments.models import DeelVersie, InstrumentVersie

pytestmark = pytest.mark.django_db

ALL_CATEGORIES = [key for key, _name in CATEGORIES]
PARTY = "leidinggevende"
VIEWERS = ["kandidaat", PARTY]


def user(role: str, **kwargs):
    return UserFactory(role=role, password=None, **kwargs)  # no password hashing: fast


def client_for(account) -> Client:
    client = Client()
    client.force_login(account)
    return client


def url(name: str, kandidaat, *args) -> str:
    return reverse(f"instruments:{name}", args=[kandidaat.pk, *args])


class World:
    """One candidate with a coach and a supervisor (leidinggevende). Every instrument is saved
    twice through the edit view, the sharing settings once through the sharing form; `grow()`
    adds versions straight in the database, made by a mix of people."""

    def __init__(self, organisation):
        self.coach = user("trajectbegeleider", organisation=organisation)
        self.traject = TrajectFactory(
            coach=self.coach, kandidaat=KandidaatFactory(user=user("kandidaat"))
        )
        self.kandidaat = self.traject.kandidaat
        self.party = user(PARTY)
        self.traject.add_betrokkene(PARTY, by=self.coach, user=self.party)
        self.authors = [self.coach, self.kandidaat.user, user("trajectbegeleider"), None]
        as_coach = client_for(self.coach)
        for kind in KINDS:
            for version in (1, 2):
                response = as_coach.post(
                    url("edit", self.kandidaat, kind), post_data(kind, version)
                )
                assert response.status_code == 302, kind
        response = client_for(self.kandidaat.user).post(
            url("sharing", self.kandidaat), {f"deel_{PARTY}": ALL_CATEGORIES}
        )
        assert response.status_code == 302

    def grow(self, versions: int = 30, sharings: int = 10) -> None:
        authors = itertools.cycle(self.authors)
        new = []
        for kind in KINDS:
            latest = InstrumentVersie.objects.filter(kandidaat=self.kandidaat, kind=kind).first()
            for number in range(latest.number + 1, versions + 1):
                # every version changes the marked text; every other one all other text too
                data = {
                    key: f"{value} {number}"
                    if isinstance(value, str) and value and (number % 2 or marker(kind) in value)
                    else value
                    for key, value in latest.data.items()
                }
                new.append(
                    InstrumentVersie(
                        kandidaat=self.kandidaat,
                        kind=kind,
                        number=number,
                        data=data,
                        created_by=next(authors),
                    )
                )
        InstrumentVersie.objects.bulk_create(new)
        current = DeelVersie.objects.filter(kandidaat=self.kandidaat).first()
        extra = {"werkgever": ["financien"], "arbodienst": ["grenzen_signalen", "crisiskaart"]}
        DeelVersie.objects.bulk_create(
            DeelVersie(
                kandidaat=self.kandidaat,
                number=number,
                # the party keeps everything; others come and go, so every version has changes
                shared={PARTY: ALL_CATEGORIES, **(extra if number % 2 else {})},
                created_by=next(authors),
            )
            for number in range(current.number + 1, sharings + 1)
        )
        assert DeelVersie.objects.filter(kandidaat=self.kandidaat).first().number == sharings
        saved = InstrumentVersie.objects.filter(kandidaat=self.kandidaat).count()
        assert saved == versions * len(KINDS)

    def viewer(self, who: str) -> Client:
        return client_for(self.kandidaat.user if who == "kandidaat" else self.party)


def count_queries(client: Client, address: str, status: int) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(address)
    assert response.status_code == status, address
    return len(ctx.captured_queries)


def counts(client: Client, pages: dict[str, tuple[str, int]]) -> dict[str, int]:
    return {
        name: count_queries(client, address, status) for name, (address, status) in pages.items()
    }


def measure(world: World, who: str, pages: dict[str, tuple[str, int]]):
    client = world.viewer(who)
    counts(client, pages)  # warm up (sessions, caches)
    small = counts(client, pages)
    world.grow()
    large = counts(client, pages)
    return small, large


@pytest.mark.parametrize("who", VIEWERS)
def test_overview_detail_and_sharing_pages_do_not_grow_with_versions(who, organisation):
    world = World(organisation)
    k = world.kandidaat
    own = who == "kandidaat"
    pages = {
        "overview": (url("overview", k), 200),
        "sharing": (url("sharing", k), 200 if own else 403),
        "crisiskaart pdf": (url("crisiskaart_pdf", k), 200),
    }
    for kind in KINDS:
        pages[f"detail {kind}"] = (url("detail", k, kind), 200)
        pages[f"version 1 of {kind}"] = (url("version", k, kind, 1), 200 if own else 403)
    small, large = measure(world, who, pages)
    assert small == large


# (caught: the history built the form once per version, and FinancienForm reads its choices
# from the database: 2 queries per saved version)
@pytest.mark.parametrize("who", VIEWERS)
@pytest.mark.parametrize("kind", list(KINDS))
def test_history_page_does_not_grow_with_versions(kind, who, organisation):
    world = World(organisation)
    history = url("history", world.kandidaat, kind)
    small, large = measure(world, who, {"history": (history, 200 if who == "kandidaat" else 403)})
    assert small == large
