"""Benchmark the reminder worker: 1,000 doses due in the same minute.

Creates N patients, each with a consent and a daily medication whose dose falls in the
same minute, starts the worker (``python -m actions.worker``, as in production: it
plans the reminders itself) against a local fake Rasa that answers after a set latency,
and prints dispatch throughput and lateness (``sent_at - due_at``).

The worker's clock is moved forward with ``HYGIE_CLOCK_OFFSET_SECONDS`` so that the
minute comes a few seconds after it starts, instead of waiting for the next real one.

Usage::

    .venv/bin/python scripts/bench_reminders.py            # SQLite file in a temp dir
    .venv/bin/python scripts/bench_reminders.py --workers 2 --latency-ms 50
    HYGIE_TEST_POSTGRES_URL=postgresql://… .venv/bin/python scripts/bench_reminders.py

A PostgreSQL database (``--database-url`` or ``HYGIE_TEST_POSTGRES_URL``) is emptied
first, so its name must contain "test" or "bench".
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from alembic import command  # noqa: E402
from sqlalchemy import and_, func, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from actions.defaults import DEFAULT_TIME_ZONE  # noqa: E402
from actions.store.db import make_engine, make_session_factory  # noqa: E402
from actions.store.migrate import alembic_config  # noqa: E402
from actions.store.models import (  # noqa: E402
    Consent,
    Medication,
    Notification,
    Patient,
)
from actions.store.unit_of_work import UnitOfWork  # noqa: E402
from tests.actions.fake_rasa import TOKEN, FakeRasa  # noqa: E402

# Seconds between the worker's start and the dose minute (start-up and planning).
LEAD_SECONDS = 8.0


def parse_args() -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reminders", type=int, default=1000)
    parser.add_argument("--latency-ms", type=float, default=20.0, help="fake Rasa")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--concurrency", type=int, default=20, help="per worker")
    parser.add_argument("--poll-seconds", type=float, default=1.0)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("HYGIE_TEST_POSTGRES_URL", ""),
        help="default: HYGIE_TEST_POSTGRES_URL, else a SQLite file in a temp dir",
    )
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds")
    return parser.parse_args()


def prepare_database(url: str) -> None:
    """Bring a scratch database to an empty latest schema."""
    name = make_url(url).database or ""
    if not url.startswith("sqlite") and not ("test" in name or "bench" in name):
        sys.exit(f"refusing to empty database {name!r}: its name lacks test/bench")
    config = alembic_config(url)
    command.downgrade(config, "base")
    command.upgrade(config, "head")


def seed(uow: UnitOfWork, count: int, dose_minute: datetime) -> None:
    """Create ``count`` consenting patients with a daily dose at ``dose_minute``."""
    local = dose_minute.astimezone(ZoneInfo(DEFAULT_TIME_ZONE))
    entered = dose_minute - timedelta(days=1)
    with uow:
        uow.session.add_all(
            Patient(id=f"bench-{n}", channel="socketio", conversation_id=f"conv-{n}")
            for n in range(count)
        )
        uow.flush()
        uow.session.add_all(
            Consent(patient_id=f"bench-{n}", notice_version="bench", granted_at=entered)
            for n in range(count)
        )
        uow.session.add_all(
            Medication(
                patient_id=f"bench-{n}",
                name="Doliprane",
                dose="1 comprimé",
                times_of_day=[local.strftime("%H:%M")],
                recurrence="daily",
                start_date=local.date(),
                created_at=entered,
                updated_at=entered,
            )
            for n in range(count)
        )


def sent_times(uow: UnitOfWork, dose_minute: datetime) -> list[datetime]:
    """The ``sent_at`` of the dose reminders of that minute already sent."""
    with uow:
        statement = select(Notification.sent_at).where(_sent(dose_minute))
        return list(uow.session.execute(statement).scalars())


def sent_count(uow: UnitOfWork, dose_minute: datetime) -> int:
    """How many dose reminders of that minute are sent."""
    with uow:
        statement = select(func.count()).where(_sent(dose_minute))
        return uow.session.execute(statement).scalar_one()


def _sent(dose_minute: datetime):
    return and_(
        Notification.kind == "medication_dose",
        Notification.scheduled_at == dose_minute,
        Notification.status == "sent",
    )


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def start_workers(args, url: str, rasa: FakeRasa, offset: float, logs: Path) -> list:
    """Start the worker processes, their logs in ``logs``."""
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "RASA_URL": rasa.url,
        "RASA_AUTH_TOKEN": TOKEN,
        "HYGIE_WORKER_CONCURRENCY": str(args.concurrency),
        "HYGIE_WORKER_POLL_SECONDS": str(args.poll_seconds),
        "HYGIE_CLOCK_OFFSET_SECONDS": f"{offset:.3f}",
    }
    processes = []
    for n in range(args.workers):
        log = open(logs / f"worker{n}.log", "w")  # open while the worker runs
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "actions.worker"],
                cwd=REPO_ROOT,
                env={**env, "HYGIE_WORKER_ID": f"bench-{n}"},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
    return processes


def main() -> int:
    """Run the benchmark and print its figures."""
    args = parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="hygie-bench-"))
    url = args.database_url or f"sqlite:///{scratch / 'hygie.db'}"
    label = "PostgreSQL" if url.startswith("postgresql") else "SQLite file"
    prepare_database(url)
    engine = make_engine(url)
    uow = UnitOfWork(make_session_factory(engine))

    # The dose minute, in the worker's shifted clock: two minutes ahead of real time.
    real_now = datetime.now(timezone.utc)
    dose_minute = real_now.replace(second=0, microsecond=0) + timedelta(minutes=2)
    seed(uow, args.reminders, dose_minute)

    rasa = FakeRasa(latency=args.latency_ms / 1000).start()
    offset = (dose_minute - datetime.now(timezone.utc)).total_seconds() - LEAD_SECONDS
    processes = start_workers(args, url, rasa, offset, scratch)
    print(
        f"{args.reminders} doses due at the same minute; {args.workers} worker(s) x "
        f"concurrency {args.concurrency}, poll {args.poll_seconds} s; fake Rasa "
        f"latency {args.latency_ms:g} ms; {label}",
        flush=True,
    )
    deadline = time.monotonic() + LEAD_SECONDS + args.timeout
    try:
        while sent_count(uow, dose_minute) < args.reminders:
            stopped = any(process.poll() is not None for process in processes)
            if stopped or time.monotonic() > deadline:
                print(f"error: a worker stopped or timed out; logs in {scratch}")
                return 1
            time.sleep(0.25)
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        codes = [process.wait(60) for process in processes]
        rasa.stop()

    sent = sent_times(uow, dose_minute)
    engine.dispose()
    lateness = [(moment - dose_minute).total_seconds() for moment in sent]
    spread = (max(sent) - min(sent)).total_seconds()
    duplicates = sum(n - 1 for n in Counter(rasa.delivered()).values() if n > 1)
    print(f"delivered: {len(sent)}, duplicates at Rasa: {duplicates}, exits {codes}")
    print(
        f"dispatch throughput: {len(sent) / max(spread, 1e-9):.0f} reminders/s "
        f"(first to last delivery in {spread:.2f} s)"
    )
    print(
        "lateness (sent_at - due_at): "
        f"p50 {percentile(lateness, 0.50):.2f} s, "
        f"p95 {percentile(lateness, 0.95):.2f} s, max {max(lateness):.2f} s"
    )
    if duplicates or any(codes):
        print(f"error: see the logs in {scratch}")
        return 1
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
