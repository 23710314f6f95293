import sqlalchemy as sa
from cryptography.fernet import Fernet

from actions import keys
from actions.store import conversation_log, crypto
from actions.store.db import make_engine, make_session_factory
from actions.store.migrate import upgrade
from actions.store.unit_of_work import UnitOfWork
from tests.store.fixtures import add_medication, add_patient


def setup_stores(tmp_path, monkeypatch):
    monkeypatch.delenv(crypto.KEYS_ENV_VAR, raising=False)
    monkeypatch.setenv(crypto.KEY_FILE_ENV_VAR, str(tmp_path / "keys" / "data.keys"))
    app_url = f"sqlite:///{tmp_path / 'hygie.db'}"
    monkeypatch.setenv("DATABASE_URL", app_url)
    (tmp_path / "endpoints.yml").write_text(
        "tracker_store:\n  type: connectors.tracker_store.EncryptedSQLTrackerStore\n"
        f"  dialect: sqlite\n  db: {tmp_path / 'tracker.db'}\n", encoding="utf-8")
    monkeypatch.setenv("HYGIE_ENDPOINTS", str(tmp_path / "endpoints.yml"))
    upgrade(app_url)
    engine = make_engine(app_url)
    uow = UnitOfWork(make_session_factory(engine))
    add_patient(uow)
    add_medication(uow, name="Kardégic", dose="1 sachet")
    log_engine = conversation_log.make_log_engine(conversation_log.tracker_db_url())
    with log_engine.begin() as log:
        log.execute(conversation_log.EVENTS.insert().values(
            sender_id="s1", type_name="user", timestamp=1.0,
            data=conversation_log.seal_event({"event": "user", "text": "je pense à en finir"})))
    return engine, uow, log_engine


def raw(engine, sql):
    with engine.connect() as connection:
        return connection.execute(sa.text(sql)).all()


def test_rotation_reencrypts_everything_and_retiring_keeps_it_readable(tmp_path, monkeypatch, capsys):
    engine, uow, log_engine = setup_stores(tmp_path, monkeypatch)
    [old_key] = crypto.load_keys()
    [(old_name, old_dose)] = raw(engine, "SELECT name, dose FROM medications")
    [(old_event,)] = raw(log_engine, "SELECT data FROM events")

    assert keys.main(["rotate"]) == 0
    assert "re-encrypted: 2 application values, 1 conversation events" in capsys.readouterr().out
    new_key, kept = crypto.load_keys()
    assert kept == old_key
    [(name, dose)] = raw(engine, "SELECT name, dose FROM medications")
    [(event,)] = raw(log_engine, "SELECT data FROM events")
    assert {name, dose, event}.isdisjoint({old_name, old_dose, old_event})
    for token in (name, dose, event):
        Fernet(new_key).decrypt(token.encode())

    assert keys.main(["retire"]) == 0
    assert crypto.load_keys() == [new_key]
    with uow:
        medication = uow.medications.list_for_patient("p1")[0]
        assert (medication.name, medication.dose) == ("Kardégic", "1 sachet")
    with log_engine.connect() as log:
        assert conversation_log.conversation_events(log, "s1")[0]["text"] == "je pense à en finir"
    engine.dispose()
    log_engine.dispose()


def test_retiring_is_refused_while_a_value_needs_an_old_key(tmp_path, monkeypatch, capsys):
    engine, uow, log_engine = setup_stores(tmp_path, monkeypatch)
    [old_key] = crypto.load_keys()
    crypto.add_key()  # a new key, nothing re-encrypted yet
    assert keys.main(["status"]) == 0
    assert "2 key(s); values needing an old key: 3" in capsys.readouterr().out
    assert keys.main(["retire"]) == 1
    assert len(crypto.load_keys()) == 2
    assert keys.main(["rotate", "--reencrypt-only"]) == 0
    assert keys.main(["retire"]) == 0
    assert len(crypto.load_keys()) == 1
    engine.dispose()
    log_engine.dispose()


def test_reencryption_goes_a_batch_at_a_time_and_misses_nothing(tmp_path, monkeypatch):
    engine, uow, log_engine = setup_stores(tmp_path, monkeypatch)
    with log_engine.begin() as log:
        for index in range(4):
            log.execute(conversation_log.EVENTS.insert().values(
                sender_id="s2", type_name="user", timestamp=2.0 + index,
                data=conversation_log.seal_event({"event": "user", "text": f"message {index}"})))
    crypto.add_key()
    assert conversation_log.reencrypt_events(log_engine, batch=2) == 5
    assert keys.reencrypt_application(engine, batch=1) == 2
    with log_engine.connect() as log:
        assert conversation_log.events_needing_old_keys(log) == 0
        texts = [e["text"] for e in conversation_log.conversation_events(log, "s2")]
    assert texts == [f"message {index}" for index in range(4)]
    engine.dispose()
    log_engine.dispose()
