from django.core.management.base import BaseCommand

from werkpad.route.catalogue import CATALOGUE_PATH, load_catalogue


class Command(BaseCommand):
    help = "Laad de routecatalogus (fasen, partijen, mijlpalen, handreikingen) uit YAML."

    def handle(self, *args, **options):
        counts = load_catalogue()
        self.stdout.write(
            f"Routecatalogus geladen uit {CATALOGUE_PATH.name}: {counts['milestones']} mijlpalen, "
            f"{counts['notes']} handreikingen, {counts['sources']} bronnen."
        )
