"""The retention command: what the worker's sweep will delete, and applying it now.

::

    python -m actions.retention            # the plan: counts by reason
    python -m actions.retention --apply    # carry it out at once

The databases are ``DATABASE_URL`` (default ``var/hygie.db``) and the tracker store of
``HYGIE_ENDPOINTS`` (default ``endpoints.yml``); the periods come from the same
environment variables as the worker's (:mod:`actions.services.retention`). Only
pseudonymous references are printed (a hash of the conversation id, the start of the
patient key), never a sender id or a message.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import sys

from actions.services.retention import RetentionPolicy, apply_retention, plan_retention
from actions.store import conversation_log
from actions.store.db import database_url, make_engine, make_session_factory
from actions.store.migrate import upgrade
from actions.store.types import utcnow
from actions.store.unit_of_work import UnitOfWork


def reference(sender_id: str) -> str:
    """A conversation named without its sender id (a web chat session id opens its
    history): the first 12 hex digits of its SHA-256."""
    return "#" + hashlib.sha256(sender_id.encode("utf-8")).hexdigest()[:12]


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m actions.retention``; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m actions.retention", description=__doc__.split("\n")[0])
    parser.add_argument("--apply", action="store_true", help="delete now what the plan lists")
    args = parser.parse_args(argv)
    url = database_url()
    upgrade(url)
    engine = make_engine(url)
    factory = make_session_factory(engine)
    log_url = conversation_log.tracker_db_url()
    log_engine = conversation_log.make_log_engine(log_url) if log_url is not None else None
    policy = RetentionPolicy.from_env()
    now = utcnow()
    try:
        with (log_engine.connect() if log_engine is not None else contextlib.nullcontext()) as log:
            plan = plan_retention(UnitOfWork(factory), log, policy, now)
        print(
            f"retention: conversations {policy.conversation.days} days after the last "
            f"message ({policy.unconsented.total_seconds() / 3600:g} hours without "
            f"consent), patients inactive {policy.inactive.days} days"
        )
        for sender_id, (reason, _) in sorted(plan.conversations.items()):
            print(f"conversation {reference(sender_id)}: delete ({reason})")
        for sender_id in sorted(plan.trimmed):
            print(f"conversation {reference(sender_id)}: delete its old events")
        for sender_id in plan.kept_for_request:
            print(f"conversation {reference(sender_id)}: kept (request to the care team open)")
        for patient_id, reason in sorted(plan.patients.items()):
            print(f"patient {patient_id[:12]}: purge ({reason})")
        if not (plan.conversations or plan.trimmed or plan.patients):
            print("nothing to delete")
        if args.apply:
            counts = apply_retention(plan, lambda: UnitOfWork(factory), log_engine, now)
            print("applied: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    finally:
        engine.dispose()
        if log_engine is not None:
            log_engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
