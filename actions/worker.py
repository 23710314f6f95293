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
reminders. So a row claimed again without ever having been sent is *in doubt*, and
before sending it the worker reads the conversation's tracker: if Rasa recorded a
trigger with this ``notification_id``, the row is marked sent and nothing is sent again.
Each reminder thus reaches Rasa once, except if Rasa spoke but crashed before saving
its tracker, if the earlier request was still running when the tracker was read (it
would have to outlast the stale-claim timeout), or for a snoozed reminder lost mid-way
(its first delivery is in the tracker, so it is not checked). The Rasa action should
stay silent for a ``notification_id`` already triggered earlier in its tracker (see
:mod:`actions.services.delivery_contract`), which covers the second case too.

Settings come from the environment: :mod:`actions.worker_settings`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from datetime import datetime

import aiohttp
from sqlalchemy.engine import make_url
from sqlalchemy.orm import sessionmaker

from actions.delivery import RasaClient
from actions.services.reminder_dispatch import (
    Attempt,
    Job,
    Outcome,
    claim_jobs,
    record_attempts,
    record_missed_doses,
)
from actions.services.reminder_planning import materialise_notifications
from actions.store.db import make_engine, make_session_factory
from actions.store.migrate import upgrade
from actions.store.unit_of_work import UnitOfWork
from actions.worker_settings import (
    Clock,
    ConfigurationError,
    WorkerSettings,
    offset_clock,
)

logger = logging.getLogger("hygie.worker")

# A failed database write of results is tried again this many times, a second apart.
RECORD_TRIES = 5


