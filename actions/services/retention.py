"""How long Hygie keeps what it stores, and the sweep that enforces it.

- A **conversation** (the tracker store) is deleted :attr:`RetentionPolicy.conversation`
  after its last event (30 days by default) when its patient consented, and
  :attr:`RetentionPolicy.unconsented` after it (24 hours) when nobody consented: what
  was said without consent is kept only as long as the exchange itself lasts. A
  conversation still in use (reminders keep it alive) loses the events older than the
  period, session by session (Rasa's current session stays whole). A conversation
  whose patient has a request open with the care team is kept until the request is
  closed: the team needs what the patient wrote.
- The **application data** of a patient is purged (as an erasure) when their consent
  was withdrawn, when they have written nothing for :attr:`RetentionPolicy.inactive`
  (365 days by default), or, for someone who never consented (a guided exercise), once
  nothing of theirs is due and :attr:`RetentionPolicy.unconsented` has passed.

The worker runs :func:`plan_retention` then :func:`apply_retention` at each maintenance;
``python -m actions.retention`` shows the plan (and applies it with ``--apply``).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy.engine import Connection, Engine

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
    """What a sweep will delete, and why (each deletion checks again when it runs)."""

    # sender id -> (reason, instant the last event must still be before, Unix seconds)
    conversations: dict[str, tuple[str, float]] = field(default_factory=dict)
    trimmed: dict[str, float] = field(default_factory=dict)  # sender id -> events before
    kept_for_request: list[str] = field(default_factory=list)  # sender ids
    patients: dict[str, str] = field(default_factory=dict)  # patient key -> reason
    last_seen: dict[str, datetime] = field(default_factory=dict)  # patient key -> instant
    inactive_before: datetime | None = None

    def summary(self) -> Counter:
        """Counts by reason, for logs and the command (no identifiers)."""
        counts: Counter = Counter()
        counts.update(f"conversation.{reason}" for reason, _ in self.conversations.values())
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
    plan = RetentionPlan(inactive_before=now - policy.inactive)
    consented_until = (now - policy.conversation).timestamp()
    unconsented_until = (now - policy.unconsented).timestamp()
    with uow:
        patients = uow.patients.list_all()
        by_conversation = {p.conversation_id: p for p in patients}
        consented = uow.consents.consented([p.id for p in patients])
        with_request = {p.id for p in patients if uow.referrals.active_for_patient(p.id)}
        if log is not None:
            horizon = max(consented_until, unconsented_until)  # the shorter period
            for sender_id in conversation_log.idle_conversations(log, horizon):
                patient = by_conversation.get(sender_id)
                last = conversation_log.last_event_at(log, sender_id)
                if patient is not None and patient.id in with_request:
                    plan.kept_for_request.append(sender_id)
                elif patient is not None and patient.id in consented:
                    if last < consented_until:
                        plan.conversations[sender_id] = ("retention_period", consented_until)
                else:
                    plan.conversations[sender_id] = ("no_consent", unconsented_until)
            for sender_id in conversation_log.conversations_older_than(log, horizon):
                patient = by_conversation.get(sender_id)
                if sender_id in plan.conversations or sender_id in plan.kept_for_request:
                    continue
                if patient is not None and patient.id in consented:
                    plan.trimmed[sender_id] = consented_until
                elif patient is None or patient.id not in with_request:
                    plan.trimmed[sender_id] = unconsented_until
            for patient in patients:
                last = conversation_log.last_event_at(log, patient.conversation_id)
                if last is None or (
                    patient.last_seen_at is not None
                    and last <= patient.last_seen_at.timestamp()
                ):
                    continue  # nothing new since the last sweep: nothing to decrypt
                seen = _last_patient_message(log, patient.conversation_id)
                if seen is not None and (patient.last_seen_at is None or seen > patient.last_seen_at):
                    plan.last_seen[patient.id] = seen
        for patient in patients:
            seen = plan.last_seen.get(patient.id) or patient.last_seen_at or patient.created_at
            if patient.id in consented:
                if seen < plan.inactive_before:
                    plan.patients[patient.id] = "inactive"
            elif uow.consents.list_for_patient(patient.id):
                plan.patients[patient.id] = "consent_withdrawn"
            elif seen < now - policy.unconsented and not _has_pending(uow, patient.id):
                # Never consented (a guided exercise): kept while its steps are due.
                plan.patients[patient.id] = "no_consent"
    return plan


def apply_retention(
    plan: RetentionPlan,
    new_uow: Callable[[], UnitOfWork],
    log_engine: Engine | None,
    now: datetime,
) -> Counter:
    """Carry a plan out: record last messages, delete conversations, purge patients.

    Each deletion is its own short transaction and checks its reason again (a message
    or a consent may have come since the plan), so a sweep never holds the tracker
    store's lock for long nor deletes what has just come back to life.

    Args:
        plan: From :func:`plan_retention`.
        new_uow: Makes a fresh unit of work (one per patient purged).
        log_engine: The tracker store's database, or ``None``.
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
    if log_engine is not None:
        for sender_id, (_, before) in plan.conversations.items():
            with log_engine.begin() as log:
                deleted = conversation_log.delete_conversation(log, sender_id, idle_before=before)
            counts["events_deleted"] += deleted
            counts["conversations_deleted"] += 1 if deleted else 0
        for sender_id, before in plan.trimmed.items():
            with log_engine.begin() as log:
                counts["events_deleted"] += conversation_log.trim_conversation(log, sender_id, before)
    for patient_id, reason in plan.patients.items():
        if _still_to_purge(new_uow(), patient_id, reason, plan.inactive_before):
            deleted = erase_patient(new_uow(), patient_id, now, actor="retention")
            counts["patients_purged"] += deleted["patients"]
    return counts


def _has_pending(uow: UnitOfWork, patient_id: str) -> bool:
    return any(
        row.status in ("pending", "claimed")
        for row in uow.notifications.list_for_patient(patient_id)
    )


def _still_to_purge(
    uow: UnitOfWork, patient_id: str, reason: str, inactive_before: datetime | None
) -> bool:
    with uow:
        patient = uow.patients.get(patient_id)
        if patient is None:
            return False
        if reason == "inactive":
            seen = patient.last_seen_at or patient.created_at
            return inactive_before is not None and seen < inactive_before
        return uow.consents.active(patient_id) is None


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
