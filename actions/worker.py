"""The reminder worker: delivers due reminders through Rasa.

Run ``python -m actions.worker``.

At start it upgrades the database (idempotent), then loops until SIGTERM or SIGINT:

* every ``HYGIE_WORKER_MAINTENANCE_SECONDS`` (and at start): release the claims of
  dead workers, plan the next 48 hours of dose reminders, record missed doses;
* every ``HYGIE_WORKER_POLL_SECONDS``, or as soon as delivery slots free up: claim due
  reminders (atomically, see :mod:`actions.store.notifications`), deliver them
  concurrently (:mod:`actions.delivery`), record the results in batches
  (:mod:`actions.services.reminder_dispatch`).

On SIGTERM it claims nothing more, waits up to ``SHUTDOWN_GRACE_SECONDS`` (5 s) for
the deliveries in flight, records them, releases the claims still open, and exits 0.

**Delivery guarantee: at least once, with duplicates suppressed.** A reminder is never
lost: a claim left by a worker killed with ``kill -9`` is released after
``HYGIE_STALE_CLAIM_SECONDS`` and claimed again. The HTTP call cannot be atomic with
the database: Rasa may have spoken while the worker died before committing ``sent``.
Marking rows "sending" before the call would not help: after a crash the worker still
would not know whether the call went through, and treating it as sent would drop
reminders. So a row claimed a second time is *in doubt*, and before sending it the
worker reads the conversation's tracker: if Rasa recorded a trigger of this delivery
(its ``notification_id``; after the patient's latest message for a snoozed reminder),
the row is marked sent and nothing is sent again. Each reminder thus reaches Rasa once,
except if Rasa spoke but crashed before saving its tracker, or if the earlier request
was still running when the tracker was read (it would have to outlast the stale-claim
timeout). The Rasa action should stay silent when the same test holds for the events
before its own trigger, which covers the second case too (see
:mod:`actions.services.delivery_contract`).

Settings come from the environment: :mod:`actions.worker_settings`.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
import time
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import QueuePool

from actions.store.db import make_engine, make_session_factory
from actions.store.migrate import upgrade
from actions.worker_loop import ReminderWorker, log_failure
from actions.worker_settings import ConfigurationError, WorkerSettings

logger = logging.getLogger("hygie.worker")


def make_worker_engine(url: str) -> Engine:
    """Create the worker's engine; on a SQLite file, tuned for its single DB thread.

    Connections are kept (``QueuePool``) instead of opened per transaction: closing
    the last connection to a WAL database checkpoints it, milliseconds each time. And
    ``synchronous=NORMAL``: in WAL mode a commit then skips its fsync and the database
    stays consistent; a power cut may undo the last commits, which the worker redoes
    (claims go stale, and the tracker check stops duplicates).
    """
    if make_url(url).get_backend_name() != "sqlite":
        return make_engine(url)
    engine = make_engine(
        url,
        poolclass=QueuePool,
        pool_size=1,
        max_overflow=1,
        connect_args={"check_same_thread": False},  # one thread at a time, the pool's
    )

    @event.listens_for(engine, "connect")
    def _normal_sync(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")

    return engine


async def serve(settings: WorkerSettings) -> None:
    """Run a worker until SIGTERM or SIGINT."""
    engine = make_worker_engine(settings.database_url)
    try:
        worker = ReminderWorker(settings, make_session_factory(engine))
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signal_number in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signal_number, stop.set)
        await worker.run(stop)
        worker.close()
    finally:
        engine.dispose()


def main() -> int:
    """Entry point of ``python -m actions.worker``.

    Returns:
        0 after a clean stop, 2 when the configuration is invalid.
    """
    level = os.environ.get("HYGIE_WORKER_LOG_LEVEL", "").strip().upper() or "INFO"
    if not isinstance(logging.getLevelName(level), int):
        print(f"hygie worker: error: unknown log level {level!r}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)
    try:
        settings = WorkerSettings.from_env()
    except ConfigurationError as error:
        print(f"hygie worker: error: {error}", file=sys.stderr)
        return 2
    _upgrade_database(settings.database_url)
    logger.info(
        "reminder worker %s started: database %r, Rasa %s, concurrency %d, "
        "poll %.2f s, clock offset %+.0f s",
        settings.worker_id,
        make_url(settings.database_url),  # repr() hides the password
        settings.rasa_url,
        settings.concurrency,
        settings.poll_seconds,
        settings.clock_offset.total_seconds(),
    )
    asyncio.run(serve(settings))
    return 0


def _upgrade_database(url: str, tries: int = 3) -> None:
    # Workers starting together on a new database race to create it: the loser
    # fails on an existing table, then finds the schema up to date.
    for attempt_number in range(1, tries + 1):
        try:
            upgrade(url)
            return
        except Exception as error:
            if attempt_number == tries:
                raise
            log_failure("migration", error)
            time.sleep(1.0)


if __name__ == "__main__":
    sys.exit(main())
