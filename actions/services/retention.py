"""How long Hygie keeps what it stores, and the sweep that enforces it.

- A **conversation** (the tracker store) is deleted :attr:`RetentionPolicy.conversation`
  after its last event (30 days by default) when its patient consented, and
  :attr:`RetentionPolicy.unconsented` after it (24 hours) when nobody consented: what
  was said without consent is kept only as long as the exchange itself lasts. A
  conversation still in use (reminders keep it alive) loses the events older than the
  period, session by session (Rasa's current session stays whole). A conversation
  whose patient has a request open with the care team is kept until the request is
  closed: the team needs what the patient wrote.
- The **application data** of a patient is purged (as an erasure) when no consent is in
  force any more, or when the patient has written nothing for
  :attr:`RetentionPolicy.inactive` (365 days by default).

The worker runs :func:`plan_retention` then :func:`apply_retention` at each maintenance;
``python -m actions.retention`` shows the plan (and applies it with ``--apply``).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy.engine import Connection

from actions.services.delivery_contract import is_patient_message
from actions.services.patient_data import erase_patient
from actions.store import conversation_log
from actions.store.unit_of_work import UnitOfWork

CONVERSATION_DAYS_ENV = "HYGIE_CONVERSATION_RETENTION_DAYS"
UNCONSENTED_HOURS_ENV = "HYGIE_UNCONSENTED_RETENTION_HOURS"
INACTIVE_DAYS_ENV = "HYGIE_INACTIVE_PATIENT_DAYS"


@dataclass(frozen=True)
class RetentionPolicy:
    """The retention periods (see the module docstring)."""

    conversation: timedelta = timedelta(days=30)
    unconsented: timedelta = timedelta(hours=24)
    inactive: timedelta = timedelta(days=365)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> RetentionPolicy:
        """Read the periods from the environment (days, hours, days).

        Raises:
            ValueError: If a value is not a positive number.
        """
        env = os.environ if environ is None else environ
        return cls(
            conversation=timedelta(days=_positive(env, CONVERSATION_DAYS_ENV, 30)),
            unconsented=timedelta(hours=_positive(env, UNCONSENTED_HOURS_ENV, 24)),
            inactive=timedelta(days=_positive(env, INACTIVE_DAYS_ENV, 365)),
        )


@dataclass
class RetentionPlan:
    """What a sweep will delete, and why."""

    conversations: dict[str, str] = field(default_factory=dict)  # sender id -> reason
    trimmed: list[str] = field(default_factory=list)  # sender ids losing old events
    trim_before: float = 0.0  # Unix seconds: events before it, in finished sessions
    kept_for_request: list[str] = field(default_factory=list)  # sender ids
    patients: dict[str, str] = field(default_factory=dict)  # patient key -> reason
    last_seen: dict[str, datetime] = field(default_factory=dict)  # patient key -> instant

    def summary(self) -> Counter:
        """Counts by reason, for logs and the command (no identifiers)."""
        counts: Counter = Counter()
        counts.update(f"conversation.{reason}" for reason in self.conversations.values())
        counts.update(f"patient.{reason}" for reason in self.patients.values())
        counts["conversation.kept_for_request"] = len(self.kept_for_request)
        counts["conversation.trimmed"] = len(self.trimmed)
        return counts


def plan_retention(
    uow: UnitOfWork, log: Connection | None, policy: RetentionPolicy, now: datetime
) -> RetentionPlan:
    """Decide what is past its retention period at ``now``.

    Args:
        uow: A unit of work on the application database (opened here, read only).
        log: A connection to the tracker store's database, or ``None`` (no log).
        policy: The periods.
        now: The current instant (the worker's clock).
    """
    plan = RetentionPlan()
    with uow:
        patients = uow.patients.list_all()
        by_conversation = {p.conversation_id: p for p in patients}
        consented = uow.consents.consented([p.id for p in patients])
        with_request = {p.id for p in patients if uow.referrals.active_for_patient(p.id)}
        if log is not None:
            horizon = (now - min(policy.conversation, policy.unconsented)).timestamp()
            for sender_id in conversation_log.idle_conversations(log, horizon):
                patient = by_conversation.get(sender_id)
                last = datetime.fromtimestamp(
                    conversation_log.last_event_at(log, sender_id), timezone.utc
                )
                if patient is not None and patient.id in with_request:
                    plan.kept_for_request.append(sender_id)
                elif patient is not None and patient.id in consented:
                    if last < now - policy.conversation:
                        plan.conversations[sender_id] = "retention_period"
                else:
                    plan.conversations[sender_id] = "no_consent"
            plan.trim_before = (now - policy.conversation).timestamp()
            for sender_id in conversation_log.conversations_older_than(log, plan.trim_before):
                patient = by_conversation.get(sender_id)
                if sender_id in plan.conversations or sender_id in plan.kept_for_request:
                    continue
                if patient is None or patient.id not in with_request:
                    plan.trimmed.append(sender_id)
            for patient in patients:
                seen = _last_patient_message(log, patient.conversation_id)
                if seen is not None and (patient.last_seen_at is None or seen > patient.last_seen_at):
                    plan.last_seen[patient.id] = seen
        for patient in patients:
            if patient.id not in consented:
                plan.patients[patient.id] = "consent_withdrawn"
                continue
            seen = plan.last_seen.get(patient.id) or patient.last_seen_at or patient.created_at
            if seen < now - policy.inactive:
                plan.patients[patient.id] = "inactive"
    return plan


def apply_retention(
    plan: RetentionPlan, new_uow: Callable[[], UnitOfWork], log: Connection | None, now: datetime
) -> Counter:
    """Carry a plan out: record last messages, delete conversations, purge patients.

    Args:
        plan: From :func:`plan_retention`.
        new_uow: Makes a fresh unit of work (one per patient purged).
        log: The tracker store's connection (committed by the caller), or ``None``.
        now: The current instant, for the audit events.

    Returns:
        ``conversations_deleted``, ``events_deleted`` (trimmed ones included),
        ``patients_purged``.
    """
    counts: Counter = Counter()
    if plan.last_seen:
        with new_uow() as uow:
            for patient_id, seen in plan.last_seen.items():
                patient = uow.patients.get(patient_id)
                if patient is not None:
                    patient.last_seen_at = seen
    if log is not None:
        for sender_id in plan.conversations:
            counts["events_deleted"] += conversation_log.delete_conversation(log, sender_id)
            counts["conversations_deleted"] += 1
        for sender_id in plan.trimmed:
            counts["events_deleted"] += conversation_log.trim_conversation(
                log, sender_id, plan.trim_before
            )
    for patient_id in plan.patients:
        deleted = erase_patient(new_uow(), patient_id, now, actor="retention")
        counts["patients_purged"] += deleted["patients"]
    return counts


def _last_patient_message(log: Connection, sender_id: str) -> datetime | None:
    for event in conversation_log.user_events_newest_first(log, sender_id):
        if is_patient_message(event):
            return datetime.fromtimestamp(float(event["timestamp"]), timezone.utc)
    return None


def _positive(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    value = float(raw) if raw else float(default)
    if value <= 0:
        raise ValueError(f"{name} must be a positive number, got {raw!r}")
    return value
