from datetime import timedelta

import pytest
import sqlalchemy as sa

from actions.services.retention import RetentionPolicy, apply_retention, plan_retention
from actions.store import conversation_log
from actions.store.referral_models import Referral
from tests.store.fixtures import NOW, add_due_notifications, add_medication, add_patient

POLICY = RetentionPolicy()


@pytest.fixture
def log(tmp_path):
    engine = conversation_log.make_log_engine(f"sqlite:///{tmp_path / 'tracker.db'}")
    yield engine
    engine.dispose()


def event(log, sender, kind, at, **data):
    with log.begin() as connection:
        connection.execute(conversation_log.EVENTS.insert().values(
            sender_id=sender, type_name=kind, timestamp=at.timestamp(),
            data=conversation_log.seal_event({"event": kind, "timestamp": at.timestamp(), **data})))


def say(log, sender, text, at):
    event(log, sender, "user", at, text=text)


def trigger(log, sender, intent, at):
    event(log, sender, "user", at, text=f"EXTERNAL: {intent}",
          parse_data={"intent": {"name": intent}}, metadata={"is_external": True})


def plan(uow, log, now=NOW):
    with log.connect() as connection:
        return plan_retention(uow, connection, POLICY, now)


def senders(log):
    with log.connect() as connection:
        rows = connection.execute(sa.select(conversation_log.EVENTS.c.sender_id))
        return sorted({row.sender_id for row in rows})


def texts(log, sender):
    with log.connect() as connection:
        return [e.get("text") for e in conversation_log.conversation_events(connection, sender)]


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
    swept = plan(uow, log)
    assert {sender: reason for sender, (reason, _) in swept.conversations.items()} == {
        "sender-p1": "retention_period", "stranger-old": "no_consent"}
    assert swept.kept_for_request == ["sender-p2"] and swept.trimmed == {}
    counts = apply_retention(swept, lambda: uow, log, NOW)
    assert (counts["conversations_deleted"], counts["events_deleted"]) == (2, 2)
    assert senders(log) == ["sender-p2", "stranger-new"]


def test_a_consented_conversation_inside_its_period_stays(uow, log):
    add_patient(uow, "p1")
    say(log, "sender-p1", "bonjour", NOW - timedelta(days=29))
    assert plan(uow, log).conversations == {}


def test_a_message_that_comes_after_the_plan_keeps_the_conversation(uow, log):
    say(log, "stranger", "j'ai mal", NOW - timedelta(days=2))
    swept = plan(uow, log)
    assert list(swept.conversations) == ["stranger"]
    say(log, "stranger", "vous etes la ?", NOW)
    assert apply_retention(swept, lambda: uow, log, NOW)["conversations_deleted"] == 0
    assert texts(log, "stranger") == ["j'ai mal", "vous etes la ?"]


def test_a_conversation_in_use_loses_only_its_old_finished_sessions(uow, log):
    add_patient(uow, "p1")
    event(log, "sender-p1", "session_started", NOW - timedelta(days=40))
    say(log, "sender-p1", "vieux message", NOW - timedelta(days=40))
    event(log, "sender-p1", "session_started", NOW - timedelta(days=1))
    say(log, "sender-p1", "message récent", NOW - timedelta(days=1))
    swept = plan(uow, log)
    assert swept.conversations == {} and list(swept.trimmed) == ["sender-p1"]
    assert apply_retention(swept, lambda: uow, log, NOW)["events_deleted"] == 2
    assert texts(log, "sender-p1") == [None, "message récent"]


def test_a_conversation_in_use_without_consent_keeps_only_its_last_day(uow, log):
    event(log, "stranger", "session_started", NOW - timedelta(hours=30))
    say(log, "stranger", "il y a 30 heures", NOW - timedelta(hours=30))
    event(log, "stranger", "session_started", NOW - timedelta(hours=1))
    say(log, "stranger", "il y a une heure", NOW - timedelta(hours=1))
    swept = plan(uow, log)
    assert swept.trimmed == {"stranger": (NOW - timedelta(hours=24)).timestamp()}
    apply_retention(swept, lambda: uow, log, NOW)
    assert texts(log, "stranger") == [None, "il y a une heure"]


