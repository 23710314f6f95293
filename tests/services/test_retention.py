from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from actions.services.retention import RetentionPolicy, apply_retention, plan_retention
from actions.store import conversation_log
from actions.store.referral_models import Referral
from tests.store.fixtures import NOW, add_patient

POLICY = RetentionPolicy()


@pytest.fixture
def log(tmp_path):
    engine = conversation_log.make_log_engine(f"sqlite:///{tmp_path / 'tracker.db'}")
    with engine.begin() as connection:
        yield connection
    engine.dispose()


def say(log, sender, text, at, external=False):
    event = {"event": "user", "text": text, "timestamp": at.timestamp()}
    if external:
        event.update(text=f"EXTERNAL: {text}", parse_data={"intent": {"name": text}},
                     metadata={"is_external": True})
    log.execute(conversation_log.EVENTS.insert().values(
        sender_id=sender, type_name="user", timestamp=at.timestamp(),
        data=conversation_log.seal_event(event)))


def senders(log):
    return sorted({row.sender_id for row in log.execute(sa.select(conversation_log.EVENTS.c.sender_id))})


def test_periods_come_from_the_environment():
    assert RetentionPolicy.from_env({}) == RetentionPolicy(
        timedelta(days=30), timedelta(hours=24), timedelta(days=365))
    policy = RetentionPolicy.from_env({"HYGIE_CONVERSATION_RETENTION_DAYS": "7",
                                       "HYGIE_UNCONSENTED_RETENTION_HOURS": "2",
                                       "HYGIE_INACTIVE_PATIENT_DAYS": "90"})
    assert policy == RetentionPolicy(timedelta(days=7), timedelta(hours=2), timedelta(days=90))
    with pytest.raises(ValueError):
        RetentionPolicy.from_env({"HYGIE_CONVERSATION_RETENTION_DAYS": "0"})


def test_conversations_go_after_their_period_and_stay_while_a_request_is_open(uow, log):
    add_patient(uow, "p1")  # consented, conversation sender-p1
    add_patient(uow, "p2")  # consented, a request open
    with uow:
        uow.referrals.add(Referral(patient_id="p2", reason="ordonnance", urgency="soon",
                                   contact="ici", created_at=NOW - timedelta(days=40),
                                   updated_at=NOW - timedelta(days=40)))
    say(log, "sender-p1", "bonjour", NOW - timedelta(days=31))
    say(log, "sender-p2", "bonjour", NOW - timedelta(days=40))
    say(log, "stranger-old", "j'ai mal", NOW - timedelta(hours=25))
    say(log, "stranger-new", "j'ai mal", NOW - timedelta(hours=23))
    say(log, "sender-p1-recent", "x", NOW - timedelta(days=29))  # nobody's: no consent
    plan = plan_retention(uow, log, POLICY, NOW)
    assert plan.conversations == {"sender-p1": "retention_period", "stranger-old": "no_consent",
                                  "sender-p1-recent": "no_consent"}
    assert plan.kept_for_request == ["sender-p2"]
    counts = apply_retention(plan, lambda: uow, log, NOW)
    assert counts["conversations_deleted"] == len(plan.conversations)
    assert "sender-p2" in senders(log) and "stranger-new" in senders(log)
    assert "sender-p1" not in senders(log) and "stranger-old" not in senders(log)


def test_a_consented_conversation_inside_its_period_stays(uow, log):
    add_patient(uow, "p1")
    say(log, "sender-p1", "bonjour", NOW - timedelta(days=29))
    assert plan_retention(uow, log, POLICY, NOW).conversations == {}


def test_the_last_patient_message_is_recorded_and_triggers_do_not_count(uow, log):
    add_patient(uow, "p1")
    say(log, "sender-p1", "bonjour", NOW - timedelta(days=3))
    say(log, "sender-p1", "EXTERNAL_medication_reminder", NOW - timedelta(days=1), external=True)
    plan = plan_retention(uow, log, POLICY, NOW)
    assert plan.last_seen == {"p1": NOW - timedelta(days=3)}
    apply_retention(plan, lambda: uow, log, NOW)
    with uow:
        assert uow.patients.get("p1").last_seen_at == NOW - timedelta(days=3)
    assert plan_retention(uow, log, POLICY, NOW).last_seen == {}


def test_inactive_or_unconsented_patients_are_purged_as_an_erasure(uow, log):
    add_patient(uow, "active")
    add_patient(uow, "inactive")
    add_patient(uow, "withdrawn", consent=False)
    with uow:
        uow.patients.get("inactive").last_seen_at = NOW - timedelta(days=366)
        uow.patients.get("active").last_seen_at = NOW - timedelta(days=364)
    plan = plan_retention(uow, log, POLICY, NOW)
    assert plan.patients == {"inactive": "inactive", "withdrawn": "consent_withdrawn"}
    counts = apply_retention(plan, lambda: uow, log, NOW)
    assert counts["patients_purged"] == 2
    with uow:
        assert [p.id for p in uow.patients.list_all()] == ["active"]
    assert plan.summary()["patient.inactive"] == 1


def test_without_a_tracker_store_only_patients_are_swept(uow):
    add_patient(uow, "withdrawn", consent=False)
    plan = plan_retention(uow, None, POLICY, NOW)
    assert plan.patients == {"withdrawn": "consent_withdrawn"} and plan.conversations == {}


def test_a_conversation_in_use_loses_only_its_old_finished_sessions(uow, log):
    add_patient(uow, "p1")

    def event(kind, at, **data):
        log.execute(conversation_log.EVENTS.insert().values(
            sender_id="sender-p1", type_name=kind, timestamp=at.timestamp(),
            data=conversation_log.seal_event({"event": kind, "timestamp": at.timestamp(), **data})))

    event("session_started", NOW - timedelta(days=40))
    event("user", NOW - timedelta(days=40), text="vieux message")
    event("session_started", NOW - timedelta(days=1))
    event("user", NOW - timedelta(days=1), text="message récent")
    plan = plan_retention(uow, log, POLICY, NOW)
    assert plan.conversations == {} and plan.trimmed == ["sender-p1"]
    assert apply_retention(plan, lambda: uow, log, NOW)["events_deleted"] == 2
    left = [e.get("text") for e in conversation_log.conversation_events(log, "sender-p1")]
    assert left == [None, "message récent"]
