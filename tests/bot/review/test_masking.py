import pytest

from bot.review.masking import EMAIL_MASK, PHONE_MASK, mask, mask_value


@pytest.mark.parametrize("text", [
    "mail me op jan.de-vries+werk@voorbeeld.nl graag",
    "JAN@EXAMPLE.COM",
])
def test_email_addresses_are_hidden(text):
    assert "@" not in mask(text)
    assert EMAIL_MASK in mask(text)


@pytest.mark.parametrize("text", [
    "bel me op 0612345678", "bel 06-12345678", "06 1234 5678", "020-1234567", "+31 6 12345678",
    "+31612345678", "0031 6 1234 5678", "+32 470 12 34 56",
])
def test_phone_numbers_are_hidden(text):
    masked = mask(text)
    assert PHONE_MASK in masked
    assert sum(ch.isdigit() for ch in masked) <= 2


@pytest.mark.parametrize("text", [
    "ik verdien 2800 bruto", "€ 3.111 per maand", "ik werk 32 uur", "ik ben 52", "mbo 4",
    "in 2024 en 2025", "crebo 25300", "vacature VAC-123",
])
def test_ordinary_numbers_stay(text):
    assert mask(text) == text


def test_nested_values_are_masked():
    assert mask_value({"contact": ["jan@example.nl", 3]}) == {"contact": [EMAIL_MASK, 3]}
