import json

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.services import user_export


class Command(BaseCommand):
    help = "Geeft alle gegevens van één persoon als JSON (inzageverzoek, AVG artikel 15)."

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam")

    def handle(self, *args, gebruikersnaam: str, **options):
        try:
            user = User.objects.get(username=gebruikersnaam)
        except User.DoesNotExist as exc:
            raise CommandError(f"Er is geen account met gebruikersnaam '{gebruikersnaam}'.") from exc
        self.stdout.write(json.dumps(user_export(user=user), ensure_ascii=False, indent=2))
