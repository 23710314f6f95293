"""Column types shared by the models.

Every instant is stored as a **naive UTC** timestamp (``TIMESTAMP WITHOUT TIME ZONE``
on PostgreSQL, text on SQLite) and handed back to Python as a **timezone-aware UTC**
``datetime``. Naive datetimes are refused on the way in, so a local time can never be
stored by mistake.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy.types import DateTime, Text, TypeDecorator

from actions.store.crypto import decrypt_text, encrypt_text


def utcnow() -> datetime:
    """Return the current instant as a timezone-aware UTC datetime."""
    return datetime.now(timezone.utc)


def to_naive_utc(value: datetime) -> datetime:
    """Convert an aware datetime to naive UTC, the storage form.

    Args:
        value: A timezone-aware datetime, in any zone.

    Returns:
        The same instant in UTC without ``tzinfo``.

    Raises:
        ValueError: If ``value`` is naive.
    """
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("naive datetime refused: pass a timezone-aware datetime")
    return value.astimezone(timezone.utc).replace(tzinfo=None)


class UTCDateTime(TypeDecorator):
    """An instant: aware UTC in Python, naive UTC in the database."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> Any:
        """Store an aware datetime as naive UTC (``None`` passes through)."""
        return None if value is None else to_naive_utc(value)

    def process_result_value(self, value: datetime | None, dialect: Any) -> Any:
        """Read a naive UTC timestamp back as an aware UTC datetime."""
        return None if value is None else value.replace(tzinfo=timezone.utc)


class EncryptedText(TypeDecorator):
    """Health free text: a Fernet token in the database, ``str`` in Python.

    Tokens differ at each write, so such a column cannot be filtered on; none is.
    See :mod:`actions.store.crypto` for the keys.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Any) -> Any:
        """Encrypt with the newest key (``None`` passes through)."""
        return None if value is None else encrypt_text(value)

    def process_result_value(self, value: str | None, dialect: Any) -> Any:
        """Decrypt with any key of the ring."""
        return None if value is None else decrypt_text(value)
