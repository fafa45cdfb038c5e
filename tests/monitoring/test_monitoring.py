"""The monitoring pages: the traffic light with its reasons and the coach's actions,
the rhythm, who sees the check-in answers, the rules explained, the coach's overview of
signals, the panel on the placement page and the check-in button in the portal."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import OrganisationFactory, UserFactory
from tests.monitoring.test_monitoring_service import checkin, moment, placed_at
from tests.scenes import days
from werkpad.audit.models import AuditEntry
from werkpad.instruments.models import DeelVersie
from werkpad.monitoring.checkins import service
from werkpad.monitoring.models import (
    LeidinggevendeCheckIn,
    MonitoringSchema,
)
from werkpad.trajects.models import Afspraak, Gebeurtenis

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def detail_url(scene) -> str:
    return reverse("monitoring:detail", args=[scene.plaatsing.pk])


def orange(scene):
    """A few check-ins, a missed one, a supervisor check-in; the last one is low."""
    p = scene.plaatsing
    checkin(p, -14, opmerking="ZQX-eerste-week")
    moment(p, -10)
    checkin(p, 0, energie=2, opmerking="ZQX-moe")
    LeidinggevendeCheckIn.objects.create(
        plaatsing=p, datum=days(-1), gaat_goed=4, toelichting="ZQX-leiding"
    )
    service.assess_placement(p)


def share_checkins(scene, party="leidinggevende"):
    DeelVersie.objects.create(kandidaat=scene.kandidaat, number=1, shared={party: ["checkins"]})


def reads(user, detail="monitoring"):
    return AuditEntry.objects.filter(user=user, action="read", detail=detail)


# --- the page -----------------------------------------------------------------------------


def test_coach_sees_the_light_reasons_steps_rhythm_checkins_and_history(client, scene):
    orange(scene)
    client.force_login(scene.coach)
    response = client.get(detail_url(scene))
    assert response.status_code == 200
    html = response.content.decode()
    assert "licht-oranje" in html
    assert "Energie is laag (2 van 5)" in html
    assert "Neem binnen 3 dagen contact op" in html
    assert "Afspraak maken: contact binnen 3 dagen" in html
    driegesprek = reverse("monitoring:driegesprek_new", args=[scene.plaatsing.pk])
    assert driegesprek in html and "Driegesprek plannen" in html
    # the rhythm
    assert "Elke week" in html and "Elke twee weken" in html
    # the check-ins, with the missed one, and the supervisor's
    assert "ZQX-moe" in html and "ZQX-eerste-week" in html
    assert "Gemist" in html
    assert "ZQX-leiding" in html
    # the history of the light
    assert response.context["historie"][0].niveau == "oranje"
    assert reads(scene.coach).count() == 1


def test_intensified_contact_is_explained_on_the_page(client, scene):
    schema = MonitoringSchema.for_plaatsing(scene.plaatsing)
    schema.later_vanaf = days(-1)
    schema.save()
    for day, value in ((-21, 5), (-14, 4), (-7, 3), (0, 2)):
        checkin(scene.plaatsing, day, plezier=value)
    service.assess_placement(scene.plaatsing)
    client.force_login(scene.coach)
    html = client.get(detail_url(scene)).content.decode()
    assert "Vaker contact: elke week in plaats van elke twee weken, omdat de lijn daalt." in html


def test_candidate_sees_their_own_page_without_coach_actions_and_no_read_logged(client, scene):
    orange(scene)
    client.force_login(scene.kandidaat_user)
    html = client.get(detail_url(scene)).content.decode()
    assert "Energie is laag (2 van 5)" in html and "ZQX-moe" in html
    assert "Afspraak maken" not in html
    assert reverse("monitoring:checkin", args=[scene.plaatsing.pk]) in html
    assert not reads(scene.kandidaat_user).exists()


def test_supervisor_sees_answers_only_when_checkins_are_shared(client, scene):
    orange(scene)
    client.force_login(scene.lg_user)
    html = client.get(detail_url(scene)).content.decode()
    assert "deelt de check-ins en het stoplicht niet met jou" in html
    assert "ZQX" not in html and "Energie is laag" not in html
    own = reverse("monitoring:checkin_leidinggevende", args=[scene.plaatsing.pk])
    assert own in html
    assert not reads(scene.lg_user).exists()

    share_checkins(scene)
    client.force_login(scene.lg_user)
    html = client.get(detail_url(scene)).content.decode()
    assert "ZQX-moe" in html and "Energie is laag (2 van 5)" in html
    assert "Afspraak maken" not in html
    assert reads(scene.lg_user).count() == 1


def test_hr_without_sharing_sees_neither_answers_nor_a_checkin_link(client, scene):
    orange(scene)
    client.force_login(scene.hr_user)
    html = client.get(detail_url(scene)).content.decode()
    assert "deelt de check-ins en het stoplicht niet met jou" in html
    assert "check-in-leidinggevende" not in html and "ZQX" not in html


def test_outsiders_get_404_and_the_wrong_role_403(client, scene):
    stranger = UserFactory(role="trajectbegeleider", organisation=OrganisationFactory())
    client.force_login(stranger)
    pk = scene.plaatsing.pk
    for name in ("detail", "checkin", "checkin_leidinggevende", "schema_edit"):
        assert client.get(reverse(f"monitoring:{name}", args=[pk])).status_code == 404, name
    assert client.post(reverse("monitoring:contact_afspraak", args=[pk])).status_code == 404
    assert client.get(reverse("monitoring:detail", args=[999999])).status_code == 404
    assert client.get("/monitoring/plaatsing/abc/").status_code == 404

    client.force_login(scene.kandidaat_user)
    assert client.get(reverse("monitoring:schema_edit", args=[pk])).status_code == 403
    assert client.post(reverse("monitoring:contact_afspraak", args=[pk])).status_code == 403
    client.force_login(scene.lg_user)
    assert client.get(reverse("monitoring:schema_edit", args=[pk])).status_code == 403
    assert client.get(reverse("monitoring:signalen")).status_code == 403


def test_not_logged_in_goes_to_the_login_page(client, scene):
    response = client.get(detail_url(scene))
    assert response.status_code == 302 and "/account/" in response["Location"]


# --- the coach's actions ---------------------------------------------------------------------


def test_afspraak_maken_creates_one_agreement_for_the_coach_on_the_timeline(client, scene):
    orange(scene)
    client.force_login(scene.coach)
    url = reverse("monitoring:contact_afspraak", args=[scene.plaatsing.pk])
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == detail_url(scene)
    afspraak = Afspraak.objects.get()
    assert afspraak.who.user == scene.coach and afspraak.who.party == "begeleiding"
    assert afspraak.due_date == days(3)
    assert afspraak.what == f"Contact opnemen met {scene.kandidaat.first_name} over de check-ins"
    assert "laag" not in afspraak.what  # no health data in the agreement others may see
    assert Gebeurtenis.objects.filter(kind="afspraak", afspraak=afspraak).count() == 1

    client.post(url)
    assert Afspraak.objects.count() == 1
    assert client.get(url).status_code == 405


def test_afspraak_maken_on_a_green_light_makes_nothing(client, scene):
    checkin(scene.plaatsing, 0)
    service.assess_placement(scene.plaatsing)
    client.force_login(scene.coach)
    response = client.post(
        reverse("monitoring:contact_afspraak", args=[scene.plaatsing.pk]), follow=True
    )
    assert "Er is nu geen contact nodig" in response.content.decode()
    assert not Afspraak.objects.exists()


def test_rhythm_form_saves_and_keeps_bad_input(client, scene):
    client.force_login(scene.coach)
    url = reverse("monitoring:schema_edit", args=[scene.plaatsing.pk])
    assert client.get(url).status_code == 200
    data = {
        "interval_days": "7",
        "later_vanaf": days(20).isoformat(),
        "later_interval_days": "28",
        "leidinggevende_interval_days": "14",
        "next_checkin": days(-1).isoformat(),
        "next_leidinggevende": "abc",
    }
    bad = client.post(url, data)
    errors = bad.context["form"].errors
    assert errors["next_checkin"] == ["Kies vandaag of een latere datum."]
    assert errors["next_leidinggevende"] == ["Vul een geldige datum in."]
    assert 'value="abc"' in bad.content.decode()

    data |= {"next_checkin": days(2).isoformat(), "next_leidinggevende": days(5).isoformat()}
    assert client.post(url, data).status_code == 302
    schema = MonitoringSchema.objects.get(plaatsing=scene.plaatsing)
    assert (schema.later_interval_days, schema.next_checkin) == (28, days(2))
    assert schema.updated_by == scene.coach

    data["interval_days"] = "5"
    assert client.post(url, data).context["form"].errors["interval_days"] == [
        "Kies een ritme uit de lijst."
    ]


# --- the rules explained, the overview ---------------------------------------------------------


def test_rules_page_explains_every_rule_for_everyone(client, scene):
    client.force_login(scene.kandidaat_user)
    html = client.get(reverse("monitoring:regels")).content.decode()
    for rule in ("Een laag antwoord", "Dalende lijn", "Check-in gemist", "Eigen signaal genoemd"):
        assert rule in html
    assert "halveert de tijd tussen twee contacten" in html
    assert "Hoeveel energie had je de afgelopen tijd?" in html


def test_signalen_overview_red_first_with_reason_and_dates(client, coach):
    groen, oranje_, rood = (placed_at(coach, f"Werkgever {i}") for i in range(3))
    checkin(groen.plaatsing, -2)
    checkin(oranje_.plaatsing, -1, energie=2)
    checkin(rood.plaatsing, -3, energie=1, plezier=1, belasting=1)
    other = placed_at(UserFactory(role="trajectbegeleider"), "Elders")
    checkin(other.plaatsing, 0, energie=1)
    service.assess_all(TODAY)

    client.force_login(coach)
    response = client.get(reverse("monitoring:signalen"))
    rows = list(response.context["page"].object_list)
    assert [p.pk for p in rows] == [rood.plaatsing.pk, oranje_.plaatsing.pk, groen.plaatsing.pk]
    html = response.content.decode()
    assert "Drie antwoorden tegelijk zorgelijk" in html
    assert rows[0].laatste_checkin == days(-3)
    assert str(other.kandidaat) not in html
    assert reads(coach, "signalen").count() == 3

    lead = UserFactory(role="teamleider", organisation=coach.organisation)
    client.force_login(lead)
    assert len(client.get(reverse("monitoring:signalen")).context["page"].object_list) == 3
    client.force_login(groen.kandidaat_user)
    assert client.get(reverse("monitoring:signalen")).status_code == 403


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def test_query_counts_do_not_grow_with_the_data(client, coach):
    first = placed_at(coach, "Werkgever 0")
    checkin(first.plaatsing, 0, energie=2)
    service.assess_placement(first.plaatsing)
    client.force_login(coach)
    urls = {
        "detail": detail_url(first),
        "signalen": reverse("monitoring:signalen"),
        "plaatsing": reverse("placements:detail", args=[first.plaatsing.pk]),
    }
    client.get(urls["detail"])  # the schema is made on first use
    small = {name: count_queries(client, url) for name, url in urls.items()}

    for day in range(-60, 0, 5):
        checkin(first.plaatsing, day, energie=2 + (day % 3))
        moment(first.plaatsing, day - 2)
        LeidinggevendeCheckIn.objects.create(plaatsing=first.plaatsing, datum=days(day))
        service.assess_placement(first.plaatsing)
    for i in range(1, 5):
        s = placed_at(coach, f"Werkgever {i}")
        checkin(s.plaatsing, 0, energie=1 + i % 3)
    service.assess_all(TODAY)
    large = {name: count_queries(client, url) for name, url in urls.items()}
    assert large == small


# --- the placement page and the portal --------------------------------------------------------


def test_placement_panel_shows_light_and_checkin_button(client, scene):
    orange(scene)
    url = reverse("placements:detail", args=[scene.plaatsing.pk])
    client.force_login(scene.coach)
    html = client.get(url).content.decode()
    assert 'id="monitoring-panel"' in html and "Energie is laag (2 van 5)" in html
    assert "Monitoring bekijken" in html and "Check-in invullen" not in html
    assert reads(scene.coach, "stoplicht").count() == 1

    moment(scene.plaatsing, 0)
    client.force_login(scene.kandidaat_user)
    html = client.get(url).content.decode()
    assert reverse("monitoring:checkin", args=[scene.plaatsing.pk]) in html
    assert "staat klaar" in html

    client.force_login(scene.lg_user)
    html = client.get(url).content.decode()
    assert reverse("monitoring:checkin_leidinggevende", args=[scene.plaatsing.pk]) in html
    assert "Energie is laag" not in html
    assert "De kandidaat deelt de check-ins niet met jou." in html


def test_portal_shows_the_checkin_button_and_highlights_an_open_checkin(client, scene):
    client.force_login(scene.kandidaat_user)
    url = reverse("portal:home")
    html = client.get(url).content.decode()
    checkin_url = reverse("monitoring:checkin", args=[scene.plaatsing.pk])
    assert checkin_url in html and "Check-in invullen" in html
    assert "Er staat een check-in voor je klaar" not in html

    moment(scene.plaatsing, 0)
    html = client.get(url).content.decode()
    assert "Er staat een check-in voor je klaar" in html

    scene.plaatsing.ended_on = days(-1)
    scene.plaatsing.save()
    assert checkin_url not in client.get(url).content.decode()
