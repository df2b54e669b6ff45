from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from werkplaatsen.services import CsvImportError, postcodegebieden_import


class Command(BaseCommand):
    help = (
        "Leest het midden van postcodegebieden (PC4) uit een CSV met de kolommen pc4, plaats, latitude, "
        "longitude. Daarmee vindt de zoeker postcodes zonder internet. Bestaande gebieden worden bijgewerkt."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv", type=Path, help="Pad naar het CSV-bestand (UTF-8).")

    def handle(self, *args, csv: Path, **options):
        if not csv.is_file():
            raise CommandError(f"Bestand niet gevonden: {csv}")
        try:
            count = postcodegebieden_import(path=csv)
        except CsvImportError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"{count} postcodegebieden ingelezen."))
