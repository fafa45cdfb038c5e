"""The monitoring service: own signals, the assessment of one placement and of all
placements at once, the alerts to the coach, planning check-ins with their reminders, and the
daily round through the worker."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from tests.scenes import days, make_scene, place, placed_scene
from werkpad.instruments.models import InstrumentVersie
from werkpad.monitoring.checkins import service, tokens
from werkpad.monitoring.models import (
    Beoordeling,
    CheckInMoment,
    KandidaatCheckIn,
    LeidinggevendeCheckIn,
    MonitoringSchema,
)
from werkpad.notifications.models import Bericht, Melding

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def placed_at(coach, employer_name: str):
    """Like `placed_scene`, at an employer of its own name (more placements in one test)."""
    scene = make_scene(coach, employer_name=employer_name)
    user = UserFactory(role="kandidaat", email=scene.kandidaat.email)
    scene.kandidaat.user = user
    scene.kandidaat.save()
    scene.traject.betrokkenen.filter(party="kandidaat").update(user=user)
    scene.traject.__dict__.pop("_relations", None)
    scene.kandidaat_user = user
    scene.plaatsing = place(scene)
    return scene


def checkin(plaatsing, day, energie=4, spanning=2, plezier=4, belasting=4, opmerking="", **kw):
    return KandidaatCheckIn.objects.create(
        plaatsing=plaatsing,
        datum=days(day),
        energie=energie,
        spanning=spanning,
        plezier=plezier,
        belasting=belasting,
        opmerking=opmerking,
        **kw,
    )


def moment(plaatsing, day, voor="kandidaat", filled=False):
    return CheckInMoment.objects.create(
        plaatsing=plaatsing,
        voor=voor,
        datum=days(day),
        open_tot=CheckInMoment.closes_at(days(day)),
        ingevuld_op=timezone.now() if filled else None,
    )


def signaal_meldingen():
    return Melding.objects.filter(soort=Melding.Soort.SIGNAAL)


# --- own signals -------------------------------------------------------------------------


def test_own_signals_come_from_the_newest_limits_and_are_split_into_phrases(scene):
    kandidaat = scene.kandidaat
    InstrumentVersie.objects.create(
        kandidaat=kandidaat, kind="grenzen", number=1, data={"signalen": "oud signaal"}
    )
    InstrumentVersie.objects.create(
        kandidaat=kandidaat,
        kind="grenzen",
        number=2,
        data={
            "grenzen": "Niet te lang klantcontact",
            "signalen": "Ik word stil, vergeet dingen; slecht slapen\n- hoofdpijn\n• Slecht slapen",
        },
    )
    assert service.eigen_signalen(kandidaat) == [
        "Ik word stil",
        "vergeet dingen",
        "slecht slapen",
        "hoofdpijn",
    ]


def test_own_signal_in_a_remark_turns_orange_even_when_nothing_is_shared(scene):
    InstrumentVersie.objects.create(
        kandidaat=scene.kandidaat, kind="grenzen", number=1, data={"signalen": "slecht slapen"}
    )
    checkin(scene.plaatsing, 0, opmerking="Ik ga weer Slecht slapen sinds maandag")
    assessment = service.assess_placement(scene.plaatsing)
    assert assessment.level == "oranje"
    assert "Signaal uit je eigen lijst genoemd: 'slecht slapen'" in assessment.reasons


# --- one placement: the light, its history and the alert -------------------------------------


def test_orange_checkin_alerts_the_coach_once_and_recomputing_does_not_alert_again(scene):
    plaatsing = scene.plaatsing
    checkin(plaatsing, -14)
    checkin(plaatsing, -7)
    checkin(plaatsing, 0, energie=2)

    assessment = service.assess_placement(plaatsing)
    assert assessment.level == "oranje"
    melding = signaal_meldingen().get()
    name = str(scene.kandidaat)
    assert melding.ontvanger == scene.coach
    assert melding.titel == f"Oranje signaal: {name}"
    assert melding.niveau == "oranje"
    assert "Energie is laag (2 van 5)" in melding.tekst
    assert "Neem binnen 3 dagen contact op" in melding.tekst
    assert melding.url == reverse("monitoring:detail", args=[plaatsing.pk])
    assert melding.traject == scene.traject
    # nobody else around the placement gets it
    assert not Melding.objects.exclude(ontvanger=scene.coach).exists()

    service.assess_placement(plaatsing)
    service.assess_all(TODAY)
    assert signaal_meldingen().count() == 1
    assert Beoordeling.objects.filter(plaatsing=plaatsing).count() == 1
    schema = MonitoringSchema.objects.get(plaatsing=plaatsing)
    assert schema.niveau == "oranje" and schema.contact_binnen_dagen == 3


def test_worse_light_alerts_again_and_green_again_does_not(scene):
    plaatsing = scene.plaatsing
    checkin(plaatsing, -7, energie=2)
    service.assess_placement(plaatsing)
    checkin(plaatsing, 0, energie=1, plezier=1, belasting=2)
    assert service.assess_placement(plaatsing).level == "rood"
    titels = list(signaal_meldingen().order_by("pk").values_list("titel", flat=True))
    assert [t.split(":")[0] for t in titels] == ["Oranje signaal", "Rood signaal"]

    KandidaatCheckIn.objects.all().delete()
    checkin(plaatsing, 0)
    assert service.assess_placement(plaatsing).level == "groen"
    assert signaal_meldingen().count() == 2
    history = list(Beoordeling.objects.filter(plaatsing=plaatsing).values_list("niveau", flat=True))
    assert history == ["groen", "rood", "oranje"]  # newest first


def test_downward_trend_makes_contact_more_frequent_and_brings_the_next_checkin_forward(scene):
    plaatsing = scene.plaatsing
    schema = MonitoringSchema.for_plaatsing(plaatsing)
    schema.later_vanaf = days(-1)  # the later rhythm: every two weeks
    schema.next_checkin = days(10)
    schema.save()
    for day, plezier in ((-25, 5), (-18, 4), (-11, 3)):
        checkin(plaatsing, day, plezier=plezier)
    last = moment(plaatsing, -4, filled=True)
    checkin(plaatsing, -4, plezier=2, moment=last)

    assessment = service.assess_placement(plaatsing)
    assert assessment.intensify
    schema.refresh_from_db()
    assert schema.vaker_contact
    assert schema.interval(TODAY) == 7
    assert schema.next_checkin == days(3)  # the last planned one plus a week, not two
    assert schema.leidinggevende_interval() == 7
    ritme = service.ritme(schema, TODAY)
    assert ritme.vaker.startswith(
        "Vaker contact: elke week in plaats van elke twee weken, omdat de lijn daalt."
    )


def test_missed_checkins_count_and_one_filled_late_through_its_link_does_not(scene):
    plaatsing = scene.plaatsing
    moment(plaatsing, -12)
    moment(plaatsing, -5)
    assessment = service.assess_placement(plaatsing)
    assert assessment.level == "rood"
    assert assessment.reasons == ["Twee check-ins achter elkaar gemist"]

    # the second one is filled in today, late but while its link still worked
    late = CheckInMoment.objects.get(datum=days(-5))
    checkin(plaatsing, 0, moment=late)
    late.ingevuld_op = timezone.now()
    late.save()
    assessment = service.assess_placement(plaatsing)
    assert assessment.level == "oranje"
    assert assessment.reasons[0].startswith("Een check-in gemist (")


def test_supervisor_signals_count(scene):
    LeidinggevendeCheckIn.objects.create(
        plaatsing=scene.plaatsing,
        datum=days(-1),
        gaat_goed=4,
        signalen_gezien=True,
        toelichting="komt later binnen",
    )
    assessment = service.assess_placement(scene.plaatsing)
    assert assessment.reasons == ["De leidinggevende ziet signalen: komt later binnen"]


# --- planning check-ins ----------------------------------------------------------------------


def test_plan_checkins_makes_moments_and_reminders_once(scene):
    plaatsing = scene.plaatsing
    schema = MonitoringSchema.for_plaatsing(plaatsing)
    schema.next_checkin = TODAY
    schema.next_leidinggevende = TODAY
    schema.save()

    counts = service.plan_checkins(TODAY)
    assert counts["momenten"] == 1 and counts["momenten_leidinggevende"] == 1
    kandidaat_moment = CheckInMoment.objects.get(voor="kandidaat")
    lg_moment = CheckInMoment.objects.get(voor="leidinggevende")
    assert kandidaat_moment.datum == TODAY and kandidaat_moment.ingevuld_op is None
    assert lg_moment.datum == TODAY
    reminders = Melding.objects.filter(soort=Melding.Soort.CHECKIN)
    assert {m.ontvanger for m in reminders} == {scene.kandidaat_user, scene.lg_user}
    mine = reminders.get(ontvanger=scene.kandidaat_user)
    assert mine.url == reverse("monitoring:checkin", args=[plaatsing.pk])
    assert reminders.get(ontvanger=scene.lg_user).url == reverse(
        "monitoring:checkin_leidinggevende", args=[plaatsing.pk]
    )
    schema.refresh_from_db()
    assert schema.next_checkin == days(7)  # weekly in the first weeks
    assert schema.next_leidinggevende == days(14)

    # again on the same day, and again with the dates put back: nothing twice
    assert service.plan_checkins(TODAY) == {}
    MonitoringSchema.objects.filter(pk=schema.pk).update(
        next_checkin=TODAY, next_leidinggevende=TODAY
    )
    service.plan_checkins(TODAY)
    assert CheckInMoment.objects.count() == 2
    assert reminders.count() == 2


def test_without_an_account_the_reminder_is_a_neutral_mail_with_the_link(scene):
    plaatsing = scene.plaatsing
    kandidaat = scene.kandidaat
    kandidaat.user = None
    kandidaat.save()
    schema = MonitoringSchema.for_plaatsing(plaatsing)
    schema.next_checkin = TODAY
    schema.save()

    counts = service.plan_checkins(TODAY)
    assert counts["links_gemaild"] == 1
    m = CheckInMoment.objects.get(voor="kandidaat")
    bericht = Bericht.objects.get(aan=kandidaat.email)
    assert tokens.path(m.pk) in bericht.tekst
    assert bericht.tekst.startswith(f"Hoi {kandidaat.first_name},")
    assert kandidaat.last_name not in bericht.tekst
    assert "Bakkerij" not in bericht.tekst and "Bakkerij" not in bericht.onderwerp
    service.plan_checkins(TODAY)
    assert Bericht.objects.filter(aan=kandidaat.email).count() == 1


def test_a_late_round_plans_one_checkin_and_keeps_the_rhythm(scene):
    schema = MonitoringSchema.for_plaatsing(scene.plaatsing)
    schema.next_checkin = days(-9)
    schema.later_vanaf = days(-30)  # every two weeks
    schema.save()
    service.plan_checkins(TODAY)
    assert list(CheckInMoment.objects.values_list("datum", flat=True)) == [TODAY]
    schema.refresh_from_db()
    assert schema.next_checkin == days(5)


def test_ended_placements_and_closed_trajects_are_not_planned_or_assessed(scene, coach):
    other = placed_at(coach, "Tuincentrum Groen")
    for s in (scene, other):
        schema = MonitoringSchema.for_plaatsing(s.plaatsing)
        schema.next_checkin = TODAY
        schema.save()
        moment(s.plaatsing, -10)
    scene.plaatsing.ended_on = days(-1)
    scene.plaatsing.save()
    other.traject.close("overig", coach, reason="Verhuisd")

    assert service.plan_checkins(TODAY) == {}
    result = service.assess_all(TODAY)
    assert result["beoordeeld"] == 0
    assert not signaal_meldingen().exists()


# --- all placements at once ------------------------------------------------------------------


def test_assess_all_matches_assess_placement_and_alerts_only_new_signals(coach):
    scenes = [placed_at(coach, f"Werkgever {i}") for i in range(4)]
    calm, low, missed, trend = (s.plaatsing for s in scenes)
    checkin(calm, -7)
    checkin(calm, 0)
    checkin(low, 0, energie=1, plezier=1, belasting=1)
    moment(missed, -12)
    moment(missed, -5)
    for day, value in ((-21, 5), (-14, 4), (-7, 3), (0, 2)):
        checkin(trend, day, plezier=value)
    InstrumentVersie.objects.create(
        kandidaat=scenes[0].kandidaat, kind="grenzen", number=1, data={"signalen": "moe"}
    )

    result = service.assess_all(TODAY)
    assert result["beoordeeld"] == 4
    assert (result["groen"], result["oranje"], result["rood"]) == (1, 1, 2)
    assert result["gewijzigd"] == 3 and result["signalen"] == 3
    levels = dict(MonitoringSchema.objects.values_list("plaatsing_id", "niveau"))
    assert levels == {calm.pk: "groen", low.pk: "rood", missed.pk: "rood", trend.pk: "oranje"}
    assert MonitoringSchema.objects.get(plaatsing=trend).vaker_contact

    # the same as one at a time
    for p in (calm, low, missed, trend):
        schema = MonitoringSchema.objects.get(plaatsing=p)
        single = service.assess_placement(p)
        assert (single.level, single.reasons) == (schema.niveau, schema.redenen)

    # a second round changes nothing and alerts nobody
    again = service.assess_all(TODAY)
    assert again.get("gewijzigd", 0) == 0 and again.get("signalen", 0) == 0
    assert signaal_meldingen().count() == 3
    assert Beoordeling.objects.count() == 3


def test_daily_round_returns_counts(scene):
    schema = MonitoringSchema.for_plaatsing(scene.plaatsing)
    schema.next_checkin = TODAY
    schema.save()
    checkin(scene.plaatsing, -1, energie=2)
    result = service.daily_round(TODAY)
    assert result["checkins_gepland"] == 1
    assert result["herinneringen"] == 1
    assert result["beoordeeld"] == 1 and result["oranje"] == 1 and result["signalen"] == 1


@pytest.mark.django_db(transaction=True)
def test_the_daily_round_runs_through_the_worker(coach):
    from werkpad.notifications import tasks, worker

    scene = placed_scene(coach)
    schema = MonitoringSchema.for_plaatsing(scene.plaatsing)
    schema.next_checkin = TODAY
    schema.save()
    tasks.daily_round.enqueue(TODAY.isoformat())
    worker.run_ready_tasks(max_tasks=1)
    assert CheckInMoment.objects.filter(voor="kandidaat", datum=TODAY).count() == 1
    assert Melding.objects.filter(
        ontvanger=scene.kandidaat_user, soort=Melding.Soort.CHECKIN
    ).exists()


def test_a_new_placement_gets_its_rhythm_at_once(scene):
    schema = MonitoringSchema.objects.get(plaatsing=scene.plaatsing)
    assert schema.next_checkin == TODAY + datetime.timedelta(days=7)
    assert schema.niveau == "groen"


def test_moments_use_a_fresh_schema_on_first_use(scene):
    """A placement from before monitoring existed (no schema yet) gets one in the round."""
    plaatsing = scene.plaatsing
    MonitoringSchema.objects.filter(plaatsing=plaatsing).delete()
    service.ensure_schemas(TODAY)
    schema = MonitoringSchema.objects.get(plaatsing=plaatsing)
    assert schema.next_checkin == TODAY + datetime.timedelta(days=7)
    assert schema.later_vanaf == plaatsing.start_date + datetime.timedelta(weeks=6)
