"""`manage.py worker`: the background worker of Werkpad. Sends e-mails (with retries) and
queues the daily round once a day after 06:00. `--once` does one pass (for cron and tests).
See docs/notifications.md."""

from __future__ import annotations

import logging
import signal
import threading

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django.db.utils import OperationalError

from werkpad.notifications import worker

logger = logging.getLogger("werkpad.notifications.worker")

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Command(BaseCommand):
    help = (
        "Achtergrondtaken: verstuurt e-mails (met nieuwe pogingen) en zet elke dag na 06:00 "
        "de dagelijkse ronde klaar. Stop met Ctrl-C of SIGTERM."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--once",
            action="store_true",
            help="Eén keer doen wat klaarstaat en dan stoppen (voor cron en tests).",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=5.0,
            help="Seconden wachten voordat de worker weer kijkt (standaard 5).",
        )

    def handle(self, *args, once: bool = False, interval: float = 5.0, **options) -> None:
        if not interval >= 0:
            raise CommandError("--interval moet 0 of meer seconden zijn.")
        self.verbosity = options.get("verbosity", 1)
        self.stopping = threading.Event()
        previous = self._install_signals()
        try:
            self._loop(once, interval)
        except KeyboardInterrupt:
            self.stdout.write("Werkpad-worker direct gestopt.")
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def _loop(self, once: bool, interval: float) -> None:
        if not once:
            self.stdout.write(f"Werkpad-worker gestart (elke {interval:g} s). Stop met Ctrl-C.")
        while not self.stopping.is_set():
            close_old_connections()
            try:
                result = worker.one_pass()
            except OperationalError as error:  # e.g. a locked SQLite file: try again later
                logger.warning("Worker pass skipped: %s", error)
                result = None
            if result:
                self._report(result)
            if once:
                break
            self.stopping.wait(interval)
        close_old_connections()
        if not once:
            self.stdout.write("Werkpad-worker gestopt.")

    def _report(self, result: dict) -> None:
        if self.verbosity < 1:
            return
        if result["ronde"]:
            self.stdout.write("Dagelijkse ronde klaargezet.")
        if result["opnieuw"]:
            self.stdout.write(f"{result['opnieuw']} e-mail(s) opnieuw in de wachtrij.")
        if result["taken"] or self.verbosity > 1:
            self.stdout.write(f"{result['taken']} taak/taken uitgevoerd.")

    def _install_signals(self) -> dict:
        """First Ctrl-C/SIGTERM: finish the task in hand, then stop. Second: stop now."""
        if threading.current_thread() is not threading.main_thread():
            return {}
        previous = {}

        def shutdown(signum, frame) -> None:
            if self.stopping.is_set():
                raise KeyboardInterrupt
            self.stderr.write("Stoppen na de taak die nu loopt... (nog eens: direct stoppen)")
            self.stopping.set()
            worker.stop_after_current_task()

        for signum in SIGNALS:
            previous[signum] = signal.getsignal(signum)
            signal.signal(signum, shutdown)
        return previous
