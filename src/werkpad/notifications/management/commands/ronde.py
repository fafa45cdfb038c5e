"""`manage.py ronde`: run the daily round now (for operators and the demo)."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from werkpad.notifications import tasks, worker


class Command(BaseCommand):
    help = (
        "Voer de dagelijkse ronde nu uit (check-in-herinneringen, signalen, contact tijdens "
        "uitval). Niets wordt dubbel gemaakt: meldingen hebben een sleutel."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--datum", help="De dag als JJJJ-MM-DD (standaard: vandaag).")
        parser.add_argument(
            "--verstuur",
            action="store_true",
            help="Verstuur de e-mails daarna meteen (anders doet de worker dat).",
        )

    def handle(self, *args, datum: str | None = None, verstuur: bool = False, **options):
        try:
            dag = datetime.date.fromisoformat(datum) if datum else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"Geen geldige datum: {datum!r}. Schrijf JJJJ-MM-DD.") from error
        resultaat = tasks.run_round(dag, opnieuw=True)
        self.stdout.write(f"Dagelijkse ronde van {dag.isoformat()} uitgevoerd.")
        for onderdeel, telling in resultaat.items():
            regels = ", ".join(f"{k}: {v}" for k, v in telling.items()) or "niets te doen"
            self.stdout.write(f"  {onderdeel}: {regels}")
        if verstuur:
            self.stdout.write(f"{worker.run_ready_tasks()} taak/taken uitgevoerd.")
        else:
            self.stdout.write("E-mails staan in de wachtrij; de worker verstuurt ze.")
