"""The candidate's own start page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import KandidaatFactory, TrajectFactory, UserFactory
from werkpad.route.models import Party
from werkpad.trajects.models import Afspraak

pytestmark = pytest.mark.django_db


@pytest.fixture
def candidate(coach):
    account = UserFactory(role="kandidaat", first_name="Mila")
    TrajectFactory(coach=coach, kandidaat=KandidaatFactory(user=account, first_name="Mila"))
    return account


def add_afspraken(traject, n):
    me = traject.betrokkenen.get(party=Party.KANDIDAAT)
    coach = traject.betrokkenen.get(party=Party.BEGELEIDING)
    for i in range(n):
        Afspraak.objects.create(
            traject=traject,
            what=f"Afspraak {i}",
            who=me if i % 2 else coach,
            due_date=timezone.localdate() + datetime.timedelta(days=i),
        )


def test_portal_shows_phase_steps_and_agreements_in_plain_words(client, candidate):
    traject = candidate.kandidaat.trajects.get()
    add_afspraken(traject, 2)
    client.force_login(candidate)
    html = client.get(reverse("home"), follow=True).content.decode()
    assert "Hoi Mila" in html
    assert "We ontdekken samen wat je wilt en kunt" in html
    assert "Capaciteiten en wensen in beeld" in html  # an open step of the candidate
    assert "Afspraak 1" in html and "Afspraak 0" in html
    assert reverse("instruments:sharing", args=[candidate.kandidaat.pk]) in html
    assert reverse("instruments:access_log", args=[candidate.kandidaat.pk]) in html


def test_portal_is_only_for_candidates(client, coach):
    client.force_login(coach)
    assert client.get(reverse("portal:home")).status_code == 403


def test_portal_query_count_does_not_grow(client, candidate):
    traject = candidate.kandidaat.trajects.get()
    client.force_login(candidate)
    add_afspraken(traject, 2)
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("portal:home"))
    add_afspraken(traject, 30)
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("portal:home"))
    assert len(small.captured_queries) == len(large.captured_queries)
