"""How accounts' SMS (login codes, invitations) reach the berichten outbox."""

from berichten.services import bericht_send


def account_sms_send(telefoonnummer: str, tekst: str, sleutel: str) -> None:
    # Urgent: someone is waiting for a login code, also at ten in the evening.
    bericht_send(telefoonnummer=telefoonnummer, tekst=tekst, soort="inloggen", sleutel=sleutel, urgent=True)
