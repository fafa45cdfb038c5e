"""Check-ins: the candidate's and the supervisor's short check-in, logged in or
through the e-mailed link, with every state a link can be in, and bad input kept."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.scenes import days, placed_scene
from werkpad.instruments.models import DeelVersie
from werkpad.monitoring.checkins import tokens
from werkpad.monitoring.models import (
    CheckInMoment,
    KandidaatCheckIn,
    LeidinggevendeCheckIn,
    MonitoringSchema,
)
from werkpad.notifications.models import Melding

pytestmark = pytest.mark.django_db
SCORE_ERROR = "Kies een antwoord van 1 tot en met 5."
GOOD = {"energie": "4", "spanning": "2", "plezier": "4", "belasting": "4", "opmerking": ""}


def moment(plaatsing, day=0, voor="kandidaat"):
    return CheckInMoment.objects.create(
        plaatsing=plaatsing, voor=voor, datum=days(day), open_tot=CheckInMoment.closes_at(days(day))
    )


def link(m) -> str:
    return reverse("monitoring:checkin_link", args=[tokens.make(m.pk)])


def checkin_url(scene) -> str:
    return reverse("monitoring:checkin", args=[scene.plaatsing.pk])


# --- the candidate, logged in ------------------------------------------------------------------


def test_candidate_fills_in_the_open_checkin_when_logged_in(client, scene):
    m = moment(scene.plaatsing)
    client.force_login(scene.kandidaat_user)
    page = client.get(checkin_url(scene))
    html = page.content.decode()
    assert page.status_code == 200
    assert f"Hoi {scene.kandidaat.first_name}, hoe gaat het?" in html
    assert "Hoeveel energie had je de afgelopen tijd?" in html
    assert "1 = heel weinig, 5 = veel" in html
    assert html.count('type="radio"') == 20  # four questions, 1 to 5

    response = client.post(checkin_url(scene), {**GOOD, "opmerking": "Fijne week"})
    assert response.status_code == 200
    assert "Dank je wel" in response.content.decode()
    saved = KandidaatCheckIn.objects.get()
    assert (saved.energie, saved.spanning, saved.plezier, saved.belasting) == (4, 2, 4, 4)
    assert saved.opmerking == "Fijne week" and saved.moment == m and not saved.via_link
    assert saved.ingevuld_door == scene.kandidaat_user and saved.datum == timezone.localdate()
    m.refresh_from_db()
    assert m.ingevuld_op is not None
    # assessed right away
    assert MonitoringSchema.objects.get(plaatsing=scene.plaatsing).beoordeeld_op is not None

    # opened again the same day: no second form, no second check-in
    again = client.get(checkin_url(scene))
    assert "Je hebt deze check-in al ingevuld op" in again.content.decode()
    client.post(checkin_url(scene), GOOD)
    assert KandidaatCheckIn.objects.count() == 1


def test_orange_checkin_thanks_and_points_to_the_coach_and_the_crisis_card(client, scene):
    client.force_login(scene.kandidaat_user)
    response = client.post(checkin_url(scene), {**GOOD, "energie": "1"})
    html = response.content.decode()
    assert "je jobcoach krijgt een bericht en neemt contact met je op" in html.lower()
    assert "Dat gebeurt binnen 3 dagen." in html
    assert reverse("instruments:detail", args=[scene.kandidaat.pk, "crisiskaart"]) in html
    assert Melding.objects.filter(ontvanger=scene.coach, soort="signaal").count() == 1


@pytest.mark.parametrize(
    ("bad", "value"),
    [("missing", None), ("zero", "0"), ("six", "6"), ("garbage", "abc")],
)
def test_bad_answers_get_a_clear_message_and_the_other_answers_are_kept(client, scene, bad, value):
    client.force_login(scene.kandidaat_user)
    data = {**GOOD, "spanning": "5", "opmerking": "Mijn eigen woorden"}
    if value is None:
        del data["energie"]
    else:
        data["energie"] = value
    response = client.post(checkin_url(scene), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {"energie": [SCORE_ERROR]}
    html = response.content.decode()
    assert SCORE_ERROR in html
    assert re.search(r'name="spanning" value="5"[^>]*checked', html)
    assert "Mijn eigen woorden" in html
    assert not KandidaatCheckIn.objects.exists()


# --- the e-mailed link ---------------------------------------------------------------------


def test_candidate_without_account_fills_in_through_the_link(client, scene):
    m = moment(scene.plaatsing)
    page = client.get(link(m))
    html = page.content.decode()
    assert page.status_code == 200
    assert scene.kandidaat.first_name in html
    # only a first name and the questions: nothing from the dossier
    for secret in (scene.kandidaat.last_name, "Bakkerij", "Lies Leiding", scene.coach.last_name):
        assert secret not in html

    response = client.post(link(m), {**GOOD, "energie": "2"})
    assert response.status_code == 200
    saved = KandidaatCheckIn.objects.get()
    assert saved.via_link and saved.moment == m and saved.ingevuld_door is None
    html = response.content.decode()
    assert "jobcoach krijgt een bericht" in html
    assert "crisiskaart" in html and "/kandidaten/" not in html  # no link into the dossier


def test_link_opened_twice_says_when_it_was_filled_in_and_shows_no_answers(client, scene):
    m = moment(scene.plaatsing)
    client.post(link(m), {**GOOD, "opmerking": "ZQX-geheime-opmerking"})
    filled = timezone.localtime(CheckInMoment.objects.get().ingevuld_op)

    again = client.get(link(m))
    html = again.content.decode()
    assert "Je hebt deze check-in al ingevuld op" in html
    assert f"om {filled:%H:%M}. Dank je wel!" in html
    assert "ZQX-geheime-opmerking" not in html and 'type="radio"' not in html
    client.post(link(m), GOOD)
    assert KandidaatCheckIn.objects.count() == 1


def test_expired_link_explains_until_when_and_what_now(client, scene):
    m = moment(scene.plaatsing, day=-9)
    response = client.get(link(m))
    assert response.status_code == 410
    html = response.content.decode()
    assert "Deze check-in is verlopen" in html
    assert "tot en met" in html
    assert "je krijgt vanzelf een bericht als de volgende check-in klaarstaat" in html.lower()
    client.post(link(m), GOOD)
    assert not KandidaatCheckIn.objects.exists()


@pytest.mark.parametrize(
    "token",
    ["abc", "MTIz:1abc:xyz", "x" * 300, tokens.make(10**9)],
    # fixed ids: a signed token differs per second, and every xdist worker must collect the
    # same test names
    ids=["short", "garbled", "too-long", "unknown-moment"],
)
def test_unknown_or_garbled_link(client, db, token):
    response = client.get(reverse("monitoring:checkin_link", args=[token]))
    assert response.status_code == 404
    assert "Deze link klopt niet" in response.content.decode()


def test_token_of_another_salt_is_refused(client, scene):
    from django.core import signing

    m = moment(scene.plaatsing)
    forged = signing.dumps(m.pk, salt="iets-anders")
    assert client.get(reverse("monitoring:checkin_link", args=[forged])).status_code == 404


@pytest.mark.parametrize("how", ["ended", "closed", "uitval"])
def test_stopped_placement_needs_no_checkin(client, scene, how):
    m = moment(scene.plaatsing)
    if how == "ended":
        scene.plaatsing.ended_on = days(-1)
        scene.plaatsing.save()
    elif how == "closed":
        scene.traject.close("overig", scene.coach, reason="Gestopt")
    else:
        scene.traject.move_to("e", scene.coach, reason="Even niet")
    response = client.get(link(m))
    html = response.content.decode()
    assert "Deze plaatsing is gestopt; een check-in is niet meer nodig" in html
    client.post(link(m), GOOD)
    assert not KandidaatCheckIn.objects.exists()

    client.force_login(scene.kandidaat_user)
    page = client.get(checkin_url(scene))
    assert "Deze plaatsing is gestopt; een check-in is niet meer nodig" in page.content.decode()


# --- the supervisor ------------------------------------------------------------------------


def test_supervisor_checkin_logged_in(client, scene):
    m = moment(scene.plaatsing, voor="leidinggevende")
    url = reverse("monitoring:checkin_leidinggevende", args=[scene.plaatsing.pk])
    client.force_login(scene.lg_user)
    page = client.get(url)
    html = page.content.decode()
    assert "Hoi Lies, hoe gaat het werk?" in html
    assert "Heb je signalen gezien" in html

    bad = client.post(url, {"gaat_goed": "abc", "toelichting": "Komt later binnen"})
    assert bad.context["form"].errors == {
        "gaat_goed": [SCORE_ERROR],
        "signalen_gezien": ["Kies ja of nee."],
    }
    assert "Komt later binnen" in bad.content.decode()

    done = client.post(
        url, {"gaat_goed": "4", "signalen_gezien": "ja", "toelichting": "Komt later binnen"}
    )
    assert "De jobcoach krijgt een bericht en neemt contact met je op" in done.content.decode()
    saved = LeidinggevendeCheckIn.objects.get()
    assert saved.moment == m and saved.signalen_gezien and saved.gaat_goed == 4
    schema = MonitoringSchema.objects.get(plaatsing=scene.plaatsing)
    assert schema.niveau == "oranje"


def test_supervisor_link_without_account(client, scene):
    m = moment(scene.plaatsing, voor="leidinggevende")
    response = client.post(link(m), {"gaat_goed": "5", "signalen_gezien": "nee"})
    assert response.status_code == 200
    saved = LeidinggevendeCheckIn.objects.get()
    assert saved.via_link and saved.ingevuld_door is None
    assert "jobcoach krijgt een bericht" not in response.content.decode()


def test_others_cannot_fill_in_someone_elses_checkin(client, scene, coach):
    url = checkin_url(scene)
    lg_url = reverse("monitoring:checkin_leidinggevende", args=[scene.plaatsing.pk])
    client.force_login(coach)
    assert client.get(url).status_code == 403
    assert client.get(lg_url).status_code == 403
    client.force_login(scene.kandidaat_user)
    assert client.get(lg_url).status_code == 403
    client.force_login(scene.lg_user)
    assert client.get(url).status_code == 403
    # sharing does not change who fills in what
    DeelVersie.objects.create(
        kandidaat=scene.kandidaat, number=1, shared={"leidinggevende": ["checkins"]}
    )
    assert client.get(url).status_code == 403


def test_link_expires_a_week_after_the_planned_day(scene):
    assert not moment(scene.plaatsing, day=-7).is_expired
    assert moment(scene.plaatsing, day=-8).is_expired


# --- on a phone ------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_link_checkin_on_a_375px_phone(page, live_server, coach):
    from playwright.sync_api import expect

    scene = placed_scene(coach)
    m = moment(scene.plaatsing)
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + link(m))
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    for question in (
        "Hoeveel energie had je de afgelopen tijd?",
        "Hoeveel spanning of stress voelde je?",
        "Hoeveel plezier had je in je werk?",
        "Past de hoeveelheid werk bij wat je nu aankunt?",
    ):
        group = page.get_by_role("group", name=question)
        button = group.get_by_label("4", exact=True)
        assert button.bounding_box()["height"] >= 44  # big enough for a thumb
        button.click()
    page.get_by_role("button", name="Versturen").click()
    expect(
        page.get_by_role("heading", name=f"Dank je wel, {scene.kandidaat.first_name}!")
    ).to_be_visible()
    assert KandidaatCheckIn.objects.get().energie == 4
