import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from accounts.models import User
from kern.telefoon import phone_mask, phone_normalize


@pytest.mark.parametrize(
    "typed",
    ["06 12345678", "0612345678", "06-1234 5678", "+31 6 12345678", "0031612345678", "+31612345678"],
)
def test_phone_numbers_are_stored_in_e164_however_they_are_typed(typed):
    assert phone_normalize(typed) == "+31612345678"


@pytest.mark.parametrize("typed", ["hallo", "06 1234", "+31 6 1234567890123", ""])
def test_impossible_numbers_get_a_dutch_message(typed):
    with pytest.raises(ValidationError) as excinfo:
        phone_normalize(typed)
    assert "telefoonnummer" in " ".join(excinfo.value.messages).lower()


def test_masked_numbers_in_logs_hide_the_subscriber():
    assert phone_mask("+31612345678") == "+31******78"
    assert "1234" not in phone_mask("+31612345678")


@pytest.mark.django_db
def test_user_full_clean_normalises_the_phone_number():
    user = User(username="anouk", telefoonnummer="06 12345678")
    user.set_password("een-lang-wachtwoord")
    user.full_clean()
    user.save()
    user.refresh_from_db()
    assert user.telefoonnummer == "+31612345678"


@pytest.mark.django_db
def test_user_full_clean_rejects_a_bad_phone_number_with_a_message():
    user = User(username="bram", telefoonnummer="12")
    user.set_password("een-lang-wachtwoord")
    with pytest.raises(ValidationError) as excinfo:
        user.full_clean()
    assert "telefoonnummer" in excinfo.value.message_dict


@pytest.mark.django_db
def test_one_phone_number_belongs_to_one_user():
    User.objects.create(username="a", telefoonnummer="+31612345678")
    with pytest.raises(IntegrityError):
        User.objects.create(username="b", telefoonnummer="+31612345678")


@pytest.mark.django_db
def test_sms_consent_is_recorded_with_its_moment():
    user = User.objects.create(username="chantal")
    assert not user.sms_toestemming and user.sms_toestemming_op is None
    user.sms_toestemming_geven()
    user.save()
    user.refresh_from_db()
    assert user.sms_toestemming and user.sms_toestemming_op is not None
    given = user.sms_toestemming_op
    user.sms_toestemming_intrekken()
    assert not user.sms_toestemming and user.sms_toestemming_op >= given


@pytest.mark.django_db
def test_email_addresses_are_unique_regardless_of_case():
    User.objects.create(username="a", email="Iemand@Example.nl")
    with pytest.raises(IntegrityError):
        User.objects.create(username="b", email="iemand@example.nl")


@pytest.mark.django_db
def test_users_without_email_do_not_collide():
    User.objects.create(username="a")
    User.objects.create(username="b")
    assert User.objects.count() == 2
