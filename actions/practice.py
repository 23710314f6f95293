"""The practice's command line: load the practice file, show a day, mark attendance.

::

    python -m actions.practice load [data/practice/demo.yml]
    python -m actions.practice day "Dr Claire Martin" 2026-12-01
    python -m actions.practice no-show 42
    python -m actions.practice done 42

The database is ``DATABASE_URL`` (default ``var/hygie.db``), upgraded first. ``load``
is idempotent. ``day`` prints each appointment's time, type and status with a
pseudonymous patient reference, never a name.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from sqlalchemy.engine import make_url

from actions.services.appointment_answers import mark_attendance
from actions.services.appointment_views import day_schedule
from actions.services.practice import PRACTICE_FILE, PracticeError, load_practice
from actions.services.practice_store import sync_practice
from actions.store.db import database_url, make_engine, make_session_factory
from actions.store.migrate import upgrade
from actions.store.types import utcnow
from actions.store.unit_of_work import UnitOfWork

STATUS_WORDS = {
    "booked": "réservé",
    "confirmed": "confirmé",
    "cancelled": "annulé",
    "no_show": "absent",
    "done": "honoré",
}


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m actions.practice``.

    Returns:
        0 on success, 1 when the command could not be done, 2 on a usage error.
    """
    args = _parser().parse_args(argv)
    url = database_url()
    upgrade(url)
    engine = make_engine(url)
    uow = UnitOfWork(make_session_factory(engine))
    try:
        return args.run(args, uow, url)
    finally:
        engine.dispose()


def _load(args: argparse.Namespace, uow: UnitOfWork, url: str) -> int:
    try:
        practice = load_practice(Path(args.path))
    except PracticeError as error:
        print(f"practice: error: {error}", file=sys.stderr)
        return 1
    counts = sync_practice(uow, practice, utcnow())
    summary = ", ".join(f"{name} {counts[name]}" for name in sorted(counts)) or "none"
    print(
        f"practice {practice.key!r} loaded into {make_url(url)!r}: "
        f"{len(practice.practitioners)} practitioners, {len(practice.types)} "
        f"appointment types; changes: {summary}"
    )
    return 0


def _day(args: argparse.Namespace, uow: UnitOfWork, url: str) -> int:
    try:
        entries = day_schedule(uow, args.practitioner, date.fromisoformat(args.day))
    except LookupError as error:
        print(f"practice: error: {error}", file=sys.stderr)
        return 1
    print(f"{args.practitioner}, {args.day}: {len(entries)} rendez-vous")
    for entry in entries:
        mode = " (téléconsultation)" if entry.teleconsultation else ""
        print(
            f"  {entry.local_start}-{entry.local_end}  #{entry.appointment_id:<6} "
            f"{entry.type_label}{mode}  {STATUS_WORDS.get(entry.status, entry.status)}"
            f"  patient {entry.patient_ref}"
        )
    return 0


def _mark(args: argparse.Namespace, uow: UnitOfWork, url: str) -> int:
    status = "no_show" if args.command == "no-show" else "done"
    if not mark_attendance(uow, args.appointment_id, status, utcnow()):
        print(
            f"practice: error: appointment {args.appointment_id} not found, "
            "cancelled or not started yet",
            file=sys.stderr,
        )
        return 1
    print(f"appointment {args.appointment_id}: {STATUS_WORDS[status]}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m actions.practice")
    commands = parser.add_subparsers(dest="command", required=True)
    load = commands.add_parser("load", help="load the practice file (idempotent)")
    load.add_argument("path", nargs="?", default=str(PRACTICE_FILE))
    load.set_defaults(run=_load)
    day = commands.add_parser("day", help="a practitioner's appointments of a day")
    day.add_argument("practitioner", help="key (dr-claire-martin) or display name")
    day.add_argument("day", help="YYYY-MM-DD (the practice's local day)")
    day.set_defaults(run=_day)
    for name in ("no-show", "done"):
        mark = commands.add_parser(name, help=f"mark a started appointment {name}")
        mark.add_argument("appointment_id", type=int)
        mark.set_defaults(run=_mark)
    return parser


if __name__ == "__main__":
    sys.exit(main())
