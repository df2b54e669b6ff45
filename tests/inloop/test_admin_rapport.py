"""The inloop report in the Wagtail admin: scoped per gemeente, small counts hidden, exportable."""

from django.contrib.auth.models import Permission

from inloop import services


def _admin_access(user):
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))


def _visits(world, werkplaats, door, n):
    topics = world["onderwerpen_kampen"] if werkplaats == world["kampen_w"] else world["onderwerpen"]
    for _ in range(n):
        services.bezoek_log(
            werkplaats=werkplaats, door=door, onderwerpen=[topics["schulden"]], uitkomst="ter_plekke", duur_minuten=9
        )


def test_beleidsmedewerker_sees_own_gemeente_with_small_counts_hidden(world, client):
    _visits(world, world["centrum"], world["vrijwilliger"], 3)
    _visits(world, world["kampen_w"], world["vrijwilliger_kampen"], 8)
    _admin_access(world["beleid"])
    client.force_login(world["beleid"])
    page = client.get("/beheer/inloop/rapport/").content.decode()
    assert "Werkplaats Centrum" in page and "Werkplaats Zuid" in page
    assert "Werkplaats Kampen" not in page
    assert "&lt;5" in page
    response = client.get("/beheer/inloop/rapport/?export=csv")
    export = b"".join(response.streaming_content).decode()
    assert "<5" in export and "Werkplaats Kampen" not in export


def test_coordinator_sees_exact_counts_of_own_werkplaats(world, client):
    _visits(world, world["centrum"], world["vrijwilliger"], 3)
    _admin_access(world["coordinator"])
    client.force_login(world["coordinator"])
    page = client.get("/beheer/inloop/rapport/").content.decode()
    assert "Werkplaats Centrum" in page and "Werkplaats Zuid" not in page and "&lt;5" not in page


def test_admin_user_without_a_report_role_is_refused(world, client):
    _admin_access(world["vrijwilliger"])
    client.force_login(world["vrijwilliger"])
    response = client.get("/beheer/inloop/rapport/")
    # Wagtail turns a refusal into a redirect to its dashboard with a "no permission" message.
    assert response.status_code == 302 and response["Location"] == "/beheer/"
    response = client.get("/beheer/inloop/rapport/?export=csv")
    assert response.status_code == 302
