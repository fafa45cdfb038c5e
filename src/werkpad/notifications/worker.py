"""The background worker's steps, used by `manage.py worker` (a loop, or one pass with
`--once`) and by the tests.

One pass: (a) queue the daily round once per day after 06:00 local time, (b) queue the
failed e-mails that are due again, (c) run every ready task."""

from __future__ import annotations

import datetime
import logging

from django.db import IntegrityError, transaction
from django.tasks import DEFAULT_TASK_BACKEND_ALIAS
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from . import tasks
from .models import Ronde

logger = logging.getLogger(__name__)

RONDE_UUR = 6  # the daily round is queued from this hour (local time) on
MAX_TASKS_PER_PASS = 1000


def local_now() -> datetime.datetime:
    """The current local time (a seam for tests)."""
    return timezone.localtime()


def queue_daily_round(moment: datetime.datetime | None = None) -> bool:
    """Queue today's daily round when it is 06:00 or later and it was not queued yet. The
    Ronde row with its unique key is made in the same transaction as the task, so two
    workers never queue it both. True when this call queued it."""
    moment = timezone.localtime(moment) if moment else local_now()
    if moment.hour < RONDE_UUR:
        return False
    sleutel = tasks.ronde_sleutel(moment.date())
    if Ronde.objects.filter(sleutel=sleutel).exists():
        return False
    try:
        with transaction.atomic():
            Ronde.objects.create(sleutel=sleutel)
            tasks.daily_round.enqueue(moment.date().isoformat())
    except IntegrityError:
        return False  # another worker was first
    return True


class _CountingWorker(Worker):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.done = 0

    def run_task(self, db_task_result) -> None:
        super().run_task(db_task_result)
        self.done += 1


_current: _CountingWorker | None = None


def run_ready_tasks(max_tasks: int = MAX_TASKS_PER_PASS) -> int:
    """Run all tasks that are ready (django-tasks-db's worker in batch mode). Returns how
    many ran. Call it outside a transaction: the worker commits as it goes (and closes
    stale connections), as it does in production; tests use django_db(transaction=True)."""
    global _current
    if transaction.get_connection().in_atomic_block:
        raise RuntimeError("run_ready_tasks() must run outside a transaction (atomic block)")
    worker = _CountingWorker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name=DEFAULT_TASK_BACKEND_ALIAS,
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id=f"werkpad-{get_random_string(12)}",
        excluded_queue_names=[],
    )
    _current = worker
    try:
        worker.run()
    finally:
        _current = None
    return worker.done


def stop_after_current_task() -> None:
    """Ask a running batch to stop once the task in hand is done (for SIGTERM)."""
    if _current is not None:
        _current.running = False


def one_pass(moment: datetime.datetime | None = None) -> dict:
    """One pass of the worker: plan the round, queue due retries, run ready tasks."""
    return {
        "ronde": queue_daily_round(moment),
        "opnieuw": tasks.retry_failed(),
        "taken": run_ready_tasks(),
    }
