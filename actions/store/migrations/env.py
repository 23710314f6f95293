"""Alembic environment of the application database.

The URL comes from ``config.attributes["database_url"]`` when a caller sets it (tests,
:mod:`actions.store.migrate`), otherwise from :func:`actions.store.db.database_url`
(``DATABASE_URL`` or ``var/hygie.db``). This folder is not a Python package on purpose:
the action server imports every package under ``actions/``, and this file only runs
inside Alembic.
"""

from __future__ import annotations

from typing import Any

from alembic import context

from actions.store.db import database_url, make_engine
from actions.store.models import Base
from actions.store.types import UTCDateTime

config = context.config
target_metadata = Base.metadata


def render_item(type_: str, obj: Any, autogen_context: Any) -> Any:
    """Write our column types as plain SQLAlchemy types in revision files."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def _configure(**kwargs: Any) -> None:
    context.configure(
        target_metadata=target_metadata,
        compare_type=True,
        render_item=render_item,
        **kwargs,
    )


def run_migrations_offline() -> None:
    """Emit SQL to stdout (``alembic upgrade head --sql``)."""
    url = config.attributes.get("database_url") or database_url()
    _configure(url=url, literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run migrations against the database."""
    url = config.attributes.get("database_url") or database_url()
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            _configure(
                connection=connection,
                render_as_batch=connection.dialect.name == "sqlite",
            )
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
