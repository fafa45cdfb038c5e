"""Matching pages: consent first, suggestions with reasons, the conversation and its outcome."""

import pytest
from django.urls import reverse

from tests.factories import KandidaatFactory, OrganisationFactory, TrajectFactory, UserFactory
from werkpad.employers.models import Functie, Locatie, Werkgever
from werkpad.instruments.models import InstrumentVersie
from werkpad.matching.models import Matchgesprek, Matchprofiel

pytestmark = pytest.mark.django_db


@pytest.fixture
def kandidaat(coach):
    account = UserFactory(role="kandidaat")
    k = TrajectFactory(
        coach=coach, kandidaat=KandidaatFactory(user=account, city="Utrecht")
    ).kandidaat
    InstrumentVersie.objects.create(
        kandidaat=k,
        kind="wensen",
        number=1,
        data={
            "werk_wens": "Buiten werken met planten",
            "sectoren": "groen",
            "cap_klantcontact": "2",
        },
    )
    InstrumentVersie.objects.create(
        kandidaat=k, kind="beschikbaarheid", number=1, data={"uren_start": 12, "uren_doel": 20}
    )
    return k


def make_job(title, sector, demands, hours=16, city="Utrecht"):
    org = OrganisationFactory(kind="werkgever")
    werkgever = Werkgever.objects.create(organisation=org, sector=sector, grootte="klein")
    locatie = Locatie.objects.create(werkgever=werkgever, name="Hoofdvestiging", city=city)
    return Functie.objects.create(
        werkgever=werkgever,
        locatie=locatie,
        title=title,
        soort="vacature",
        hours_per_week=hours,
        demands=demands,
    )


@pytest.fixture
def jobs():
    return [
        make_job("Medewerker kwekerij", "groen", {"klantcontact": 1, "fysieke_belasting": 3}),
        make_job("Verkoper kassa", "retail", {"klantcontact": 4}, hours=32, city="Amsterdam"),
    ]


def test_no_suggestions_without_consent(client, coach, kandidaat, jobs):
    client.force_login(coach)
    html = client.get(reverse("matching:for_candidate", args=[kandidaat.pk])).content.decode()
    assert "pas suggesties getoond als de kandidaat akkoord geeft" in html
    assert "Medewerker kwekerij" not in html


def test_suggestions_start_from_wishes_and_give_reasons(client, kandidaat, jobs):
    client.force_login(kandidaat.user)
    url = reverse("matching:for_candidate", args=[kandidaat.pk])
    client.post(url, {"akkoord": "on", "reisgebied": "Utrecht, Zeist"})
    assert Matchprofiel.objects.get(kandidaat=kandidaat).akkoord_op is not None
    html = client.get(url).content.decode()
    assert html.index("Medewerker kwekerij") < html.index("Verkoper kassa")
    assert "past bij wens: groen" in html
    assert "vraagt meer klantcontact dan je aangeeft" in html
    assert "32 uur per week is meer dan je wilt" in html
    assert "ligt buiten je reisgebied (Amsterdam)" in html


def test_job_page_lists_consenting_candidates_of_own_caseload(client, coach, kandidaat, jobs):
    Matchprofiel.objects.create(kandidaat=kandidaat, akkoord=True)
    other = TrajectFactory(coach=UserFactory(role="trajectbegeleider")).kandidaat
    Matchprofiel.objects.create(kandidaat=other, akkoord=True)
    client.force_login(coach)
    html = client.get(reverse("matching:for_job", args=[jobs[0].pk])).content.decode()
    assert str(kandidaat) in html and str(other) not in html


def test_others_cannot_see_suggestions(client, kandidaat, jobs):
    client.force_login(UserFactory(role="trajectbegeleider"))
    assert client.get(reverse("matching:for_candidate", args=[kandidaat.pk])).status_code == 404
    client.force_login(UserFactory(role="werkgever"))
    assert client.get(reverse("matching:for_job", args=[jobs[0].pk])).status_code == 403


def test_conversation_recorded_and_match_needs_preconditions(client, coach, kandidaat, jobs):
    client.force_login(coach)
    url = reverse("matching:gesprek", args=[kandidaat.pk, jobs[0].pk])
    data = {
        "date": "2026-11-20",
        "onderwerpen": ["wensen", "uren_opbouw"],
        "uitkomst": "match",
        "aanpak": "Start met 8 uur",
        "randvoorwaarden_kandidaat": "Vaste dagen",
    }
    response = client.post(url, data)
    assert "Leg bij een match de randvoorwaarden van beide kanten vast" in response.content.decode()
    assert "Start met 8 uur" in response.content.decode()
    client.post(url, {**data, "randvoorwaarden_werkgever": "Buddy Kees"})
    gesprek = Matchgesprek.objects.get()
    assert gesprek.uitkomst == "match" and gesprek.onderwerpen == ["wensen", "uren_opbouw"]


def test_job_index_is_reused_until_a_job_changes(kandidaat, jobs):
    from werkpad.matching import profiles

    first = profiles.job_index()
    assert profiles.job_index() is first
    jobs[1].title = "Medewerker winkel"
    jobs[1].save()
    assert profiles.job_index() is not first


def test_suggestion_pages_cost_the_same_with_more_jobs_and_candidates(client, coach, kandidaat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    Matchprofiel.objects.create(kandidaat=kandidaat, akkoord=True)
    first = make_job("Medewerker kwekerij", "groen", {"klantcontact": 1})
    client.force_login(coach)
    pages = [
        reverse("matching:for_candidate", args=[kandidaat.pk]),
        reverse("matching:for_job", args=[first.pk]),
    ]

    def counts():
        result = []
        for page in pages:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(page).status_code == 200
            result.append(len(ctx.captured_queries))
        return result

    before = counts()
    for i in range(15):
        make_job(f"Functie {i}", "logistiek", {"werktempo": 2})
        other = TrajectFactory(coach=coach).kandidaat
        Matchprofiel.objects.create(kandidaat=other, akkoord=True)
    assert counts() == before


def test_opening_the_page_writes_nothing(client, coach, kandidaat):
    client.force_login(coach)
    client.get(reverse("matching:for_candidate", args=[kandidaat.pk]))
    assert not Matchprofiel.objects.exists()


def test_closing_a_job_refreshes_the_index(client, coach, jobs):
    from werkpad.matching import profiles

    before = {j.key for j in profiles.job_index().jobs}
    client.force_login(coach)
    werkgever = jobs[0].werkgever
    client.post(reverse("employers:functie_toggle", args=[werkgever.pk, jobs[0].pk]))
    after = {j.key for j in profiles.job_index().jobs}
    assert jobs[0].pk in before and jobs[0].pk not in after
