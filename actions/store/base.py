"""The declarative base every model is registered on, and its naming convention.

Apart from :mod:`actions.store.models` so that :mod:`actions.store.practice_models`
can use it without importing the models that re-export it.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, MetaData
from sqlalchemy.orm import declarative_base

# Named constraints, so that later migrations (and SQLite batch mode) can refer to them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Base = declarative_base(metadata=MetaData(naming_convention=NAMING_CONVENTION))


def one_of(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    """A check constraint: ``column`` takes one of ``values``."""
    quoted = ", ".join(f"'{value}'" for value in values)
    return CheckConstraint(f"{column} IN ({quoted})", name=name)
