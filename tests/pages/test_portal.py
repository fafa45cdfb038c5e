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


def test_candidate_corrects_own_details_and_coach_too(client, candidate, coach):
    kandidaat = candidate.kandidaat
    url = reverse("trajects:kandidaat_edit", args=[kandidaat.pk])
    client.force_login(candidate)
    data = {
        "first_name": "Mila",
        "last_name": "Jansen",
        "email": "mila@example.nl",
        "phone": "06 1234",
    }
    response = client.post(url, data)
    assert "Vul een geldig telefoonnummer in" in response.content.decode()
    assert 'value="Jansen"' in response.content.decode()
    client.post(url, {**data, "phone": "06 12345678"})
    kandidaat.refresh_from_db()
    assert (kandidaat.last_name, kandidaat.phone) == ("Jansen", "06 12345678")
    client.force_login(coach)
    client.post(url, {**data, "phone": "06 12345678", "city": "Zeist"})
    kandidaat.refresh_from_db()
    assert kandidaat.city == "Zeist"


def test_others_cannot_edit_candidate_details(client, candidate, coach):
    lg = UserFactory(role="leidinggevende")
    candidate.kandidaat.trajects.get().add_betrokkene("leidinggevende", by=coach, user=lg)
    client.force_login(lg)
    url = reverse("trajects:kandidaat_edit", args=[candidate.kandidaat.pk])
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(role="trajectbegeleider"))
    assert client.get(url).status_code == 404


def test_corrected_name_shows_for_the_candidate_betrokkene(client, coach):
    from tests.factories import TrajectFactory as TF

    traject = TF(coach=coach)
    client.force_login(coach)
    kandidaat = traject.kandidaat
    client.post(
        reverse("trajects:kandidaat_edit", args=[kandidaat.pk]),
        {"first_name": "Noor", "last_name": "Bakker", "email": "noor@example.nl"},
    )
    assert traject.betrokkenen.get(party=Party.KANDIDAAT).display_name == "Noor Bakker"
