"""The reminder worker's loop: claim due reminders, deliver them, record the results.

:class:`ReminderWorker` is what ``python -m actions.worker`` runs (see
:mod:`actions.worker` for the process, its signals and the delivery guarantee). Its
rules and transactions live in :mod:`actions.services.reminder_dispatch`, its HTTP
calls in :mod:`actions.delivery`; this module schedules them: one thread for the
database, deliveries in parallel on the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

import aiohttp
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
from actions.services.mood import materialise_mood_checkins
from actions.services.reminder_planning import materialise_notifications
from actions.services.retention import apply_retention, plan_retention
from actions.store import conversation_log
from actions.store.unit_of_work import UnitOfWork
from actions.worker_settings import Clock, WorkerSettings, offset_clock

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
        self._db_thread = ThreadPoolExecutor(1, thread_name_prefix="hygie-db")
        self._token_refused = False  # said once, not for every reminder
        self._log_engine: Any = None  # the tracker store's database, opened lazily

    def close(self) -> None:
        """Stop the worker's database thread (after :meth:`run`)."""
        self._db_thread.shutdown()
        if self._log_engine is not None:
            self._log_engine.dispose()

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
        """Release stale claims, plan reminders, record missed doses, purge steps,
        enforce retention.

        Returns:
            Counts: ``stale_released``, ``planned`` (doses and mood check-ins),
            ``doses_missed``, ``steps_purged`` (exercise steps due over an hour ago),
            and those of :func:`actions.services.retention.apply_retention`.
        """
        now = self.clock()
        counts: Counter = Counter()
        counts["stale_released"] = await self._in_db_thread(self._release_stale, now)
        counts["planned"] = await self._in_db_thread(
            materialise_notifications, self._uow(), now
        )
        counts["planned"] += await self._in_db_thread(
            materialise_mood_checkins, self._uow(), now
        )
        counts["doses_missed"] = await self._in_db_thread(
            record_missed_doses, self._uow(), now
        )
        counts["steps_purged"] = await self._in_db_thread(self._purge_steps, now)
        counts += await self._in_db_thread(self._enforce_retention, now)
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

    async def _in_db_thread(self, function: Callable, *args: object) -> Any:
        # One thread for the database: the event loop never blocks on it, and this
        # process's claims and writes never wait for each other's lock (SQLite).
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._db_thread, function, *args)

    def _purge_steps(self, now: datetime) -> int:
        with self._uow() as uow:
            return uow.exercise_steps.delete_old(now)

    def _enforce_retention(self, now: datetime) -> Counter:
        if self._log_engine is None and self.settings.tracker_db_url is not None:
            self._log_engine = conversation_log.make_log_engine(self.settings.tracker_db_url)
        if self._log_engine is None:
            plan = plan_retention(self._uow(), None, self.settings.retention, now)
        else:
            with self._log_engine.connect() as log:
                plan = plan_retention(self._uow(), log, self.settings.retention, now)
        return apply_retention(plan, self._uow, self._log_engine, now)

    def _release_stale(self, now: datetime) -> int:
        with self._uow() as uow:
            return uow.notifications.release_stale_claims(
                now, self.settings.stale_claim_after
            )

    async def _claim(self, limit: int) -> tuple[list[Job], Counter]:
        jobs, counts = await self._in_db_thread(
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
            log_failure("claim", error)
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
            log_failure("delivery", error)
            attempt = Attempt(job, Outcome.FAILED, self.clock(), type(error).__name__)
        self._warn_about(attempt)
        self._results.put_nowait(attempt)

    def _warn_about(self, attempt: Attempt) -> None:
        # The notification id and the status only: never the conversation.
        if attempt.outcome is Outcome.REFUSED:
            logger.warning(
                "notification %s refused by Rasa (%s): undeliverable",
                attempt.job.notification_id,
                attempt.error,
            )
        elif attempt.error in ("http_401", "http_403") and not self._token_refused:
            self._token_refused = True
            logger.error(
                "Rasa refuses the token (%s): check RASA_AUTH_TOKEN", attempt.error
            )

    async def _record(self, attempts: list[Attempt]) -> Counter:
        counts = await self._in_db_thread(
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
                    log_failure("recording", error)
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
            log_failure(what, error)

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


def _format(counts: Counter) -> str:
    items = sorted(counts.items())
    return ", ".join(f"{key} {value}" for key, value in items) or "none"


def log_failure(what: str, error: BaseException) -> None:
    """Log a failed step: its exception class at ERROR, the traceback at DEBUG.

    Only the class at ERROR: database errors quote their parameters (patient keys).
    """
    logger.error("%s failed: %s", what, type(error).__name__)
    logger.debug("%s failed", what, exc_info=error)
