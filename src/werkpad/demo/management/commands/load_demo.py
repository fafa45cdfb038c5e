"""`manage.py load_demo`: fictional demo data (organisations, logins, candidates, trajects,
employers with jobs, placements), from the stories in `werkpad/demo/data/`."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import ProtectedError

from werkpad.demo import loader
from werkpad.route.models import RouteMilestone


class Command(BaseCommand):
    help = (
        "Laad fictieve demodata: organisaties, demo-logins (wachtwoord werkpad-demo), "
        "kandidaten en trajecten in alle fasen, werkgevers met taken en functies, plaatsingen. "
        "Alleen voor ontwikkeling en demonstratie."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Ook laden als DEBUG uit staat (bijvoorbeeld op een demo- of testserver).",
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Bestaande demodata verwijderen en opnieuw opbouwen (met verse datums).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "Geweigerd: DEBUG staat uit, dit lijkt geen ontwikkelomgeving. De demodata "
                "bevat logins met een bekend wachtwoord. Gebruik --force als je dit echt wilt "
                "(bijvoorbeeld op een demoserver)."
            )
        if not RouteMilestone.objects.filter(active=True).exists():
            raise CommandError(
                "De routecatalogus is nog niet geladen. Draai eerst 'manage.py migrate' "
                "(of 'manage.py load_route')."
            )

        if loader.is_loaded() and not options["reset"]:
            self.stdout.write(
                "De demodata staat er al; er is niets veranderd. "
                "Gebruik --reset om de demodata opnieuw op te bouwen (met verse datums)."
            )
        else:
            try:
                counts = loader.load()
            except ProtectedError as error:
                raise CommandError(
                    "De demodata kon niet opnieuw worden opgebouwd, omdat andere gegevens "
                    "naar demo-kandidaten, -trajecten of -functies verwijzen. Er is niets "
                    f"veranderd. ({error.args[0]})"
                ) from error
            self.stdout.write(
                self.style.SUCCESS(
                    "Demodata geladen: {organisaties} organisaties, {logins} logins, "
                    "{kandidaten} kandidaten, {trajecten} trajecten, {werkgevers} werkgevers "
                    "met {taken} taken en {functies} functies, {plaatsingen} "
                    "plaatsingen.".format(**counts)
                )
            )
            phases = ", ".join(f"{label}: {n}" for label, n in loader.phase_summary())
            self.stdout.write(f"Lopende trajecten per fase: {phases}.")

        self._print_logins()

    def _print_logins(self) -> None:
        rows = loader.login_rows()
        headers = ("E-mailadres (login)", "Rol", "Wat je kunt bekijken")
        widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(3)]

        def line(cells) -> str:
            return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

        self.stdout.write("")
        self.stdout.write("Demo-logins (alles fictief):")
        self.stdout.write(line(headers))
        self.stdout.write(line("-" * w for w in widths))
        for row in rows:
            self.stdout.write(line(row))
        self.stdout.write("")
        self.stdout.write(f"Wachtwoord voor alle demo-logins: {loader.password()}")
