"""The demo seed adds a believable year of walk-ins, quickly and only once."""

from collections import Counter
from datetime import timedelta

import pytest

from inloop.demo import inloop_demo_seed
from inloop.models import Bezoek, BezoekTelling
from kern.clock import AMSTERDAM
from kern.clock import now as clock_now
from tests.factories import UserFactory, gemeente_create, lidmaatschap_create, werkplaats_create


@pytest.fixture
def zes(db):
    gemeente = gemeente_create()
    werkplaatsen = [werkplaats_create(gemeente, title=f"Werkplaats {i}") for i in range(6)]
    for w in werkplaatsen:
        lidmaatschap_create(UserFactory(), w)
    return werkplaatsen


def test_a_year_of_about_2400_visits_busier_in_january_and_the_tax_weeks(zes):
    added = inloop_demo_seed(zes)
    assert 2100 <= added <= 2700
    assert Bezoek.objects.count() == added
    per_month = Counter(a.astimezone(AMSTERDAM).month for a in Bezoek.objects.values_list("aangekomen", flat=True))
    average = added / 12
    assert per_month[1] > average * 1.2
    assert per_month[3] > average * 1.3 and per_month[4] > average * 1.3
    assert per_month[7] < average
    oldest = Bezoek.objects.order_by("aangekomen").first().aangekomen
    assert clock_now() - oldest < timedelta(days=366)
    # The rollup agrees with the visits.
    assert sum(BezoekTelling.objects.filter(dimensie="bezoek").values_list("aantal", flat=True)) == added
    # History is not "logged just now": nobody can edit last year's visits as their author.
    assert not Bezoek.objects.filter(aangemaakt__gte=clock_now() - timedelta(hours=1)).exists()


def test_running_the_seed_twice_adds_nothing(zes):
    inloop_demo_seed(zes)
    count = Bezoek.objects.count()
    assert inloop_demo_seed(zes) == 0
    assert Bezoek.objects.count() == count
