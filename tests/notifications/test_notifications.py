"""Alerts and e-mails: notify() and queue_mail() never make or send anything twice, the
e-mail says only that there is something to look at, failures are retried and stay visible,
and everyone sees only their own inbox."""

import datetime
import re

import pytest
from django.core import mail as django_mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.factories import OrganisationFactory, TrajectFactory, UserFactory
from werkpad.audit.models import AuditEntry
from werkpad.notifications import tasks, worker
from werkpad.notifications.models import MAX_ATTEMPTS, RETRY_MINUTES, Bericht, Melding, Ronde
from werkpad.notifications.service import notify, queue_mail

pytestmark = pytest.mark.django_db

TITEL = "Signaal rood bij de plaatsing van Noor Visser"
TEKST = "Noor slaapt slecht en voelt zich somber (ZQX-gezondheid)."
FAILING = "tests.notifications.test_notifications.FailingBackend"


class FailingBackend(BaseEmailBackend):
    """A mail server that is down; its error mentions the configured password."""

    def __init__(self, *, password: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.password = password

    def send_messages(self, messages):
        raise ConnectionRefusedError(f"server weigert login met {self.password or 'x'}")


def fail_mail(settings, password: str = "") -> None:
    options = {"password": password} if password else {}
    settings.MAILERS = {"default": {"BACKEND": FAILING, "OPTIONS": options}}


def fix_mail(settings) -> None:
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


def signaal(users, sleutel="signaal:1:2026-05-04", **extra):
    fields = {"soort": "signaal", "titel": TITEL, "tekst": TEKST, "sleutel": sleutel}
    return notify(users, **(fields | extra))


def send_all() -> list[str]:
    """Run the send task for every e-mail in the queue (the worker's job, in-process)."""
    ids = Bericht.objects.filter(status=Bericht.Status.WACHTRIJ).values_list("pk", flat=True)
    return [tasks.send_message.call(pk) for pk in ids]


def make_due(bericht: Bericht) -> None:
    Bericht.objects.filter(pk=bericht.pk).update(
        volgende_poging=timezone.now() - datetime.timedelta(seconds=1)
    )


@pytest.fixture
def base_url(settings):
    settings.WERKPAD_BASE_URL = "https://werkpad.example.nl"
    return settings.WERKPAD_BASE_URL


@pytest.fixture
def beheerder():
    return UserFactory(role="beheerder")


# --- notify(): never twice ------------------------------------------------------------------


def test_meld_twice_with_the_same_key_makes_one_message_and_one_email(coach, mailoutbox):
    first = signaal([coach])
    second = signaal([coach, coach])
    assert len(first) == 1 and second == []
    assert Melding.objects.filter(ontvanger=coach).count() == 1
    assert Bericht.objects.count() == 1
    # the send task running twice (or twice queued) still sends one e-mail
    bericht = Bericht.objects.get()
    assert tasks.send_message.call(bericht.pk) == "verzonden"
    assert tasks.send_message.call(bericht.pk) == "overgeslagen"
    assert len(mailoutbox) == 1
    bericht.refresh_from_db()
    assert bericht.status == Bericht.Status.VERZONDEN and bericht.pogingen == 1


def test_a_new_key_makes_a_new_message(coach):
    signaal([coach], sleutel="signaal:1:maandag")
    signaal([coach], sleutel="signaal:1:dinsdag")
    assert Melding.objects.filter(ontvanger=coach).count() == 2
    assert Bericht.objects.count() == 2


def test_only_active_users_get_a_message(coach):
    gone = UserFactory(is_active=False)
    made = signaal([coach, gone, None])
    assert [m.ontvanger for m in made] == [coach]
    assert not Melding.objects.filter(ontvanger=gone).exists()


def test_email_false_makes_only_the_inbox_message(coach):
    signaal([coach], email=False)
    assert Melding.objects.count() == 1 and not Bericht.objects.exists()


def test_only_one_send_task_claims_an_email(coach):
    """Two workers racing: the conditional UPDATE lets exactly one of them send."""
    signaal([coach])
    bericht = Bericht.objects.get()
    assert tasks.claim(bericht.pk) is True
    assert tasks.claim(bericht.pk) is False
    assert tasks.send_message.call(bericht.pk) == "overgeslagen"


def test_the_send_task_is_queued_with_the_email(coach):
    signaal([coach])
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "werkpad.notifications.tasks.send_message"
    assert queued.args_kwargs["args"] == [Bericht.objects.get().pk]


def test_a_rolled_back_caller_leaves_no_message_and_no_queued_send(coach):
    with pytest.raises(RuntimeError), transaction.atomic():
        signaal([coach])
        raise RuntimeError("the caller failed")
    assert not Melding.objects.exists()
    assert not Bericht.objects.exists()
    assert not DBTaskResult.objects.exists()


# --- what the e-mail says -----------------------------------------------------------------


def test_email_names_only_the_kind_of_message_and_a_link(coach, mailoutbox, base_url):
    melding = signaal([coach], url="/plaatsingen/3/")[0]
    send_all()
    sent = mailoutbox[0]
    assert sent.to == [coach.email]
    assert sent.subject == "Nieuwe melding in Werkpad"
    assert "Signaal bij een plaatsing" in sent.body
    assert f"{base_url}/meldingen/{melding.pk}/open/" in sent.body
    for secret in (TITEL, TEKST, "Noor", "ZQX", "somber", coach.first_name, "/plaatsingen/3/"):
        assert secret not in sent.body and secret not in sent.subject


# --- failures, retries and giving up ------------------------------------------------------


def test_failed_email_is_retried_after_the_wait_and_then_sent(coach, settings, mailoutbox):
    signaal([coach])
    bericht = Bericht.objects.get()
    fail_mail(settings)
    before = timezone.now()
    assert tasks.send_message.call(bericht.pk) == "mislukt"
    bericht.refresh_from_db()
    assert bericht.status == Bericht.Status.MISLUKT
    assert bericht.pogingen == 1
    assert "ConnectionRefusedError" in bericht.laatste_fout
    wait = datetime.timedelta(minutes=RETRY_MINUTES[0])
    assert before + wait <= bericht.volgende_poging <= timezone.now() + wait
    assert mailoutbox == []

    # not due yet: nothing is queued again
    assert tasks.retry_failed() == 0
    make_due(bericht)
    fix_mail(settings)
    assert tasks.retry_failed() == 1
    assert tasks.retry_failed() == 0  # queued once, not at every pass
    bericht.refresh_from_db()
    assert bericht.status == Bericht.Status.WACHTRIJ
    assert DBTaskResult.objects.filter(task_path__endswith="send_message").count() == 2
    assert send_all() == ["verzonden"]
    bericht.refresh_from_db()
    assert bericht.status == Bericht.Status.VERZONDEN and bericht.pogingen == 2
    assert bericht.laatste_fout == "" and len(django_mail.outbox) == 1


def test_email_is_given_up_after_max_attempts(coach, settings):
    signaal([coach])
    bericht = Bericht.objects.get()
    fail_mail(settings)
    waits = []
    for _attempt in range(MAX_ATTEMPTS):
        tasks.send_message.call(bericht.pk)
        bericht.refresh_from_db()
        if bericht.volgende_poging:
            waits.append(round((bericht.volgende_poging - timezone.now()).total_seconds() / 60))
            make_due(bericht)
            tasks.retry_failed()
    assert waits == list(RETRY_MINUTES)
    assert bericht.status == Bericht.Status.OPGEGEVEN
    assert bericht.pogingen == MAX_ATTEMPTS and bericht.volgende_poging is None
    assert tasks.retry_failed() == 0
    assert tasks.send_message.call(bericht.pk) == "overgeslagen"
    assert bericht.status_tekst() == f"Versturen niet gelukt na {MAX_ATTEMPTS} pogingen"


def test_the_stored_error_is_short_and_hides_the_mail_password(coach, settings):
    signaal([coach])
    fail_mail(settings, password="geheim-wachtwoord-123")
    send_all()
    fout = Bericht.objects.get().laatste_fout
    assert "geheim-wachtwoord-123" not in fout and "***" in fout
    assert len(fout) <= tasks.FOUT_MAX and "\n" not in fout


def test_an_email_interrupted_while_sending_is_not_sent_again(coach):
    signaal([coach])
    bericht = Bericht.objects.get()
    Bericht.objects.filter(pk=bericht.pk).update(
        status=Bericht.Status.BEZIG, bezig_sinds=timezone.now() - datetime.timedelta(hours=2)
    )
    assert tasks.retry_failed() == 0
    bericht.refresh_from_db()
    assert bericht.status == Bericht.Status.OPGEGEVEN
    assert "Onderbroken" in bericht.laatste_fout


def test_an_email_whose_task_was_lost_is_queued_again_later(coach, mailoutbox):
    signaal([coach])
    bericht = Bericht.objects.get()
    DBTaskResult.objects.all().delete()  # e.g. the task failed on a locked database
    assert tasks.retry_failed() == 0  # not yet: the worker may simply be busy
    make_due(bericht)
    assert tasks.retry_failed() == 1
    assert tasks.retry_failed() == 0
    assert send_all() == ["verzonden"] and len(mailoutbox) == 1


def test_failure_is_visible_in_the_inbox_and_in_the_overview(client, coach, settings, beheerder):
    signaal([coach])
    fail_mail(settings)
    send_all()
    volgende = timezone.localtime(Bericht.objects.get().volgende_poging)

    client.force_login(coach)
    inbox = client.get(reverse("meldingen:inbox")).content.decode()
    assert "Versturen mislukt, nieuwe poging" in inbox and f"{volgende:%H:%M}" in inbox

    client.force_login(beheerder)
    page = client.get(reverse("meldingen:berichten")).content.decode()
    assert "ConnectionRefusedError" in page
    assert coach.email in page
    assert f"{volgende:%H:%M}" in page


def test_inbox_says_when_the_email_was_sent(client, coach):
    signaal([coach])
    send_all()
    sent = timezone.localtime(Bericht.objects.get().verzonden_op)
    client.force_login(coach)
    inbox = client.get(reverse("meldingen:inbox")).content.decode()
    assert "E-mail verzonden" in inbox and f"{sent:%H:%M}" in inbox


def test_inbox_shows_a_queued_email_as_waiting(client, coach):
    signaal([coach])
    client.force_login(coach)
    assert "In de wachtrij" in client.get(reverse("meldingen:inbox")).content.decode()


# --- queue_mail(): addresses without an account -------------------------------------------------


def test_mail_sends_once_per_key_with_its_attachment(mailoutbox):
    ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    first = queue_mail(
        "lies@example.nl",
        onderwerp="Check-in van deze week",
        tekst="Hoi Lies, vul de check-in in: https://werkpad.example.nl/x/",
        sleutel="checkin-link:7:2026-05-04",
        bijlage=("driegesprek.ics", ics, "text/calendar"),
    )
    again = queue_mail(
        "lies@example.nl", onderwerp="x", tekst="y", sleutel="checkin-link:7:2026-05-04"
    )
    assert first is not None and again is None
    send_all()
    send_all()
    assert len(mailoutbox) == 1
    name, content, mimetype = mailoutbox[0].attachments[0]
    assert (name, mimetype) == ("driegesprek.ics", "text/calendar")
    assert "BEGIN:VCALENDAR" in content


def test_mail_without_address_sends_nothing_and_a_bad_address_is_shown_as_given_up():
    assert queue_mail("", onderwerp="x", tekst="y", sleutel="a") is None
    bad = queue_mail("geen-adres", onderwerp="x", tekst="y", sleutel="b")
    assert bad.status == Bericht.Status.OPGEGEVEN and bad.laatste_fout
    assert not DBTaskResult.objects.exists()


def test_mail_keys_cannot_take_the_place_of_an_alert_email():
    with pytest.raises(ValueError):
        queue_mail("a@example.nl", onderwerp="x", tekst="y", sleutel="melding:1:x")


# --- the inbox ----------------------------------------------------------------------------


def test_inbox_shows_only_own_messages_unread_first(client, coach):
    other = UserFactory()
    notify([coach], soort="overig", titel="Oud en gelezen", sleutel="a")
    notify([coach], soort="checkin", titel="Nieuw en ongelezen", sleutel="b")
    notify([other], soort="overig", titel="Van iemand anders", sleutel="c")
    Melding.objects.filter(titel="Oud en gelezen").update(gelezen_op=timezone.now())
    Melding.objects.filter(titel="Nieuw en ongelezen").update(
        created_at=timezone.now() - datetime.timedelta(days=3)
    )
    client.force_login(coach)
    html = client.get(reverse("meldingen:inbox")).content.decode()
    assert "Van iemand anders" not in html
    assert html.index("Nieuw en ongelezen") < html.index("Oud en gelezen")


def test_inbox_shows_level_title_text_and_link(client, coach):
    notify(
        [coach],
        soort="signaal",
        titel=TITEL,
        tekst=TEKST,
        url="/plaatsingen/3/",
        niveau="rood",
        sleutel="s",
    )
    client.force_login(coach)
    html = client.get(reverse("meldingen:inbox")).content.decode()
    assert 'class="niveau niveau-rood">Rood<' in html
    assert TITEL in html and "ZQX-gezondheid" in html
    assert reverse("meldingen:open", args=[Melding.objects.get().pk]) in html


def test_empty_inbox_says_so_in_dutch(client, coach):
    client.force_login(coach)
    html = client.get(reverse("meldingen:inbox")).content.decode()
    assert "Je hebt geen meldingen." in html


def test_inbox_paginates_by_25(client, coach):
    for i in range(27):
        notify([coach], soort="overig", titel=f"Melding nummer {i:02d}", sleutel=f"k{i}")
    client.force_login(coach)
    first = client.get(reverse("meldingen:inbox")).content.decode()
    second = client.get(reverse("meldingen:inbox"), {"pagina": "2"}).content.decode()
    garbage = client.get(reverse("meldingen:inbox"), {"pagina": "abc"})
    assert first.count('class="melding ') == 25 and second.count('class="melding ') == 2
    assert "Melding nummer 26" in first and "Melding nummer 00" in second
    assert garbage.status_code == 200


def test_menu_shows_the_unread_count(client, coach):
    client.force_login(coach)
    home = client.get(reverse("meldingen:inbox")).content.decode()
    assert 'href="/meldingen/">Meldingen' in home and "(0" not in home
    signaal([coach], sleutel="x")
    signaal([coach], sleutel="y")
    html = client.get(reverse("meldingen:inbox")).content.decode()
    assert re.search(
        r'id="meldingen-teller"[^>]*>\(2<span class="visually-hidden"> ongelezen', html
    )


def test_open_marks_read_and_goes_to_the_page(client, coach):
    melding = signaal([coach], url="/plaatsingen/3/")[0]
    client.force_login(coach)
    response = client.get(reverse("meldingen:open", args=[melding.pk]))
    assert response.status_code == 302 and response["Location"] == "/plaatsingen/3/"
    melding.refresh_from_db()
    assert melding.gelezen_op is not None


@pytest.mark.parametrize(
    "url",
    [
        "https://kwaad.example.com/",
        "//kwaad.example.com/",
        "/\\kwaad.example.com",
        "javascript:alert(1)",
    ],
)
def test_open_never_follows_a_link_outside_werkpad(client, coach, url):
    made = signaal([coach], url=url)[0]
    assert made.url == ""  # not stored
    forced = Melding.objects.create(
        ontvanger=coach, soort="overig", titel="x", url=url, sleutel="f"
    )
    client.force_login(coach)
    for melding in (made, forced):
        response = client.get(reverse("meldingen:open", args=[melding.pk]))
        assert response["Location"] == reverse("meldingen:inbox")


def test_someone_elses_message_is_not_found(client, coach):
    theirs = signaal([UserFactory()])[0]
    client.force_login(coach)
    assert client.get(reverse("meldingen:open", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("meldingen:gelezen", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("meldingen:open", args=[999999])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.gelezen_op is None


def test_mark_read_with_htmx_swaps_the_item_and_the_counter(client, coach):
    one, two = signaal([coach], sleutel="1")[0], signaal([coach], sleutel="2")[0]
    client.force_login(coach)
    response = client.post(reverse("meldingen:gelezen", args=[one.pk]), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert f'id="melding-{one.pk}"' in html and "ongelezen" not in html.split(">")[0]
    assert 'hx-swap-oob="true">(1<' in html
    assert "<html" not in html
    one.refresh_from_db()
    two.refresh_from_db()
    assert one.gelezen_op is not None and two.gelezen_op is None


def test_mark_read_without_javascript_goes_back(client, coach):
    melding = signaal([coach])[0]
    client.force_login(coach)
    url = reverse("meldingen:gelezen", args=[melding.pk])
    response = client.post(url, {"next": "/meldingen/?pagina=1"})
    assert response["Location"] == "/meldingen/?pagina=1"
    evil = client.post(url, {"next": "https://kwaad.example.com/"})
    assert evil["Location"] == reverse("meldingen:inbox")
    assert client.get(url).status_code == 405


def test_mark_all_read_leaves_others_alone(client, coach):
    other = UserFactory()
    signaal([coach], sleutel="1")
    signaal([coach, other], sleutel="2")
    client.force_login(coach)
    response = client.post(reverse("meldingen:alles_gelezen"), follow=True)
    assert "Alle meldingen staan op gelezen." in response.content.decode()
    assert not Melding.objects.filter(ontvanger=coach, gelezen_op__isnull=True).exists()
    assert Melding.objects.get(ontvanger=other).gelezen_op is None


def test_reading_messages_about_a_traject_is_logged(client, coach, traject):
    notify([coach], soort="uitval", titel="Uitval gemeld", sleutel="u", traject=traject)
    client.force_login(coach)
    client.get(reverse("meldingen:inbox"))
    entry = AuditEntry.objects.get(action="read", detail="meldingen")
    assert entry.traject_id == traject.pk and entry.kandidaat_id == traject.kandidaat_id


def inbox_queries(client, user) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("meldingen:inbox"))
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_inbox_query_count_does_not_grow_with_messages(client, coach, settings):
    few, many = UserFactory(), UserFactory()
    for user, n in ((few, 3), (many, 30)):
        for i in range(n):
            traject = TrajectFactory(coach=coach)
            notify([user], soort="signaal", titel=f"t{i}", sleutel=f"s{i}", traject=traject)
    fail_mail(settings)
    send_all()  # every message has an e-mail with a state to show
    assert inbox_queries(client, few) == inbox_queries(client, many)


# --- the overview of outgoing e-mails -----------------------------------------------------


def test_overview_access(client, coach, beheerder):
    kandidaat = UserFactory(role="kandidaat")
    for user, status in ((kandidaat, 403), (coach, 403), (beheerder, 200)):
        client.force_login(user)
        assert client.get(reverse("meldingen:berichten")).status_code == status, user.role


def test_teamleider_sees_emails_about_own_organisation_and_own(client, organisation, coach):
    teamleider = UserFactory(role="teamleider", organisation=organisation)
    own_traject = TrajectFactory(coach=coach)
    elsewhere = TrajectFactory(coach=UserFactory(organisation=OrganisationFactory()))
    notify([coach], soort="signaal", titel="x", sleutel="a", traject=own_traject)
    notify(
        [UserFactory(email="vreemd@example.nl")],
        soort="signaal",
        titel="x",
        sleutel="b",
        traject=elsewhere,
    )
    notify([teamleider], soort="overig", titel="x", sleutel="c")
    queue_mail("los@example.nl", onderwerp="x", tekst="y", sleutel="los")
    client.force_login(teamleider)
    html = client.get(reverse("meldingen:berichten")).content.decode()
    assert coach.email in html and teamleider.email in html
    assert "vreemd@example.nl" not in html and "los@example.nl" not in html


def test_overview_filters_by_status_and_never_shows_the_text(client, coach, beheerder, settings):
    signaal([coach], sleutel="a")
    fail_mail(settings)
    send_all()
    queue_mail("wacht@example.nl", onderwerp="x", tekst="GEHEIME-LINK-QX", sleutel="w")
    client.force_login(beheerder)
    url = reverse("meldingen:berichten")
    failed = client.get(url, {"status": "mislukt"}).content.decode()
    assert coach.email in failed and "wacht@example.nl" not in failed
    everything = client.get(url).content.decode()
    assert "wacht@example.nl" in everything and "GEHEIME-LINK-QX" not in everything
    assert client.get(url, {"status": "abc", "sort": "zzz", "page": "x"}).status_code == 200


# --- the daily round ----------------------------------------------------------------------

CALLS: list = []


def fake_monitoring(today):
    CALLS.append(("monitoring", today))
    return {"herinneringen": 2, "signalen": 1}


def fake_uitval(today):
    CALLS.append(("uitval", today))
    return {"contact": 3}


def broken(today):
    raise ValueError("stuk")


@pytest.fixture
def fake_parts(monkeypatch):
    CALLS.clear()
    monkeypatch.setattr(
        tasks,
        "ONDERDELEN",
        (
            ("monitoring", "tests.notifications.test_notifications.fake_monitoring"),
            ("uitval", "tests.notifications.test_notifications.fake_uitval"),
        ),
    )
    return CALLS


def test_daily_round_calls_both_parts_and_keeps_the_counts(fake_parts):
    day = datetime.date(2026, 5, 4)
    result = tasks.daily_round.call(day.isoformat())
    assert result == {"monitoring": {"herinneringen": 2, "signalen": 1}, "uitval": {"contact": 3}}
    assert fake_parts == [("monitoring", day), ("uitval", day)]
    ronde = Ronde.objects.get(sleutel="dagelijks:2026-05-04")
    assert ronde.klaar_op is not None and ronde.resultaat == result
    # the task running again does not run the round again
    tasks.daily_round.call(day.isoformat())
    assert len(fake_parts) == 2


def test_daily_round_parts_are_the_real_services():
    assert dict(tasks.ONDERDELEN) == {
        "monitoring": "werkpad.monitoring.checkins.service.daily_round",
        "uitval": "werkpad.dropout.service.contact_reminders",
    }


def test_a_failing_part_is_recorded_and_the_other_still_runs(monkeypatch, fake_parts):
    monkeypatch.setattr(
        tasks,
        "ONDERDELEN",
        (
            ("monitoring", "tests.notifications.test_notifications.broken"),
            ("uitval", "tests.notifications.test_notifications.fake_uitval"),
        ),
    )
    result = tasks.run_round(datetime.date(2026, 5, 4))
    assert result == {"monitoring": {"fout": "ValueError"}, "uitval": {"contact": 3}}


def test_ronde_command_runs_the_round_now(fake_parts, capsys):
    call_command("ronde", "--datum", "2026-05-04")
    call_command("ronde", "--datum", "2026-05-04")  # an operator may run it again
    out = capsys.readouterr().out
    assert "Dagelijkse ronde van 2026-05-04 uitgevoerd." in out and "contact: 3" in out
    assert len(fake_parts) == 4
    assert Ronde.objects.count() == 1


def test_ronde_command_rejects_a_bad_date(fake_parts):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Geen geldige datum"):
        call_command("ronde", "--datum", "4 mei")


def test_run_ready_tasks_refuses_to_run_inside_a_transaction():
    with pytest.raises(RuntimeError, match="outside a transaction"):
        worker.run_ready_tasks()


def test_daily_round_is_not_queued_before_six(monkeypatch):
    early = timezone.make_aware(datetime.datetime(2026, 5, 4, 5, 59))
    assert worker.queue_daily_round(early) is False
    assert not Ronde.objects.exists() and not DBTaskResult.objects.exists()
    later = timezone.make_aware(datetime.datetime(2026, 5, 4, 6, 0))
    assert worker.queue_daily_round(later) is True
    assert worker.queue_daily_round(later) is False
    assert DBTaskResult.objects.filter(task_path__endswith="daily_round").count() == 1


def test_meld_keeps_only_known_levels_and_rejects_unknown_kinds(coach):
    made = signaal([coach], niveau="paars")[0]
    assert made.niveau == ""
    with pytest.raises(ValueError):
        notify([coach], soort="onbekend", titel="x", sleutel="z")
