"""Engine and session factories, and the few statements that differ by dialect.

There is no module-level engine or session: the action server, the worker and the tests
each build their own from a URL, so nothing connects at import time.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from actions.defaults import var_dir

# How long a SQLite writer waits for another one before "database is locked".
SQLITE_BUSY_TIMEOUT_MS = 30_000


def database_url() -> str:
    """Return the application database URL.

    ``DATABASE_URL`` wins when set (e.g. ``postgresql://user:pw@host/hygie``); otherwise
    a SQLite file ``var/hygie.db`` at the repository root, whose folder is created.

    Returns:
        A SQLAlchemy database URL.
    """
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return url
    return f"sqlite:///{var_dir() / 'hygie.db'}"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine for ``url``.

    SQLite connections get foreign keys on, WAL journaling (file databases) and a busy
    timeout, so that several processes (action server, workers) can share one file,
    and ``secure_delete``, so that an erased row is overwritten in the file, not left in
    a free page.

    Args:
        url: A SQLAlchemy database URL.
        **kwargs: Passed on to :func:`sqlalchemy.create_engine`.

    Returns:
        A SQLAlchemy 1.4 engine in 2.0 style (``future=True``).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        kwargs.setdefault("pool_pre_ping", True)
        return create_engine(url, future=True, **kwargs)

    connect_args = dict(kwargs.pop("connect_args", {}))
    connect_args.setdefault("timeout", SQLITE_BUSY_TIMEOUT_MS / 1000)
    engine = create_engine(url, future=True, connect_args=connect_args, **kwargs)
    in_memory = parsed.database in (None, "", ":memory:")

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA secure_delete=ON")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    return engine


def make_session_factory(engine: Engine) -> sessionmaker:
    """Create the session factory a unit of work opens its sessions with.

    Objects stay readable after commit (``expire_on_commit=False``): a unit of work
    closes its session on exit, and callers still read what it returned.

    Args:
        engine: The engine from :func:`make_engine`.

    Returns:
        A ``sessionmaker`` producing 2.0-style sessions.
    """
    return sessionmaker(bind=engine, future=True, expire_on_commit=False)


def dialect_name(session: Session) -> str:
    """Return the dialect of the session's connection, e.g. ``"sqlite"``."""
    return session.get_bind().dialect.name


def insert_ignoring_conflicts(
    session: Session, table: Any, rows: Iterable[Mapping[str, Any]]
) -> int:
    """Insert rows, silently skipping those that break a unique constraint.

    This is ``INSERT … ON CONFLICT DO NOTHING`` on PostgreSQL and SQLite, so two
    processes inserting the same row at once cannot fail each other.

    Args:
        session: The current session (not committed here).
        table: A model class or ``Table``.
        rows: Column values, one mapping per row.

    Returns:
        How many rows were inserted.
    """
    rows = [dict(row) for row in rows]
    if not rows:
        return 0
    insert = _dialect_insert(session)
    inserted = 0
    for row in rows:  # rowcount per statement is reliable on every driver
        statement = insert(table).values(**row).on_conflict_do_nothing()
        inserted += session.execute(statement).rowcount
    return inserted


def insert_many_ignoring_conflicts(
    session: Session, table: Any, rows: Iterable[Mapping[str, Any]]
) -> None:
    """Like :func:`insert_ignoring_conflicts`, as one statement run for every row.

    Much faster for many rows; the number inserted is not known (drivers do not
    report it reliably for a statement run many times).

    Args:
        session: The current session (not committed here).
        table: A model class (its ``__table__`` is used) or a ``Table``.
        rows: Column values, one mapping per row, all with the same keys.
    """
    rows = [dict(row) for row in rows]
    if not rows:
        return
    target = getattr(table, "__table__", table)
    statement = _dialect_insert(session)(target).on_conflict_do_nothing()
    session.execute(statement, rows)


def _dialect_insert(session: Session) -> Any:
    name = dialect_name(session)
    if name == "postgresql":
        return postgresql.insert
    if name == "sqlite":
        return sqlite.insert
    raise NotImplementedError(f"unsupported database dialect: {name}")
