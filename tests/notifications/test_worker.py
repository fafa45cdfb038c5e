"""The background worker (`manage.py worker`) end to end, with django-tasks-db's worker
committing as it goes (hence transactional tests): e-mails go out once, failures come back
after their wait, and the daily round is queued once per day."""

import datetime
import os
import signal
import time

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.factories import UserFactory
from tests.notifications.test_notifications import fail_mail, fix_mail, make_due
from werkpad.notifications import tasks, worker
from werkpad.notifications.models import Bericht, Ronde
from werkpad.notifications.service import notify, queue_mail

pytestmark = pytest.mark.django_db(transaction=True)

CALLS: list = []


def fake_monitoring(today):
    CALLS.append(("monitoring", today))
    return {"herinneringen": 1}


def fake_uitval(today):
    CALLS.append(("uitval", today))
    return {"contact": 0}


@pytest.fixture
def fake_parts(monkeypatch):
    CALLS.clear()
    monkeypatch.setattr(
        tasks,
        "ONDERDELEN",
        (
            ("monitoring", "tests.notifications.test_worker.fake_monitoring"),
            ("uitval", "tests.notifications.test_worker.fake_uitval"),
        ),
    )
    return CALLS


def at(hour: int, minute: int = 0, day: int = 4) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2026, 5, day, hour, minute))


@pytest.fixture
def before_six(monkeypatch):
    """Most tests run the worker at a time when the daily round is not due."""
    monkeypatch.setattr(worker, "local_now", lambda: at(5, 0))


def once() -> None:
    call_command("worker", "--once")


def test_meld_twice_and_two_worker_passes_send_one_email(mailoutbox, before_six):
    user = UserFactory()
    for _ in range(2):
        notify([user], soort="checkin", titel="Check-in", sleutel="checkin:1:2026-05-04")
    once()
    once()
    assert len(mailoutbox) == 1
    assert Bericht.objects.get().status == Bericht.Status.VERZONDEN


def test_once_processes_queued_tasks_and_reports_it(mailoutbox, before_six, capsys):
    queue_mail("lies@example.nl", onderwerp="Check-in", tekst="Hoi Lies", sleutel="link:1")
    queue_mail("bram@example.nl", onderwerp="Check-in", tekst="Hoi Bram", sleutel="link:2")
    assert worker.run_ready_tasks() == 2
    assert sorted(m.to[0] for m in mailoutbox) == ["bram@example.nl", "lies@example.nl"]
    assert not DBTaskResult.objects.ready().exists()
    queue_mail("noor@example.nl", onderwerp="Check-in", tekst="Hoi Noor", sleutel="link:3")
    once()
    assert "1 taak/taken uitgevoerd." in capsys.readouterr().out
    assert len(mailoutbox) == 3


def test_worker_retries_a_failed_email_when_its_wait_is_over(settings, mailoutbox, before_six):
    user = UserFactory()
    notify([user], soort="signaal", titel="Signaal", sleutel="s")
    fail_mail(settings)
    once()
    bericht = Bericht.objects.get()
    assert bericht.status == Bericht.Status.MISLUKT and bericht.pogingen == 1
    fix_mail(settings)
    once()  # the wait is not over: nothing happens
    assert Bericht.objects.get().status == Bericht.Status.MISLUKT and mailoutbox == []
    make_due(bericht)
    once()
    bericht.refresh_from_db()
    assert bericht.status == Bericht.Status.VERZONDEN and bericht.pogingen == 2
    assert len(mailoutbox) == 1


def test_daily_round_is_queued_once_per_day_across_worker_runs(monkeypatch, fake_parts):
    monkeypatch.setattr(worker, "local_now", lambda: at(5, 59))
    once()
    assert not Ronde.objects.exists() and fake_parts == []

    monkeypatch.setattr(worker, "local_now", lambda: at(6, 1))
    once()
    monkeypatch.setattr(worker, "local_now", lambda: at(18, 0))
    once()  # a second worker, or the same one later that day
    assert fake_parts == [
        ("monitoring", datetime.date(2026, 5, 4)),
        ("uitval", datetime.date(2026, 5, 4)),
    ]
    ronde = Ronde.objects.get()
    assert ronde.sleutel == "dagelijks:2026-05-04" and ronde.klaar_op is not None
    assert ronde.resultaat == {"monitoring": {"herinneringen": 1}, "uitval": {"contact": 0}}

    monkeypatch.setattr(worker, "local_now", lambda: at(6, 30, day=5))
    once()
    assert Ronde.objects.count() == 2 and len(fake_parts) == 4


def test_worker_loop_stops_gracefully_on_sigterm(monkeypatch, capsys):
    """Started without --once, the loop runs until SIGTERM: it finishes the pass in hand,
    does not sleep out its interval, and puts the old signal handler back."""
    passes = []

    def one_pass():
        passes.append(1)
        os.kill(os.getpid(), signal.SIGTERM)  # arrives while a pass is running
        return {"ronde": False, "opnieuw": 0, "taken": 0}

    monkeypatch.setattr(worker, "one_pass", one_pass)
    previous = signal.getsignal(signal.SIGTERM)
    started = time.monotonic()
    call_command("worker", "--interval", "30")
    assert passes == [1] and time.monotonic() - started < 10
    out = capsys.readouterr().out
    assert "Werkpad-worker gestart" in out and "Werkpad-worker gestopt." in out
    assert signal.getsignal(signal.SIGTERM) == previous
