import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from tests.factories import gemeente_create, werkplaats_create
from werkplaatsen.models import WerkplaatsPage


@pytest.mark.django_db
def test_a_werkplaats_belongs_to_the_gemeente_whose_site_it_is_in():
    zwolle = gemeente_create(naam="Zwolle", cbs_code="GM0193")
    kampen = gemeente_create(naam="Kampen", cbs_code="GM0166")
    assert werkplaats_create(zwolle).gemeente == zwolle
    assert werkplaats_create(kampen).gemeente == kampen
    assert set(zwolle.werkplaatsen.all()) != set(kampen.werkplaatsen.all())


@pytest.mark.django_db
def test_a_werkplaats_outside_every_gemeentes_site_is_refused():
    stray_parent = Page.get_first_root_node().add_child(instance=Page(title="Los", slug="los"))
    with pytest.raises(ValidationError):
        stray_parent.add_child(
            instance=WerkplaatsPage(
                title="Zwerver", slug="zwerver", straat="A 1", postcode="8011 AB", plaats="X"
            )
        )


@pytest.mark.django_db
def test_postcode_is_stored_in_the_usual_notation():
    zwolle = gemeente_create()
    page = werkplaats_create(zwolle, postcode="8011mc")
    page.full_clean()
    assert page.postcode == "8011 MC"


@pytest.mark.django_db
def test_each_gemeente_has_its_own_site_and_cbs_code():
    zwolle = gemeente_create(naam="Zwolle", cbs_code="GM0193")
    kampen = gemeente_create(naam="Kampen", cbs_code="GM0166")
    assert zwolle.site != kampen.site
    assert kampen.site.hostname == "kampen.localhost"
