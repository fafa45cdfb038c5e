"""Three-party meetings (driegesprekken, note 56): planning with a proposed agenda, the .ics
invitation and its SEQUENCE, cancelling, the minutes with agreements, mailing the invitation
once per version, who may do what, and constant query counts."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail as django_mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from icalendar import Calendar

from tests.factories import TrajectFactory, UserFactory
from tests.scenes import add_steps, days, placed_scene
from werkpad.instruments.models import DeelVersie
from werkpad.monitoring.meetings import service as driegesprek
from werkpad.monitoring.models import Driegesprek, MonitoringSchema, Ontwikkelstap
from werkpad.notifications.models import Bericht
from werkpad.route.models import Party
from werkpad.trajects.models import Afspraak, Gebeurtenis, TrajectMilestone

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
PAST_ERROR = "Dit moment is al voorbij"


def new_url(scene) -> str:
    return reverse("monitoring:driegesprek_new", args=[scene.plaatsing.pk])


def url(name: str, gesprek: Driegesprek) -> str:
    return reverse(f"monitoring:driegesprek_{name}", args=[gesprek.pk])


def form(**changes) -> dict:
    data = {
        "datum": days(10).isoformat(),
        "tijd": "10:30",
        "duur_minuten": "45",
        "locatie": "Kantine, eerste verdieping",
        "agenda": "Hoe gaat het?\nRooster voor de feestdagen",
    }
    data.update(changes)
    return data


def plan(scene, start=None, **fields) -> Driegesprek:
    start = start or datetime.datetime.combine(days(10), datetime.time(10, 30), tzinfo=AMS)
    values = {
        "begint_om": start,
        "duur_minuten": 45,
        "locatie": "Winkel",
        "agenda": ["Hoe gaat het?", "Rooster"],
    }
    values.update(fields)
    return driegesprek.plan_meeting(scene.plaatsing, scene.coach, **values)


def held(scene, hours_ago: int = 2) -> Driegesprek:
    start = timezone.now() - datetime.timedelta(hours=hours_ago)
    return Driegesprek.objects.create(
        plaatsing=scene.plaatsing, begint_om=start, created_by=scene.coach, agenda=["Hoe gaat het?"]
    )


def parse(response) -> Calendar:
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def get(client, user, target):
    client.force_login(user)
    return client.get(target)


def prefilled_agenda(client, scene) -> str:
    response = get(client, scene.coach, new_url(scene))
    assert response.status_code == 200
    return response.context["form"].initial["agenda"]


# --- planning and the .ics -------------------------------------------------------------------


def test_coach_plans_a_meeting_and_the_ics_parses_back(client, scene):
    client.force_login(scene.coach)
    page = client.get(new_url(scene))
    assert page.status_code == 200
    assert page.context["form"].initial["locatie"] == "Winkel, Utrecht"

    response = client.post(new_url(scene), form())
    gesprek = Driegesprek.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("detail", gesprek)
    assert gesprek.begint_om == datetime.datetime.combine(
        days(10), datetime.time(10, 30), tzinfo=AMS
    )
    assert gesprek.agenda == ["Hoe gaat het?", "Rooster voor de feestdagen"]
    assert gesprek.volgnummer == 0

    response = client.get(url("ics", gesprek))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    # the file name spells the first name in plain letters (Fabiënne -> fabienne)
    assert f"driegesprek-{slugify(scene.kandidaat.first_name)}" in response["Content-Disposition"]
    calendar = parse(response)
    assert calendar["METHOD"] == "REQUEST"
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Amsterdam"]
    event = calendar.events[0]
    assert str(event["UID"]) == f"{gesprek.uid}@werkpad"
    assert event.start == datetime.datetime.combine(days(10), datetime.time(10, 30), tzinfo=AMS)
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert event["DTEND"].params["TZID"] == "Europe/Amsterdam"
    assert event.end - event.start == datetime.timedelta(minutes=45)
    assert event.stamp is not None
    assert event.sequence == 0
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["SUMMARY"]) == f"Driegesprek {scene.kandidaat.first_name}"
    assert str(event["LOCATION"]) == "Kantine, eerste verdieping"
    assert "Rooster voor de feestdagen" in str(event["DESCRIPTION"])
    assert event.organizer.email == scene.coach.email
    assert {a.email for a in event.attendees} == {
        scene.kandidaat.email,
        scene.lg_user.email,
        scene.coach.email,
    }


def test_an_edit_bumps_the_sequence_and_saving_unchanged_does_not(client, scene):
    gesprek = plan(scene)
    client.force_login(scene.coach)
    response = client.get(url("edit", gesprek))
    assert response.context["form"]["tijd"].value().strftime("%H:%M") == "10:30"

    response = client.post(url("edit", gesprek), form(tijd="14:00", agenda="Hoe gaat het?"))
    assert response.status_code == 302
    gesprek.refresh_from_db()
    assert gesprek.volgnummer == 1
    event = parse(client.get(url("ics", gesprek))).events[0]
    assert event.sequence == 1
    assert event.start.astimezone(AMS).time() == datetime.time(14, 0)

    response = client.post(url("edit", gesprek), form(tijd="14:00", agenda="Hoe gaat het?"))
    gesprek.refresh_from_db()
    assert gesprek.volgnummer == 1
    assert "Er is niets veranderd." in client.get(response["Location"]).content.decode()


def test_cancelling_gives_method_cancel_and_a_new_sequence(client, scene):
    gesprek = plan(scene)
    client.force_login(scene.coach)
    assert client.get(url("cancel", gesprek)).status_code == 405
    response = client.post(url("cancel", gesprek))
    assert response.status_code == 302
    gesprek.refresh_from_db()
    assert gesprek.status == Driegesprek.Status.AFGEZEGD
    assert gesprek.volgnummer == 1
    calendar = parse(client.get(url("ics", gesprek)))
    assert calendar["METHOD"] == "CANCEL"
    event = calendar.events[0]
    assert str(event["STATUS"]) == "CANCELLED"
    assert event.sequence == 1
    assert str(event["UID"]) == f"{gesprek.uid}@werkpad"
    # a cancelled meeting is not changed or cancelled again
    assert client.get(url("edit", gesprek)).status_code == 302
    client.post(url("cancel", gesprek))
    gesprek.refresh_from_db()
    assert gesprek.volgnummer == 1


# --- bad input ---------------------------------------------------------------------------------


def test_a_meeting_in_the_past_is_refused_with_a_dutch_message_and_input_kept(client, scene):
    client.force_login(scene.coach)
    response = client.post(new_url(scene), form(datum=days(-1).isoformat()))
    assert response.status_code == 200
    assert PAST_ERROR in " ".join(response.context["form"].errors["datum"])
    html = response.content.decode()
    assert "Kantine, eerste verdieping" in html and "Rooster voor de feestdagen" in html
    assert days(-1).isoformat() in html
    # earlier today: the message is at the time
    response = client.post(new_url(scene), form(datum=days(0).isoformat(), tijd="00:00"))
    assert PAST_ERROR in " ".join(response.context["form"].errors["tijd"])
    assert not Driegesprek.objects.exists()


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"tijd": "abc"}, "tijd", "Vul een tijd in, bijvoorbeeld 10:30."),
        ({"tijd": ""}, "tijd", "Kies hoe laat het driegesprek begint."),
        ({"datum": "abc"}, "datum", "Vul een datum in"),
        ({"datum": "2027-02-31"}, "datum", "Vul een datum in"),
        ({"duur_minuten": "5"}, "duur_minuten", "minstens 15 minuten"),
        ({"duur_minuten": "999"}, "duur_minuten", "hoogstens 4 uur"),
        ({"duur_minuten": "abc"}, "duur_minuten", "als getal"),
        ({"locatie": "x" * 301}, "locatie", "korter dan 300 tekens"),
        ({"agenda": "y" * 301}, "agenda", "te lang"),
        ({"datum": days(400).isoformat()}, "datum", "hooguit een jaar vooruit"),
    ],
)
def test_garbage_input_gives_a_message_at_the_field_never_a_500(
    client, scene, changes, field, message
):
    client.force_login(scene.coach)
    response = client.post(new_url(scene), form(**changes))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert "Kantine, eerste verdieping" in response.content.decode() or field == "locatie"
    gesprek = plan(scene)
    response = client.post(url("edit", gesprek), form(**changes))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    gesprek.refresh_from_db()
    assert gesprek.volgnummer == 0


def test_missing_ids_give_404(client, scene):
    client.force_login(scene.coach)
    assert client.get(reverse("monitoring:driegesprek_detail", args=[999999])).status_code == 404
    assert client.get(reverse("monitoring:driegesprek_new", args=[999999])).status_code == 404
    assert client.post(reverse("monitoring:driegesprek_mail", args=[999999])).status_code == 404


# --- the proposed agenda ------------------------------------------------------------------------


def _signals_and_items(scene):
    traject = scene.traject
    kandidaat_b = traject.betrokkenen.get(party=Party.KANDIDAAT)
    Afspraak.objects.create(traject=traject, what="CV bijwerken", who=kandidaat_b, due_date=days(5))
    Afspraak.objects.create(
        traject=traject,
        what="Oud en klaar",
        who=kandidaat_b,
        due_date=days(5),
        status=Afspraak.Status.NAGEKOMEN,
    )
    zorg = traject.add_betrokkene(Party.HULPVERLENING, scene.coach, name="Dokter Zorg")
    Afspraak.objects.create(traject=traject, what="Medicatie bespreken", who=zorg, due_date=days(5))
    milestone = TrajectMilestone.objects.filter(
        traject=traject, route_milestone__party=Party.LEIDINGGEVENDE, route_milestone__phase="c"
    ).last()
    milestone.status = TrajectMilestone.Status.BEZIG
    milestone.save()
    Ontwikkelstap.objects.create(
        plaatsing=scene.plaatsing, doel="Zelf de kassa opmaken", status="bezig"
    )
    Ontwikkelstap.objects.create(plaatsing=scene.plaatsing, doel="Al gehaald", status="gehaald")
    add_steps(scene.plaatsing, 6)
    schema = MonitoringSchema.for_plaatsing(scene.plaatsing)
    schema.niveau = "oranje"
    schema.redenen = ["Energie is laag (2 van 5)"]
    schema.save()
    return milestone


def test_agenda_is_prefilled_and_neutral_when_checkins_are_not_shared(client, scene):
    milestone = _signals_and_items(scene)
    agenda = prefilled_agenda(client, scene)
    assert "Afspraak: CV bijwerken" in agenda
    assert "Oud en klaar" not in agenda
    assert "Medicatie" not in agenda  # agreements with the care team stay out
    assert f"Mijlpaal: {milestone.route_milestone.title}" in agenda
    assert agenda.index(milestone.route_milestone.title) < agenda.index("CV bijwerken")
    assert "Ontwikkelstap: Zelf de kassa opmaken" in agenda and "Al gehaald" not in agenda
    assert "Opbouw van de uren: nu " in agenda and "doel 20 uur per week" in agenda
    assert "Hoe gaat het met het werk? (uit de check-ins)" in agenda
    assert "Energie is laag" not in agenda

    # shared with the supervisor only: HR (party werkgever, with an account) sees it too
    DeelVersie.objects.create(
        kandidaat=scene.kandidaat, number=1, shared={"leidinggevende": ["checkins"]}
    )
    agenda = prefilled_agenda(client, scene)
    assert "Energie is laag" not in agenda

    DeelVersie.objects.create(
        kandidaat=scene.kandidaat,
        number=2,
        shared={"leidinggevende": ["checkins"], "werkgever": ["checkins"]},
    )
    agenda = prefilled_agenda(client, scene)
    assert "Uit de check-ins: Energie is laag (2 van 5)" in agenda
    assert "(uit de check-ins)" not in agenda


def test_agenda_without_signals_or_plans_stays_short_and_says_so(client, scene):
    agenda = prefilled_agenda(client, scene).splitlines()
    assert agenda[0] == "Hoe gaat het? Wat gaat goed in het werk?"
    assert "Opbouw van de uren: nog niet gepland (doel 20 uur per week)" in agenda
    assert not any("check-ins" in line for line in agenda)
    assert len([line for line in agenda if line.startswith("Mijlpaal")]) <= 6


# --- minutes -------------------------------------------------------------------------------------


def verslag_data(scene, **row) -> dict:
    lg_b = scene.traject.betrokkenen.get(party=Party.LEIDINGGEVENDE)
    first = {"wat": "Rooster voor december maken", "wie": lg_b.pk, "uiterlijk_op": days(14)}
    first.update(row)
    data = {
        "verslag": "Het gaat goed. Lies en Bram maken het rooster samen.",
        "afspraak-TOTAL_FORMS": "3",
        "afspraak-INITIAL_FORMS": "0",
        "afspraak-MIN_NUM_FORMS": "0",
        "afspraak-MAX_NUM_FORMS": "20",
    }
    for key, value in first.items():
        data[f"afspraak-0-{key}"] = value
    return data


def test_minutes_create_agreements_that_show_on_the_traject_page(client, scene):
    gesprek = held(scene)
    client.force_login(scene.coach)
    response = client.post(url("verslag", gesprek), verslag_data(scene))
    assert response.status_code == 302
    gesprek.refresh_from_db()
    assert gesprek.status == Driegesprek.Status.GEHOUDEN
    assert gesprek.verslag.startswith("Het gaat goed.")
    afspraak = gesprek.afspraken.get()
    assert afspraak.what == "Rooster voor december maken"
    assert afspraak.who.user == scene.lg_user
    assert afspraak.status == Afspraak.Status.OPEN and afspraak.created_by == scene.coach
    assert Gebeurtenis.objects.filter(kind="afspraak", afspraak=afspraak).exists()

    traject_url = reverse("trajects:detail", args=[scene.traject.pk])
    assert "Rooster voor december maken" in get(client, scene.coach, traject_url).content.decode()
    # the supervisor sees their own agreement on the traject page, and the minutes
    assert "Rooster voor december maken" in get(client, scene.lg_user, traject_url).content.decode()
    html = get(client, scene.lg_user, url("detail", gesprek)).content.decode()
    assert "Lies en Bram maken het rooster samen" in html
    assert "Rooster voor december maken" in html


def test_minutes_with_a_bad_agreement_keep_what_was_typed(client, scene):
    gesprek = held(scene)
    foreign = TrajectFactory(coach=scene.coach).betrokkenen.get(party=Party.KANDIDAAT)
    client.force_login(scene.coach)
    for row, message in [
        ({"uiterlijk_op": days(-1).isoformat()}, "Kies een datum van vandaag of later."),
        ({"uiterlijk_op": "abc"}, "Vul een datum in"),
        ({"wie": foreign.pk}, "Kies iemand uit de lijst."),
        ({"wie": "abc"}, "Kies iemand uit de lijst."),
        ({"wat": ""}, "Vul in wat er is afgesproken."),
    ]:
        response = client.post(url("verslag", gesprek), verslag_data(scene, **row))
        assert response.status_code == 200
        html = response.content.decode()
        assert message in html
        assert "Lies en Bram maken het rooster samen" in html
    gesprek.refresh_from_db()
    assert gesprek.status == Driegesprek.Status.GEPLAND and not gesprek.verslag
    assert not Afspraak.objects.exists()


def test_minutes_for_a_meeting_still_to_come_are_refused_clearly(client, scene):
    gesprek = plan(scene)
    client.force_login(scene.coach)
    response = client.get(url("verslag", gesprek))
    assert response.status_code == 200
    assert "Dit driegesprek is nog niet geweest" in response.content.decode()
    response = client.post(url("verslag", gesprek), verslag_data(scene))
    assert response.status_code == 200
    gesprek.refresh_from_db()
    assert gesprek.status == Driegesprek.Status.GEPLAND and not gesprek.verslag
    assert not Afspraak.objects.exists()


# --- who may do what ----------------------------------------------------------------------------


def test_supervisor_and_candidate_view_the_meeting_but_cannot_change_it(client, scene):
    gesprek = plan(scene)
    for user in (scene.lg_user, scene.kandidaat_user):
        client.force_login(user)
        html = client.get(url("detail", gesprek)).content.decode()
        assert "Rooster" in html and "Winkel" in html
        assert url("edit", gesprek) not in html
        assert parse(client.get(url("ics", gesprek))).events[0].sequence == 0
        assert client.get(url("edit", gesprek)).status_code == 403
        assert client.post(url("edit", gesprek), form()).status_code == 403
        assert client.post(url("cancel", gesprek)).status_code == 403
        assert client.post(url("mail", gesprek)).status_code == 403
        assert client.get(url("verslag", gesprek)).status_code == 403
        assert client.get(new_url(scene)).status_code == 403
    gesprek.refresh_from_db()
    assert gesprek.status == Driegesprek.Status.GEPLAND and gesprek.volgnummer == 0


def test_an_outsider_gets_404(client, scene, organisation):
    gesprek = plan(scene)
    outsider = UserFactory(role="trajectbegeleider", organisation=organisation)
    other_boss = UserFactory(role="leidinggevende", organisation=scene.werkgever.organisation)
    for user in (outsider, other_boss):
        client.force_login(user)
        for name in ("detail", "ics", "edit", "verslag"):
            assert client.get(url(name, gesprek)).status_code == 404, name
        assert client.post(url("mail", gesprek)).status_code == 404
        assert client.post(url("cancel", gesprek)).status_code == 404
        assert client.get(new_url(scene)).status_code == 404


def test_reading_a_meeting_is_logged_for_the_candidate(client, scene):
    from werkpad.audit.models import AuditEntry

    gesprek = plan(scene)
    get(client, scene.lg_user, url("detail", gesprek))
    entry = AuditEntry.objects.filter(action="read", detail="driegesprek").get()
    assert entry.user == scene.lg_user and entry.kandidaat_id == scene.kandidaat.pk


# --- the panel on the placement page --------------------------------------------------------


def test_panel_shows_next_meeting_past_ones_and_the_button_for_the_coach(client, scene):
    placement_url = reverse("placements:detail", args=[scene.plaatsing.pk])
    html = get(client, scene.coach, placement_url).content.decode()
    assert "Er staat geen driegesprek gepland." in html
    assert new_url(scene) in html

    earlier = held(scene, hours_ago=24 * 14)
    driegesprek.save_minutes(earlier, scene.coach, "Goed gesprek", [])
    coming = plan(scene)
    html = get(client, scene.coach, placement_url).content.decode()
    assert url("ics", coming) in html
    assert url("detail", earlier) in html
    assert "Er staat geen driegesprek gepland." not in html

    html = get(client, scene.lg_user, placement_url).content.decode()
    assert url("ics", coming) in html and url("detail", earlier) in html
    assert new_url(scene) not in html


# --- mailing the invitation -----------------------------------------------------------------------


# transaction=True: the worker runs the queued e-mails. No serialized_rollback: that flushes the
# database without the catalogues after the test, and the next test would find them gone.
@pytest.mark.django_db(transaction=True)
def test_mail_sends_the_invitation_once_per_version_without_the_agenda(client, coach):
    from werkpad.notifications.worker import run_ready_tasks

    scene = placed_scene(coach)
    gesprek = plan(scene, agenda=["Zeer-persoonlijk-agendapunt"])
    client.force_login(scene.coach)
    response = client.post(url("mail", gesprek), follow=True)
    html = response.content.decode()
    assert "De uitnodiging is verstuurd naar:" in html
    assert scene.kandidaat.full_name in html and "Lies Leiding" in html
    berichten = Bericht.objects.filter(sleutel__startswith=f"driegesprek:{gesprek.pk}:")
    assert sorted(berichten.values_list("aan", flat=True)) == sorted(
        [scene.kandidaat.email, scene.lg_user.email, scene.coach.email]
    )
    assert run_ready_tasks() == 3
    assert len(django_mail.outbox) == 3
    message = django_mail.outbox[0]
    assert "Zeer-persoonlijk" not in message.body
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    content = content.decode() if isinstance(content, bytes) else content
    assert "Zeer-persoonlijk" not in content
    event = Calendar.from_ical(content).events[0]
    assert "Agenda: zie Werkpad" in str(event["DESCRIPTION"])
    assert url("detail", gesprek) in str(event["DESCRIPTION"])
    assert event.sequence == 0

    # the same version again: nothing new
    html = client.post(url("mail", gesprek), follow=True).content.decode()
    assert "Deze versie was al verstuurd naar:" in html
    assert berichten.count() == 3
    assert run_ready_tasks() == 0

    # a changed meeting goes out once more, with the new SEQUENCE
    driegesprek.change_meeting(
        gesprek,
        begint_om=gesprek.begint_om + datetime.timedelta(hours=1),
        duur_minuten=45,
        locatie="Winkel",
        agenda=gesprek.agenda,
    )
    client.post(url("mail", gesprek))
    assert berichten.count() == 6
    run_ready_tasks()
    assert len(django_mail.outbox) == 6
    last = django_mail.outbox[-1].attachments[0][1]
    last = last.decode() if isinstance(last, bytes) else last
    assert Calendar.from_ical(last).events[0].sequence == 1


def test_mail_tells_who_has_no_address(client, scene):
    scene.lg.user = None
    scene.lg.email = ""
    scene.lg.save()
    gesprek = plan(scene)
    client.force_login(scene.coach)
    html = client.post(url("mail", gesprek), follow=True).content.decode()
    assert "Geen e-mailadres bekend van: Lies Leiding" in html
    assert Bericht.objects.count() == 2
    assert "geen e-mailadres bekend" in html


def test_no_invitation_for_a_meeting_that_is_over(client, scene):
    gesprek = held(scene)
    client.force_login(scene.coach)
    html = client.post(url("mail", gesprek), follow=True).content.decode()
    assert "al begonnen of voorbij" in html
    assert not Bericht.objects.exists()


# --- query counts ---------------------------------------------------------------------------


def count_queries(client, target) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(target)
    assert response.status_code == 200, target
    return len(ctx.captured_queries)


def measure(client, scene, targets) -> dict:
    """Queries per page; each page is opened once first (the first visit of a placement may
    set up its monitoring schedule)."""
    counts = {}
    for user in (scene.coach, scene.lg_user):
        client.force_login(user)
        for target in targets.values():
            client.get(target)
    client.force_login(scene.coach)
    for name, target in targets.items():
        counts[name] = count_queries(client, target)
    client.force_login(scene.lg_user)
    for name in ("placement", "detail"):
        counts[f"lg-{name}"] = count_queries(client, targets[name])
    return counts


def test_query_counts_do_not_grow_with_meetings_and_agreements(client, scene):
    def grow(n):
        for i in range(n):
            past = held(scene, hours_ago=24 * (30 + i))
            driegesprek.save_minutes(
                past,
                scene.coach,
                "ok",
                [
                    {
                        "wat": f"afspraak {i}",
                        "wie": scene.traject.betrokkenen.get(party=Party.KANDIDAAT),
                        "uiterlijk_op": days(3),
                    }
                ],
            )
            plan(scene, start=timezone.now() + datetime.timedelta(days=20 + i))

    grow(1)
    first = Driegesprek.objects.order_by("pk").first()
    targets = {
        "placement": reverse("placements:detail", args=[scene.plaatsing.pk]),
        "detail": url("detail", first),
        "verslag": url("verslag", first),
        "new": new_url(scene),
    }
    small = measure(client, scene, targets)
    grow(8)
    add_steps(scene.plaatsing, 8)
    for i in range(6):
        driegesprek.save_minutes(
            first,
            scene.coach,
            "ok",
            [
                {
                    "wat": f"extra {i}",
                    "wie": scene.traject.betrokkenen.get(party=Party.LEIDINGGEVENDE),
                    "uiterlijk_op": days(3),
                }
            ],
        )
    assert measure(client, scene, targets) == small
