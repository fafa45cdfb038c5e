"""The candidate's instruments: versions, sharing, concurrency, bad input, access log."""

import pytest
from django.urls import reverse

from tests.factories import KandidaatFactory, TrajectFactory, UserFactory
from werkpad.audit.models import AuditEntry
from werkpad.instruments.models import DeelVersie, InstrumentVersie

pytestmark = pytest.mark.django_db

CRISIS = {
    "based_on": "0",
    "crisis": "Ik trek me terug en slaap slecht.",
    "helpt": "Rustig praten, een wandeling.",
    "benadering": "Spreek me apart aan.",
    "contact-TOTAL_FORMS": "1",
    "contact-INITIAL_FORMS": "0",
    "contact-MIN_NUM_FORMS": "0",
    "contact-MAX_NUM_FORMS": "8",
    "contact-0-naam": "Mila de Groot",
    "contact-0-rol": "zus",
    "contact-0-telefoon": "06 12345678",
    "contact-0-toegezegd": "on",
    "contact-0-toegezegd_op": "2026-01-10",
}


@pytest.fixture
def candidate(coach):
    account = UserFactory(role="kandidaat")
    traject = TrajectFactory(coach=coach, kandidaat=KandidaatFactory(user=account))
    return traject.kandidaat


@pytest.fixture
def supervisor(coach, candidate):
    user = UserFactory(role="leidinggevende")
    candidate.trajects.get().add_betrokkene("leidinggevende", by=coach, user=user)
    return user


def url(name, kandidaat, *args):
    return reverse(f"instruments:{name}", args=[kandidaat.pk, *args])


def save_crisis(client, kandidaat, **changes):
    return client.post(url("edit", kandidaat, "crisiskaart"), {**CRISIS, **changes})


def share(client, kandidaat, **parties):
    data = {f"deel_{party}": categories for party, categories in parties.items()}
    # like the page: based on the settings in force
    data["based_on"] = DeelVersie.objects.filter(kandidaat=kandidaat).count()
    return client.post(url("sharing", kandidaat), data)


def test_every_save_is_a_new_version_with_history(client, coach, candidate):
    client.force_login(coach)
    assert save_crisis(client, candidate).status_code == 302
    save_crisis(client, candidate, based_on="1", helpt="Thee en een rustige plek.")
    versions = InstrumentVersie.objects.filter(kandidaat=candidate, kind="crisiskaart")
    assert [v.number for v in versions] == [2, 1]
    assert versions[1].data["helpt"] == "Rustig praten, een wandeling."
    history = client.get(url("history", candidate, "crisiskaart")).content.decode()
    assert "Versie 2" in history and "Wat helpt mij dan?" in history
    old = client.get(url("version", candidate, "crisiskaart", 1)).content.decode()
    assert "Rustig praten, een wandeling." in old and "oudere versie" in old


def test_second_editor_is_refused_and_keeps_text(client, coach, candidate):
    client.force_login(coach)
    save_crisis(client, candidate)
    client.force_login(candidate.user)
    save_crisis(client, candidate, based_on="1", helpt="Versie van de kandidaat")
    client.force_login(coach)
    response = save_crisis(client, candidate, based_on="1", helpt="Versie van de coach")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Iemand anders heeft dit intussen aangepast" in html
    assert "Versie van de coach" in html
    latest = InstrumentVersie.objects.filter(kandidaat=candidate, kind="crisiskaart").first()
    assert latest.number == 2 and latest.data["helpt"] == "Versie van de kandidaat"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"contact-0-telefoon": "bel me"}, "Vul een geldig telefoonnummer in"),
        ({"contact-0-toegezegd_op": ""}, "Wanneer heeft deze persoon het toegezegd?"),
        ({"contact-0-toegezegd_op": "2999-01-01"}, "Deze datum ligt in de toekomst."),
        ({"helpt": "x" * 2001}, "niet meer dan 2000 tekens"),
    ],
)
def test_bad_crisis_card_input_keeps_what_was_typed(client, coach, candidate, changes, message):
    client.force_login(coach)
    response = save_crisis(client, candidate, **changes)
    html = response.content.decode()
    assert message in html
    assert "Mila de Groot" in html
    assert not InstrumentVersie.objects.exists()


def test_empty_crisis_card_refused(client, coach, candidate):
    client.force_login(coach)
    empty = dict.fromkeys(("crisis", "helpt", "benadering"), "")
    response = save_crisis(
        client,
        candidate,
        **empty,
        **{
            "contact-0-naam": "",
            "contact-0-telefoon": "",
            "contact-0-toegezegd": "",
            "contact-0-toegezegd_op": "",
            "contact-0-rol": "",
        },
    )
    assert "Een lege crisiskaart helpt niemand" in response.content.decode()
    assert not InstrumentVersie.objects.exists()


def test_hours_out_of_range_and_start_nudge(client, coach, candidate):
    client.force_login(coach)
    edit = url("edit", candidate, "beschikbaarheid")
    response = client.post(
        edit, {"based_on": "0", "eigen_inschatting": "41", "motivatie": "Ik wil weer meedoen"}
    )
    assert "Vul een aantal uren van 0 tot en met 40 in." in response.content.decode()
    assert "Ik wil weer meedoen" in response.content.decode()
    response = client.post(
        edit,
        {"based_on": "0", "eigen_inschatting": "24", "uren_start": "24", "uren_doel": "32"},
        follow=True,
    )
    assert "Overweeg te beginnen met ongeveer 16 uur" in response.content.decode()


