"""The conversation log (Rasa's SQL tracker store) as health data.

Rasa keeps a conversation as rows of one table, ``events`` (``sender_id``,
``type_name``, ``timestamp``, ``intent_name``, ``action_name``, ``data``). Hygie's
tracker store (:mod:`connectors.tracker_store`) writes ``data`` — the event's JSON,
with the patient's text, slots, intent and action names — as a Fernet token
(:mod:`actions.store.crypto`) and leaves ``intent_name`` and ``action_name`` empty;
only the sender id, the event type and the instant stay readable, which is what
Rasa needs to find a conversation's latest session.

This module is the one place that knows that table: the tracker store seals and
opens events with it, the worker deletes idle conversations (retention), the export
reads a whole conversation, the key command re-encrypts it. It imports nothing from
Rasa: the tracker store's database is named by the ``tracker_store`` section of the
endpoints file (``HYGIE_ENDPOINTS``, default ``endpoints.yml``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import yaml
from sqlalchemy.engine import URL, Connection, make_url

from actions.defaults import REPO_ROOT
from actions.store.crypto import InvalidToken, decrypt_text, encrypt_text, key_file_path, key_ring

ENDPOINTS_ENV_VAR = "HYGIE_ENDPOINTS"
# The slot the erasure action sets last: the tracker store then deletes the whole
# conversation instead of saving the turn (see connectors/tracker_store.py).
CONVERSATION_ERASED_SLOT = "conversation_erased"

_metadata = sa.MetaData()
EVENTS = sa.Table(
    "events",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False, index=True),
    sa.Column("type_name", sa.String(255), nullable=False),
    sa.Column("timestamp", sa.Float),
    sa.Column("intent_name", sa.String(255)),
    sa.Column("action_name", sa.String(255)),
    sa.Column("data", sa.Text),
)


def seal_event(event: dict[str, Any]) -> str:
    """Return an event (its ``as_dict()`` form) as stored: an encrypted JSON."""
    return encrypt_text(json.dumps(event, ensure_ascii=False))


def open_event(stored: str) -> dict[str, Any]:
    """Return the event dict of a stored ``data`` value."""
    return json.loads(decrypt_text(stored))


def is_erasure(event: dict[str, Any]) -> bool:
    """Whether an event (dict form) is the erasure action's last word."""
    return (
        event.get("event") == "slot"
        and event.get("name") == CONVERSATION_ERASED_SLOT
        and event.get("value") is True
    )


def tracker_db_url(endpoints_file: str | Path | None = None) -> URL | None:
    """The URL of the tracker store's database, read from the endpoints file.

    Args:
        endpoints_file: ``HYGIE_ENDPOINTS`` or ``endpoints.yml`` by default.

    Returns:
        ``None`` when the endpoints name no SQL tracker store (in-memory Rasa).
    """
    path = Path(endpoints_file or os.environ.get(ENDPOINTS_ENV_VAR) or REPO_ROOT / "endpoints.yml")
    text = os.path.expandvars(path.read_text(encoding="utf-8"))
    store = (yaml.safe_load(text) or {}).get("tracker_store") or {}
    kind = str(store.get("type", ""))
    if kind != "SQL" and not kind.endswith("SQLTrackerStore"):
        return None
    host = store.get("host")
    if host and "://" in str(host):
        return make_url(str(host))
    dialect = store.get("dialect", "sqlite")
    db = str(store.get("db", "rasa.db"))
    if dialect == "sqlite" and not Path(db).is_absolute():
        db = str(REPO_ROOT / db)  # Rasa resolves it from its working directory, the root
    return URL.create(
        dialect,
        username=store.get("username"),
        password=store.get("password"),
        host=host,
        port=int(store["port"]) if store.get("port") else None,
        database=db,
        query=store.get("query") or {},
    )


def make_log_engine(url: URL | str) -> sa.engine.Engine:
    """An engine on the tracker store's database, its table created if missing."""
    engine = sa.create_engine(url, future=True)
    overwrite_deleted_rows(engine)
    _metadata.create_all(engine)
    return engine


# How long a SQLite writer waits for another's lock (Rasa, the worker, the key command).
SQLITE_BUSY_TIMEOUT_MS = 30_000


def overwrite_deleted_rows(engine: sa.engine.Engine) -> None:
    """On SQLite, have deleted rows overwritten in the file (``secure_delete``: an
    erased conversation must not stay readable in a free page), and wait for a busy
    database instead of failing at once (an erasure must not be lost to a sweep)."""
    if engine.dialect.name != "sqlite":
        return

    @sa.event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()


def check_events_open(connection: Connection) -> None:
    """Decrypt the newest stored event; fail loudly if the keys cannot (a lost or
    wrong key file would otherwise make every conversation start again, unsaved)."""
    newest = connection.execute(
        sa.select(EVENTS.c.data).where(EVENTS.c.data.is_not(None))
        .order_by(EVENTS.c.id.desc()).limit(1)
    ).scalar()
    if newest is None:
        return
    try:
        decrypt_text(newest)
    except InvalidToken:
        raise RuntimeError(
            f"the data keys cannot open the stored conversations: restore the key file "
            f"({key_file_path()}) or HYGIE_DATA_KEYS that encrypted them"
        ) from None


