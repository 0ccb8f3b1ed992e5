"""Hides e-mail addresses and phone numbers in everything staff see or export."""

from __future__ import annotations

import re
from typing import Any

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Dutch numbers (06-12345678, 020 123 4567, +31 6 1234 5678, 0031...) and other
# international ones: a + or 0 start and 9 to 13 more digits with spaces or dashes.
PHONE = re.compile(r"(?<![\w+])(?:\+|00)\d{1,3}[\s-]?(?:\(0\)[\s-]?)?(?:\d[\s-]?){7,11}\d(?!\d)"
                   r"|(?<![\w+])0(?:[\s-]?\d){9}(?!\d)")
EMAIL_MASK = "[e-mail verborgen]"
PHONE_MASK = "[telefoonnummer verborgen]"


def mask(text: Any) -> str:
    if text is None:
        return ""
    return PHONE.sub(PHONE_MASK, EMAIL.sub(EMAIL_MASK, str(text)))


def mask_value(value: Any) -> Any:
    """Masks strings inside slot values and metadata (lists and dicts too)."""
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, list):
        return [mask_value(v) for v in value]
    if isinstance(value, dict):
        return {k: mask_value(v) for k, v in value.items()}
    return value
