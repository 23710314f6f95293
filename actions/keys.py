"""The data-key command: rotate the key that encrypts health text at rest.

::

    python -m actions.keys rotate    # new key first, everything re-encrypted with it
    python -m actions.keys retire    # drop the old keys (once nothing needs them)
    python -m actions.keys status    # how many keys, and whether all data uses the newest

``rotate`` puts a new key in front of the key file (running processes read it again
and encrypt with it at once), then re-encrypts every encrypted column of the
application database (``DATABASE_URL``) and every event of the tracker store
(``HYGIE_ENDPOINTS``). The old keys stay until ``retire``, which refuses while any
value still needs one. With keys in ``HYGIE_DATA_KEYS`` instead of a file, put the
new key first there, restart, then run ``rotate --reencrypt-only``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys

import sqlalchemy as sa

from actions.store import conversation_log
from actions.store.crypto import KEYS_ENV_VAR, add_key, key_ring, retire_old_keys
from actions.store.db import database_url, make_engine
from actions.store.migrate import upgrade
from actions.store.models import Base
from actions.store.types import EncryptedText


def encrypted_columns() -> list[sa.Column]:
    """Every column of the application models stored encrypted."""
    return [
        column
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, EncryptedText)
    ]


def reencrypt_application(engine: sa.engine.Engine, batch: int = 500) -> int:
    """Re-encrypt with the newest key every value another key made; return how many.

    A batch of rows at a time, each in its own short transaction.
    """
    ring = key_ring()
    changed = 0
    for column in encrypted_columns():
        table, after = column.table, 0
        while True:
            with engine.begin() as connection:
                rows = connection.execute(
                    sa.select(table.c.id, sa.cast(column, sa.Text))
                    .where(table.c.id > after).order_by(table.c.id).limit(batch)
                ).all()
                for row_id, token in rows:
                    if token is None or ring.is_newest(token):
                        continue
                    connection.execute(
                        sa.update(table).where(table.c.id == row_id)
                        .values({column.name: sa.literal(ring.reencrypt(token), sa.Text)})
                    )
                    changed += 1
            if len(rows) < batch:
                break
            after = rows[-1][0]
    return changed


def stale_values(app: sa.engine.Connection, log: sa.engine.Connection | None) -> int:
    """How many stored values the newest key alone cannot open."""
    ring = key_ring()
    stale = 0
    for column in encrypted_columns():
        raw = sa.select(sa.cast(column, sa.Text)).where(column.is_not(None))
        stale += sum(1 for (token,) in app.execute(raw) if not ring.is_newest(token))
    if log is not None:
        stale += conversation_log.events_needing_old_keys(log)
    return stale


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m actions.keys``; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m actions.keys")
    commands = parser.add_subparsers(dest="command", required=True)
    rotate = commands.add_parser("rotate", help="new key, re-encrypt everything")
    rotate.add_argument("--reencrypt-only", action="store_true")
    commands.add_parser("retire", help="drop the old keys")
    commands.add_parser("status", help="keys and data state")
    args = parser.parse_args(argv)
    url = database_url()
    upgrade(url)
    app_engine = make_engine(url)
    log_url = conversation_log.tracker_db_url()
    log_engine = conversation_log.make_log_engine(log_url) if log_url is not None else None
    try:
        if args.command == "rotate":
            if not args.reencrypt_only:
                if os.environ.get(KEYS_ENV_VAR, "").strip():
                    print(f"{KEYS_ENV_VAR} is set: put the new key first there", file=sys.stderr)
                    return 1
                add_key()
            changed = reencrypt_application(app_engine)
            events = conversation_log.reencrypt_events(log_engine) if log_engine else 0
            print(f"re-encrypted: {changed} application values, {events} conversation events")
        elif args.command == "retire":
            with app_engine.connect() as app, _maybe(log_engine) as log:
                if stale_values(app, log):
                    print("some data still needs an old key: run `rotate` first", file=sys.stderr)
                    return 1
            print(f"retired {retire_old_keys()} old key(s)")
        else:
            with app_engine.connect() as app, _maybe(log_engine) as log:
                stale = stale_values(app, log)
            print(f"{len(key_ring().keys)} key(s); values needing an old key: {stale}")
    finally:
        app_engine.dispose()
        if log_engine is not None:
            log_engine.dispose()
    return 0


def _maybe(engine: sa.engine.Engine | None):
    """A connection to ``engine``, or ``None`` when there is no tracker store."""
    return engine.connect() if engine is not None else contextlib.nullcontext()


if __name__ == "__main__":
    sys.exit(main())
