"""Free text is erased after the gemeente's retention period; the counts stay (issue 10 item 13)."""

from datetime import timedelta

from inloop import services
from inloop.bewaartermijn import vrije_tekst_wissen
from inloop.models import Bezoek, BezoekTelling, Signaal, SignaalMelding, Wachtnummer
from inloop.selectors import signalen_voor


def _bezoek(world, notitie):
    return services.bezoek_log(
        werkplaats=world["centrum"],
        door=world["vrijwilliger"],
        onderwerpen=[world["onderwerpen"]["schulden"]],
        uitkomst="ter_plekke",
        duur_minuten=15,
        notitie=notitie,
    )


def _overgedragen_nummer(world):
    nummer = services.wachtnummer_trekken(werkplaats=world["centrum"])
    services.wachtnummer_roep(wachtnummer=nummer, door=world["vrijwilliger"])
    return services.wachtnummer_afronden(
        wachtnummer=nummer, door=world["vrijwilliger"], status="overgedragen", overgedragen_aan="budgetcoach Els"
    )


def test_old_free_text_goes_and_the_counts_stay(world, clock):
    start = clock.moment
    oud_bezoek = _bezoek(world, "kwam met buurvrouw Els")
    oud_signaal = services.signaal_melden(
        werkplaats=world["centrum"], door=world["vrijwilliger"], titel="Brief CJIB onleesbaar", categorie="brief"
    )
    oud_nummer = _overgedragen_nummer(world)
    clock.set(start + timedelta(days=80))
    nieuw_bezoek = _bezoek(world, "vraag over toeslag")
    telling_voor = sum(BezoekTelling.objects.values_list("aantal", flat=True))

    clock.set(start + timedelta(days=91))  # Zwolle keeps free text 90 days (the default)
    gewist = vrije_tekst_wissen()

    assert gewist == {"bezoeken": 1, "signalen": 1, "wachtnummers": 1}
    oud_bezoek.refresh_from_db()
    assert oud_bezoek.notitie == "" and Bezoek.objects.count() == 2
    assert Bezoek.objects.get(pk=nieuw_bezoek.pk).notitie == "vraag over toeslag"
    oud_signaal.refresh_from_db()
    assert oud_signaal.gewist and "CJIB" not in oud_signaal.titel
    assert SignaalMelding.objects.get(signaal=oud_signaal).gemeld_door is None
    assert oud_signaal.categorie == "brief"
    [signaal] = signalen_voor(user=world["beleid"])
    assert signaal.aantal == 1  # still counted
    nummer = Wachtnummer.objects.get(pk=oud_nummer.pk)
    assert nummer.overgedragen_aan == "" and nummer.geroepen_door is None and nummer.afgerond_op is not None
    assert sum(BezoekTelling.objects.values_list("aantal", flat=True)) == telling_voor
    assert vrije_tekst_wissen() == {"bezoeken": 0, "signalen": 0, "wachtnummers": 0}


def test_each_gemeente_sets_its_own_period(world, clock):
    start = clock.moment
    world["kampen"].bewaartermijn_vrije_tekst_dagen = 30
    world["kampen"].save()
    zwolle = _bezoek(world, "notitie in Zwolle")
    kampen = services.bezoek_log(
        werkplaats=world["kampen_w"],
        door=world["vrijwilliger_kampen"],
        onderwerpen=[world["onderwerpen_kampen"]["schulden"]],
        uitkomst="ter_plekke",
        duur_minuten=15,
        notitie="notitie in Kampen",
    )
    clock.set(start + timedelta(days=31))
    vrije_tekst_wissen()
    assert Bezoek.objects.get(pk=kampen.pk).notitie == ""
    assert Bezoek.objects.get(pk=zwolle.pk).notitie == "notitie in Zwolle"


def test_a_signal_reported_again_lately_keeps_its_text(world, clock):
    start = clock.moment
    signaal = services.signaal_melden(
        werkplaats=world["centrum"], door=world["vrijwilliger"], titel="Wachttijd bij het loket", categorie="regel"
    )
    clock.set(start + timedelta(days=85))
    services.signaal_ook_gezien(signaal=signaal, werkplaats=world["centrum"], door=world["vrijwilliger2"])
    clock.set(start + timedelta(days=95))
    vrije_tekst_wissen()
    assert Signaal.objects.get(pk=signaal.pk).titel == "Wachttijd bij het loket"
