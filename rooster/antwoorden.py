"""Replies to a shift reminder or a moved shift: JA confirms, NEE signs off.

The notice period applies, except to a shift that moved after the volunteer signed up (see
rooster.services.inschrijving_annuleren).
"""

from django.utils.translation import gettext as _

from rooster.models import BEZETTEND, Inschrijving

JA = {"JA", "J", "YES"}
NEE = {"NEE", "N", "NO"}


def herinnering_antwoord(bericht, antwoord: str) -> str | None:
    from rooster import services

    parts = bericht.sleutel.split(":")
    if len(parts) != 3 or not parts[1].isdigit():
        return None
    inschrijving = Inschrijving.objects.select_related("dienst", "user").filter(pk=int(parts[1])).first()
    if inschrijving is None or inschrijving.status not in BEZETTEND:
        return _("U staat niet meer ingeschreven voor deze dienst.")
    woord = antwoord.strip().upper().rstrip(".!")
    if woord in JA:
        services.inschrijving_bevestigen(inschrijving=inschrijving)
        return _("Dank u. Tot dan!")
    if woord in NEE:
        try:
            services.inschrijving_afmelden(inschrijving_id=inschrijving.pk, user=inschrijving.user)
        except services.RoosterFout as fout:
            return str(fout)
        return _("U bent afgemeld voor deze dienst. Dank u voor het laten weten.")
    return _("Stuur JA als u komt of NEE als u niet kunt.")
