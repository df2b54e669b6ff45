from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from werkplaats_site.demo import DEMO_PASSWORD, seed_demo


class Command(BaseCommand):
    help = (
        "Vult de database met een fictief werkplaatsennetwerk in Zwolle. Twee keer draaien verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Ook draaien als DEBUG uit staat (nooit in productie)."
        )

    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo maakt accounts met een bekend wachtwoord en draait daarom alleen met DEBUG aan."
            )
        result = seed_demo()
        self.stdout.write(
            self.style.SUCCESS(f"Demo klaar: {result.gemeente}, {len(result.werkplaatsen)} werkplaatsen.")
        )
        self.stdout.write(f"Inloggen kan met deze accounts, allemaal met wachtwoord '{DEMO_PASSWORD}':")
        for username, description in result.logins:
            self.stdout.write(f"  {username:<26} {description}")