def seal_plaintext_events(connection: Connection) -> int:
    """Encrypt the events an older, plain tracker store wrote (their JSON starts with
    ``{``; a Fernet token never does); return how many."""
    rows = connection.execute(
        sa.select(EVENTS.c.id, EVENTS.c.data).where(EVENTS.c.data.like("{%"))
    ).all()
    for row_id, data in rows:
        connection.execute(
            EVENTS.update().where(EVENTS.c.id == row_id).values(
                data=encrypt_text(data), intent_name=None, action_name=None
            )
        )
    return len(rows)


def conversation_events(connection: Connection, sender_id: str) -> list[dict[str, Any]]:
    """Every event of a conversation, all sessions, oldest first, decrypted."""
    rows = connection.execute(
        sa.select(EVENTS.c.data).where(EVENTS.c.sender_id == sender_id).order_by(EVENTS.c.id)
    )
    return [open_event(data) for (data,) in rows]


def delete_conversation(
    connection: Connection, sender_id: str, idle_before: float | None = None
) -> int:
    """Delete a conversation's events for good; return how many rows went.

    Args:
        connection: On the tracker store's database.
        sender_id: The conversation.
        idle_before: If given, delete only while the last event is still older than
            this (Unix seconds): a message that came meanwhile keeps the conversation.
    """
    statement = EVENTS.delete().where(EVENTS.c.sender_id == sender_id)
    if idle_before is not None:
        last = (
            sa.select(sa.func.max(EVENTS.c.timestamp))
            .where(EVENTS.c.sender_id == sender_id)
            .scalar_subquery()
        )
        statement = statement.where(last < idle_before)
    return connection.execute(statement).rowcount


def idle_conversations(connection: Connection, before: float) -> list[str]:
    """Sender ids whose last event is older than ``before`` (Unix seconds), sorted."""
    last = sa.func.max(EVENTS.c.timestamp)
    rows = connection.execute(
        sa.select(EVENTS.c.sender_id).group_by(EVENTS.c.sender_id).having(last < before)
        .order_by(EVENTS.c.sender_id)
    )
    return [sender_id for (sender_id,) in rows]


def conversations_older_than(connection: Connection, before: float) -> list[str]:
    """Sender ids with at least one event older than ``before`` (Unix seconds), sorted."""
    rows = connection.execute(
        sa.select(EVENTS.c.sender_id).group_by(EVENTS.c.sender_id)
        .having(sa.func.min(EVENTS.c.timestamp) < before).order_by(EVENTS.c.sender_id)
    )
    return [sender_id for (sender_id,) in rows]


def trim_conversation(connection: Connection, sender_id: str, before: float) -> int:
    """Delete a conversation's events older than ``before`` that belong to a finished
    session (the current session stays whole, as Rasa reads it); return how many."""
    current = connection.execute(
        sa.select(sa.func.max(EVENTS.c.timestamp)).where(
            EVENTS.c.sender_id == sender_id, EVENTS.c.type_name == "session_started"
        )
    ).scalar()
    if current is None:
        return 0
    return connection.execute(
        EVENTS.delete().where(
            EVENTS.c.sender_id == sender_id, EVENTS.c.timestamp < min(before, current)
        )
    ).rowcount


def last_event_at(connection: Connection, sender_id: str) -> float | None:
    """The instant (Unix seconds) of a conversation's last event, if any."""
    return connection.execute(
        sa.select(sa.func.max(EVENTS.c.timestamp)).where(EVENTS.c.sender_id == sender_id)
    ).scalar()


def reencrypt_events(engine: sa.engine.Engine, batch: int = 500) -> int:
    """Re-encrypt with the newest key every event another key made; return how many.

    A batch at a time, each in its own short transaction: Rasa keeps writing meanwhile.
    """
    ring = key_ring()
    changed, after = 0, 0
    while True:
        with engine.begin() as connection:
            rows = connection.execute(
                sa.select(EVENTS.c.id, EVENTS.c.data)
                .where(EVENTS.c.id > after).order_by(EVENTS.c.id).limit(batch)
            ).all()
            for row_id, data in rows:
                if data is not None and not ring.is_newest(data):
                    connection.execute(
                        EVENTS.update().where(EVENTS.c.id == row_id)
                        .values(data=ring.reencrypt(data))
                    )
                    changed += 1
        if len(rows) < batch:
            return changed
        after = rows[-1][0]


def events_needing_old_keys(connection: Connection) -> int:
    """How many stored events the newest key alone cannot open."""
    ring = key_ring()
    rows = connection.execute(sa.select(EVENTS.c.data).where(EVENTS.c.data.is_not(None)))
    return sum(1 for (data,) in rows if not ring.is_newest(data))


def user_events_newest_first(
    connection: Connection, sender_id: str, limit: int = 50
) -> list[dict[str, Any]]:
    """The conversation's last ``user`` events (patient messages and API triggers),
    newest first, decrypted."""
    rows = connection.execute(
        sa.select(EVENTS.c.data)
        .where(EVENTS.c.sender_id == sender_id, EVENTS.c.type_name == "user")
        .order_by(EVENTS.c.id.desc())
        .limit(limit)
    ).all()
    return [open_event(data) for (data,) in rows]
