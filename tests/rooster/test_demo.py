"""The demo roster: shifts for the demo werkplaatsen, volunteers signed up, and only once."""

from collections import Counter

from rooster.demo import rooster_demo_seed
from rooster.models import Dienst, Inschrijving
from tests.rooster.conftest import spreekuur


def test_demo_seed_generates_and_signs_up_once(world):
    spreekuur(world["centrum"], 1, "09:00", "12:00")
    spreekuur(world["centrum"], 3, "13:00", "16:00")
    added = rooster_demo_seed([world["centrum"]])
    assert Dienst.objects.filter(werkplaats=world["centrum"]).count() == 15  # 7 Tuesdays (today's has begun) and 8 Thursdays
    assert added == Inschrijving.objects.count() > 0
    # Some shifts stay short (one of a minimum of two), for the coordinator view.
    per_dienst = Counter(Inschrijving.objects.values_list("dienst_id", flat=True))
    assert set(per_dienst.values()) == {1, 2}
    assert rooster_demo_seed([world["centrum"]]) == 0
    assert Inschrijving.objects.count() == added
