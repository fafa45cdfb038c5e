"""The coach's daily work in views: register, journal, agreements, phase moves, bad input."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from werkpad.route.models import Party
from werkpad.trajects.models import Afspraak, JournaalNotitie, Kandidaat, Traject

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def registration(**overrides):
    data = {
        "k-first_name": "Sanne",
        "k-last_name": "de Vries",
        "k-email": "sanne@example.nl",
        "k-phone": "06 12345678",
        "k-date_of_birth": "1990-04-02",
        "k-city": "Utrecht",
        "t-method": "ips",
        "t-referral": "ggz",
        "t-referral_note": "Aanvraag FACT-team",
        "t-started_on": TODAY.isoformat(),
    }
    data.update(overrides)
    return data


def test_register_opens_traject_in_voortraject(client, coach):
    client.force_login(coach)
    response = client.post(reverse("trajects:register"), registration())
    traject = Traject.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("trajects:detail", args=[traject.pk])
    assert traject.phase == "a" and traject.referral == "ggz"
    assert traject.organisation == coach.organisation
    assert traject.betrokkenen.get(party=Party.BEGELEIDING).user == coach
    page = client.get(response["Location"]).content.decode()
    assert "Sanne de Vries" in page and "Voortraject" in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("k-last_name", "", "Dit veld is verplicht."),
        ("k-email", "geen-mail", "Voer een geldig e-mailadres in."),
        ("k-phone", "bel me", "Vul een geldig telefoonnummer in"),
        ("k-date_of_birth", "2999-01-01", "kan niet in de toekomst liggen"),
        ("k-first_name", "x" * 101, "niet meer dan 100 tekens"),
        ("t-method", "toverstaf", "Selecteer een geldige keuze."),
    ],
)
def test_register_bad_input_keeps_what_was_typed(client, coach, field, value, message):
    client.force_login(coach)
    response = client.post(reverse("trajects:register"), registration(**{field: value}))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="Utrecht"' in html
    assert not Kandidaat.objects.exists() and not Traject.objects.exists()


def test_only_coaches_register(client):
    employer = UserFactory(role="werkgever")
    client.force_login(employer)
    assert client.get(reverse("trajects:register")).status_code == 403


def test_journal_note_and_timeline(client, coach, traject):
    client.force_login(coach)
    response = client.post(
        reverse("trajects:notitie_add", args=[traject.pk]),
        {
            "date": TODAY.isoformat(),
            "kind": "driegesprek",
            "participants": "Sanne, leidinggevende",
            "text": "Eerste week ging goed.",
        },
    )
    assert response.status_code == 302
    timeline = client.get(reverse("trajects:timeline", args=[traject.pk])).content.decode()
    assert "Eerste week ging goed." in timeline and "Driegesprek" in timeline


def test_journal_date_in_future_refused(client, coach, traject):
    client.force_login(coach)
    tomorrow = TODAY + datetime.timedelta(days=1)
    response = client.post(
        reverse("trajects:notitie_add", args=[traject.pk]),
        {"date": tomorrow.isoformat(), "kind": "telefoon", "text": "Belafspraak"},
    )
    assert "niet voor later" in response.content.decode()
    assert "Belafspraak" in response.content.decode()
    assert not JournaalNotitie.objects.exists()


def test_agreement_recorded_and_status_changed(client, coach, traject):
    client.force_login(coach)
    who = traject.betrokkenen.get(party=Party.KANDIDAAT)
    due = TODAY + datetime.timedelta(days=7)
    client.post(
        reverse("trajects:afspraak_add", args=[traject.pk]),
        {"what": "Cv bijwerken", "who": who.pk, "due_date": due.isoformat()},
    )
    afspraak = Afspraak.objects.get()
    assert afspraak.status == "open" and afspraak.created_by == coach
    client.post(
        reverse("trajects:afspraak_edit", args=[traject.pk, afspraak.pk]),
        {"what": "Cv bijwerken", "who": who.pk, "due_date": due.isoformat(), "status": "nagekomen"},
    )
    afspraak.refresh_from_db()
    assert afspraak.status == "nagekomen"
    assert list(
        traject.gebeurtenissen.filter(kind="afspraak").values_list("status", flat=True)
    ) == ["nagekomen", ""]


def test_agreement_in_the_past_or_for_stranger_refused(client, coach, traject):
    client.force_login(coach)
    other = 999999  # not a betrokkene of this traject
    response = client.post(
        reverse("trajects:afspraak_add", args=[traject.pk]),
        {"what": "Iets", "who": other, "due_date": "2001-01-01"},
    )
    html = response.content.decode()
    assert "Kies een datum van vandaag of later." in html
    assert "Selecteer een geldige keuze" in html
    assert 'value="Iets"' in html


def test_phase_move_form_explains_refusal(client, coach, traject):
    client.force_login(coach)
    url = reverse("trajects:move", args=[traject.pk])
    response = client.post(url, {"to_phase": "d", "reason": ""})
    assert "Van Voortraject naar Duurzame inzetbaarheid kan niet" in response.content.decode()
    response = client.post(url, {"to_phase": "q", "reason": "mijn reden"})
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert "mijn reden</textarea>" in response.content.decode()
    response = client.post(url, {"to_phase": "b", "reason": ""})
    assert response.status_code == 302
    traject.refresh_from_db()
    assert traject.phase == "b"


def test_close_traject(client, coach, traject):
    client.force_login(coach)
    url = reverse("trajects:close", args=[traject.pk])
    response = client.post(url, {"outcome": "opleiding", "reason": ""})
    assert "Dit veld is verplicht." in response.content.decode()
    client.post(url, {"outcome": "opleiding", "reason": "Start mbo-opleiding groen"})
    traject.refresh_from_db()
    assert traject.is_closed and traject.outcome == "opleiding"


def test_add_betrokkene_needs_account_or_name(client, coach, traject):
    client.force_login(coach)
    url = reverse("trajects:betrokkene_add", args=[traject.pk])
    response = client.post(url, {"party": "werkgever", "role": "HR"})
    assert "Kies een account in Werkpad of vul de naam" in response.content.decode()
    assert 'value="HR"' in response.content.decode()
    client.post(url, {"party": "persoonlijke_omgeving", "name": "Mila", "role": "zus"})
    assert traject.betrokkenen.filter(name="Mila", user=None).exists()


def test_over_long_text_refused(client, coach, traject):
    client.force_login(coach)
    response = client.post(
        reverse("trajects:afspraak_add", args=[traject.pk]),
        {"what": "x" * 501, "who": traject.betrokkenen.first().pk, "due_date": TODAY.isoformat()},
    )
    assert "niet meer dan 500 tekens" in response.content.decode()
