from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.services import user_erase


class Command(BaseCommand):
    help = "Wist de persoonsgegevens van één persoon (AVG artikel 17); het auditlog blijft sluitend."

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam")
        parser.add_argument("--ja", action="store_true", help="Niet om bevestiging vragen.")

    def handle(self, *args, gebruikersnaam: str, ja: bool = False, **options):
        try:
            user = User.objects.get(username=gebruikersnaam)
        except User.DoesNotExist as exc:
            raise CommandError(f"Er is geen account met gebruikersnaam '{gebruikersnaam}'.") from exc
        if not ja:
            raise CommandError("Wissen kan niet ongedaan worden gemaakt. Herhaal met --ja om door te gaan.")
        erased = user_erase(user=user)
        self.stdout.write(
            self.style.SUCCESS(f"Gewist. Het account heet nu {erased.username} en kan niet meer inloggen.")
        )