def test_the_last_patient_message_is_recorded_and_triggers_do_not_count(uow, log):
    add_patient(uow, "p1")
    say(log, "sender-p1", "bonjour", NOW - timedelta(days=3))
    trigger(log, "sender-p1", "EXTERNAL_medication_reminder", NOW - timedelta(days=1))
    swept = plan(uow, log)
    assert swept.last_seen == {"p1": NOW - timedelta(days=3)}
    apply_retention(swept, lambda: uow, log, NOW)
    with uow:
        assert uow.patients.get("p1").last_seen_at == NOW - timedelta(days=3)
    assert plan(uow, log).last_seen == {}


def test_inactive_and_withdrawn_patients_are_purged_as_an_erasure(uow, log):
    add_patient(uow, "active")
    add_patient(uow, "inactive")
    add_patient(uow, "withdrawn")
    with uow:
        uow.patients.get("inactive").last_seen_at = NOW - timedelta(days=366)
        uow.patients.get("active").last_seen_at = NOW - timedelta(days=364)
        uow.consents.withdraw("withdrawn", NOW - timedelta(minutes=1))
    swept = plan(uow, log)
    assert swept.patients == {"inactive": "inactive", "withdrawn": "consent_withdrawn"}
    assert apply_retention(swept, lambda: uow, log, NOW)["patients_purged"] == 2
    with uow:
        assert [p.id for p in uow.patients.list_all()] == ["active"]
    assert swept.summary()["patient.inactive"] == 1


def test_someone_who_never_consented_is_kept_while_something_of_theirs_is_due(uow, log):
    add_patient(uow, "exercising", consent=False)  # a guided exercise needs no consent
    add_patient(uow, "helper")
    medication = add_medication(uow, "helper")
    add_due_notifications(uow, medication, 1)
    with uow:
        [row] = uow.notifications.list_for_patient("helper")
        row.patient_id = "exercising"
        uow.patients.get("exercising").created_at = NOW - timedelta(hours=12)
    assert plan(uow, log, NOW + timedelta(days=2)).patients == {}
    with uow:
        uow.notifications.list_for_patient("exercising")[0].status = "sent"
    assert plan(uow, log, NOW + timedelta(days=2)).patients == {"exercising": "no_consent"}
    assert plan(uow, log, NOW).patients == {}  # 12 hours old: kept


def test_a_consent_given_after_the_plan_saves_the_patient(uow, log):
    add_patient(uow, "withdrawn")
    with uow:
        uow.consents.withdraw("withdrawn", NOW - timedelta(minutes=1))
    swept = plan(uow, log)
    assert swept.patients == {"withdrawn": "consent_withdrawn"}
    with uow:
        uow.consents.grant("withdrawn", "2026-12-06.1", NOW)
    assert apply_retention(swept, lambda: uow, log, NOW)["patients_purged"] == 0


def test_without_a_tracker_store_only_patients_are_swept(uow):
    add_patient(uow, "withdrawn")
    with uow:
        uow.consents.withdraw("withdrawn", NOW - timedelta(minutes=1))
    swept = plan_retention(uow, None, POLICY, NOW)
    assert swept.patients == {"withdrawn": "consent_withdrawn"} and swept.conversations == {}
    assert apply_retention(swept, lambda: uow, None, NOW)["patients_purged"] == 1


def test_a_conversation_with_nothing_new_is_not_read_again(uow, log, monkeypatch):
    add_patient(uow, "p1")
    say(log, "sender-p1", "bonjour", NOW - timedelta(days=3))
    apply_retention(plan(uow, log), lambda: uow, log, NOW)
    opened = []
    real = conversation_log.user_events_newest_first
    monkeypatch.setattr(conversation_log, "user_events_newest_first",
                        lambda *args, **kw: opened.append(args[1]) or real(*args, **kw))
    assert plan(uow, log).last_seen == {} and opened == []
    say(log, "sender-p1", "re-bonjour", NOW - timedelta(days=1))
    assert plan(uow, log).last_seen == {"p1": NOW - timedelta(days=1)} and opened == ["sender-p1"]