class ReminderWorker:
    """Claims due reminders, delivers them through Rasa and records the results.

    Args:
        settings: How to run.
        session_factory: From :func:`actions.store.db.make_session_factory`.
        clock: The current instant; by default the real clock plus the settings'
            offset.
    """

    def __init__(
        self,
        settings: WorkerSettings,
        session_factory: sessionmaker,
        clock: Clock | None = None,
    ) -> None:
        """Prepare a worker; nothing connects before :meth:`run`."""
        self.settings = settings
        self.clock = clock or offset_clock(settings.clock_offset)
        self.counts: Counter = Counter()  # since the last summary line
        self.totals: Counter = Counter()  # since the start
        self._session_factory = session_factory
        self._results: asyncio.Queue[Attempt | None] | None = None

    @contextlib.asynccontextmanager
    async def open_client(self) -> AsyncIterator[RasaClient]:
        """Open an HTTP session to Rasa: ``async with worker.open_client() as c:``."""
        settings = self.settings
        async with aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=settings.request_timeout),
            connector=aiohttp.TCPConnector(limit=settings.concurrency),
        ) as session:
            yield RasaClient(
                session, settings.rasa_url, settings.auth_token, self.clock
            )

    async def maintain(self) -> Counter:
        """Release stale claims, plan reminders, record missed doses.

        Returns:
            Counts: ``stale_released``, ``planned``, ``doses_missed``.
        """
        now = self.clock()
        counts: Counter = Counter()
        counts["stale_released"] = await asyncio.to_thread(self._release_stale, now)
        counts["planned"] = await asyncio.to_thread(
            materialise_notifications, self._uow(), now
        )
        counts["doses_missed"] = await asyncio.to_thread(
            record_missed_doses, self._uow(), now
        )
        self._add(counts)
        return counts

    async def deliver_due(self, client: RasaClient) -> Counter:
        """Deliver every due reminder, a batch at a time, until none is due.

        The step-by-step form of :meth:`run`, for tests and one-off runs.

        Returns:
            Counts of what was claimed, closed and recorded.
        """
        total: Counter = Counter()
        while True:
            jobs, counts = await self._claim(self.settings.concurrency)
            total += counts
            if not counts["claimed"]:
                return total
            attempts = await asyncio.gather(*(client.deliver(job) for job in jobs))
            total += await self._record(list(attempts))

    async def run(self, stop: asyncio.Event) -> None:
        """Work until ``stop`` is set, then finish or release what is in flight."""
        loop = asyncio.get_running_loop()
        self._results = asyncio.Queue()
        concurrency = self.settings.concurrency
        maintenance_seconds = self.settings.maintenance_seconds
        min_batch = max(1, concurrency // 4)  # fewer, larger claim transactions
        in_flight: set[asyncio.Task] = set()
        stop_waiter = asyncio.ensure_future(stop.wait())
        async with self.open_client() as client:
            recorder = asyncio.create_task(self._record_loop())
            next_maintenance = next_summary = loop.time()
            try:
                while not stop.is_set():
                    if loop.time() >= next_maintenance:
                        await self._guarded("maintenance", self.maintain)
                        next_maintenance = loop.time() + maintenance_seconds
                    if loop.time() >= next_summary:
                        self._log_summary()
                        next_summary = loop.time() + maintenance_seconds
                    free = concurrency - len(in_flight)
                    more_due = False
                    if free >= min_batch or not in_flight:
                        claimed = await self._claim_and_start(client, free, in_flight)
                        more_due = claimed >= free
                        if more_due and len(in_flight) < concurrency:
                            continue  # rows closed without sending freed their slots
                    waiters = {stop_waiter}
                    if more_due or free < min_batch:
                        waiters |= in_flight
                    await asyncio.wait(
                        waiters,
                        timeout=self.settings.poll_seconds,
                        return_when=asyncio.FIRST_COMPLETED,
                    )
            finally:
                stop_waiter.cancel()
                await self._finish(in_flight)
                await self._results.put(None)
                await recorder
                self._log_summary(final=True)

    # --- steps -------------------------------------------------------------------

    def _uow(self) -> UnitOfWork:
        return UnitOfWork(self._session_factory)

    def _release_stale(self, now: datetime) -> int:
        with self._uow() as uow:
            return uow.notifications.release_stale_claims(
                now, self.settings.stale_claim_after
            )

    async def _claim(self, limit: int) -> tuple[list[Job], Counter]:
        jobs, counts = await asyncio.to_thread(
            claim_jobs, self._uow(), self.clock(), self.settings.worker_id, limit
        )
        self._add(counts)
        return jobs, counts

    async def _claim_and_start(
        self, client: RasaClient, limit: int, in_flight: set[asyncio.Task]
    ) -> int:
        try:
            jobs, counts = await self._claim(limit)
        except Exception as error:  # the database may be briefly unreachable
            _log_failure("claim", error)
            return 0
        for job in jobs:
            task = asyncio.create_task(self._deliver(client, job))
            in_flight.add(task)
            task.add_done_callback(in_flight.discard)
        return counts["claimed"]

    async def _deliver(self, client: RasaClient, job: Job) -> None:
        assert self._results is not None
        try:
            attempt = await client.deliver(job)
        except asyncio.CancelledError:
            self._results.put_nowait(Attempt(job, Outcome.INTERRUPTED, self.clock()))
            raise
        except Exception as error:  # a bug must not lose the claim's result
            _log_failure("delivery", error)
            attempt = Attempt(job, Outcome.FAILED, self.clock(), type(error).__name__)
        self._results.put_nowait(attempt)

    async def _record(self, attempts: list[Attempt]) -> Counter:
        counts = await asyncio.to_thread(
            record_attempts, self._uow(), attempts, self.settings.worker_id
        )
        self._add(counts)
        return counts

    async def _record_loop(self) -> None:
        assert self._results is not None
        closing = False
        while not closing:
            first = await self._results.get()
            if first is None:
                return
            batch = [first]
            while not self._results.empty():
                item = self._results.get_nowait()
                if item is None:
                    closing = True
                    break
                batch.append(item)
            for attempt_number in range(1, RECORD_TRIES + 1):
                try:
                    await self._record(batch)
                    break
                except Exception as error:
                    _log_failure("recording", error)
                    if attempt_number < RECORD_TRIES:
                        await asyncio.sleep(1.0)
            # If all tries failed, the claims go stale and are checked before resending.

    async def _finish(self, in_flight: set[asyncio.Task]) -> None:
        if not in_flight:
            return
        logger.info("stopping: %d deliveries in flight", len(in_flight))
        grace = self.settings.shutdown_grace
        _, late = await asyncio.wait(set(in_flight), timeout=grace)
        for task in late:
            task.cancel()
        await asyncio.gather(*late, return_exceptions=True)

    async def _guarded(self, what: str, step: Callable) -> None:
        try:
            await step()
        except Exception as error:
            _log_failure(what, error)

    def _add(self, counts: Counter) -> None:
        nonzero = {key: value for key, value in counts.items() if value}
        self.counts.update(nonzero)
        self.totals.update(nonzero)

    def _log_summary(self, final: bool = False) -> None:
        # Counts only: never an id, a name or a conversation at INFO.
        if final:
            logger.info("stopped; since start: %s", _format(self.totals))
        elif self.counts:
            logger.info("reminders: %s", _format(self.counts))
        self.counts.clear()


async def serve(settings: WorkerSettings) -> None:
    """Run a worker until SIGTERM or SIGINT."""
    engine = make_engine(settings.database_url)
    try:
        worker = ReminderWorker(settings, make_session_factory(engine))
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signal_number in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signal_number, stop.set)
        await worker.run(stop)
    finally:
        engine.dispose()


def main() -> int:
    """Entry point of ``python -m actions.worker``.

    Returns:
        0 after a clean stop, 2 when the configuration is invalid.
    """
    level = os.environ.get("HYGIE_WORKER_LOG_LEVEL", "INFO").upper()
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
            _log_failure("migration", error)
            time.sleep(1.0)


def _format(counts: Counter) -> str:
    items = sorted(counts.items())
    return ", ".join(f"{key} {value}" for key, value in items) or "none"


def _log_failure(what: str, error: BaseException) -> None:
    # The class only at ERROR: database errors quote their parameters (patient keys).
    logger.error("%s failed: %s", what, type(error).__name__)
    logger.debug("%s failed", what, exc_info=error)


if __name__ == "__main__":
    sys.exit(main())