def test_supervisor_sees_only_what_is_shared_and_loses_it_on_withdrawal(
    client, coach, candidate, supervisor
):
    client.force_login(coach)
    save_crisis(client, candidate)
    detail, pdf = url("detail", candidate, "crisiskaart"), url("crisiskaart_pdf", candidate)

    client.force_login(supervisor)
    response = client.get(detail)
    assert response.status_code == 403
    assert "Mila" not in response.content.decode() and "Niet gedeeld" in response.content.decode()
    assert client.get(pdf).status_code == 403

    client.force_login(candidate.user)
    share(client, candidate, leidinggevende=["crisiskaart"])
    client.force_login(supervisor)
    assert "Mila de Groot" in client.get(detail).content.decode()
    response = client.get(pdf)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client.get(url("detail", candidate, "financien")).status_code == 403

    client.force_login(candidate.user)
    share(client, candidate)  # everything off
    client.force_login(supervisor)
    assert client.get(detail).status_code == 403
    assert client.get(pdf).status_code == 403
    assert DeelVersie.objects.filter(kandidaat=candidate).count() == 2


def test_sharing_history_says_what_changed(client, candidate):
    client.force_login(candidate.user)
    share(client, candidate, leidinggevende=["crisiskaart", "grenzen_signalen"])
    share(client, candidate, leidinggevende=["grenzen_signalen"])
    html = client.get(url("sharing", candidate)).content.decode()
    assert "Mijn crisiskaart niet meer gedeeld met Leidinggevende" in html
    assert "Mijn crisiskaart gedeeld met Leidinggevende" in html


def test_others_cannot_change_sharing_or_instruments(client, candidate, supervisor):
    client.force_login(supervisor)
    assert (
        client.post(url("sharing", candidate), {"deel_leidinggevende": ["financien"]}).status_code
        == 403
    )
    assert not DeelVersie.objects.exists()
    assert client.post(url("edit", candidate, "crisiskaart"), CRISIS).status_code == 403


def test_stranger_gets_404(client, candidate):
    client.force_login(UserFactory(role="trajectbegeleider"))
    assert client.get(url("overview", candidate)).status_code == 404
    assert client.get(url("detail", candidate, "crisiskaart")).status_code == 404
    assert client.get(url("crisiskaart_pdf", candidate)).status_code == 404


def test_reads_by_others_are_in_the_candidates_access_log(client, coach, candidate, supervisor):
    client.force_login(coach)
    save_crisis(client, candidate)
    client.get(url("detail", candidate, "crisiskaart"))
    client.force_login(candidate.user)
    client.get(url("detail", candidate, "crisiskaart"))
    assert not AuditEntry.objects.filter(user=candidate.user, action="read").exists()
    html = client.get(url("access_log", candidate)).content.decode()
    assert str(coach) in html and "Crisiskaart" in html
    client.force_login(supervisor)
    assert client.get(url("access_log", candidate)).status_code == 403


def test_journal_shared_with_a_party_shows_on_their_timeline(client, coach, candidate):
    from werkpad.trajects.models import JournaalNotitie

    traject = candidate.trajects.get()
    employer = UserFactory(role="werkgever")
    traject.add_betrokkene("werkgever", by=coach, user=employer)
    JournaalNotitie.objects.create(
        traject=traject, kind="gesprek", text="Verslag van gesprek", author=coach
    )
    timeline = reverse("trajects:timeline", args=[traject.pk])
    client.force_login(employer)
    assert "Verslag van gesprek" not in client.get(timeline).content.decode()
    client.force_login(candidate.user)
    share(client, candidate, werkgever=["journaal"])
    client.force_login(employer)
    assert "Verslag van gesprek" in client.get(timeline).content.decode()


def test_pages_work_before_anything_was_saved(client, candidate):
    client.force_login(candidate.user)
    assert client.get(url("sharing", candidate)).status_code == 200
    assert "Je hebt nog niets gedeeld." in client.get(url("sharing", candidate)).content.decode()
    assert client.get(url("history", candidate, "crisiskaart")).status_code == 200
    assert client.get(url("overview", candidate)).status_code == 200


def test_financial_form_explains_schemes_and_who_grants_them(client, coach, candidate):
    from werkpad.instruments.models import Regeling

    client.force_login(coach)
    html = client.get(url("edit", candidate, "financien")).content.decode()
    no_risk = Regeling.objects.get(key="no_riskpolis")
    assert no_risk.name in html and no_risk.explanation[:40] in html and no_risk.who in html
    no_risk.active = False  # an administrator takes a scheme out of use
    no_risk.save()
    assert no_risk.name not in client.get(url("edit", candidate, "financien")).content.decode()


def test_save_from_an_outdated_sharing_page_is_refused(client, candidate, supervisor):
    client.force_login(candidate.user)
    share(client, candidate, leidinggevende=["crisiskaart"])  # version 1
    share(client, candidate)  # version 2: withdrawn in another window
    stale = client.post(
        url("sharing", candidate), {"based_on": 1, "deel_leidinggevende": ["crisiskaart"]}
    )
    assert "Deze keuzes zijn intussen veranderd" in stale.content.decode()
    assert DeelVersie.objects.filter(kandidaat=candidate).first().shared == {}
