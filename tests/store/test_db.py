from sqlalchemy import text

from actions import defaults
from actions.store.db import (
    SQLITE_BUSY_TIMEOUT_MS,
    database_url,
    insert_ignoring_conflicts,
    make_engine,
)
from actions.store.models import Patient
from actions.store.unit_of_work import UnitOfWork
from tests.store.fixtures import add_patient


def test_database_url_defaults_to_a_sqlite_file_under_var(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setattr(defaults, "VAR_DIR", tmp_path / "var")
    assert database_url() == f"sqlite:///{tmp_path / 'var' / 'hygie.db'}"
    assert (tmp_path / "var").is_dir()


def test_database_url_from_the_environment(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://u:p@db/hygie")
    assert database_url() == "postgresql://u:p@db/hygie"


def test_sqlite_engine_pragmas(sqlite_url):
    engine = make_engine(sqlite_url)
    with engine.connect() as connection:
        pragma = lambda name: connection.execute(text(f"PRAGMA {name}")).scalar()  # noqa: E731
        assert pragma("foreign_keys") == 1
        assert pragma("journal_mode") == "wal"
        assert pragma("busy_timeout") == SQLITE_BUSY_TIMEOUT_MS
    engine.dispose()


def test_in_memory_sqlite_engine_has_foreign_keys():
    engine = make_engine("sqlite://")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_insert_ignoring_conflicts_counts_new_rows_only(uow):
    add_patient(uow, "p1")
    rows = [
        {"id": "p1", "channel": "rest", "conversation_id": "x", "created_at": _now()},
        {"id": "p2", "channel": "rest", "conversation_id": "y", "created_at": _now()},
    ]
    with uow:
        assert insert_ignoring_conflicts(uow.session, Patient, rows) == 1
        assert insert_ignoring_conflicts(uow.session, Patient, rows) == 0
        assert insert_ignoring_conflicts(uow.session, Patient, []) == 0
    with UnitOfWork(uow._session_factory) as check:
        assert check.patients.get("p1").channel == "socketio"
        assert check.patients.get("p2").time_zone == "Europe/Paris"


def _now():
    from tests.store.fixtures import NOW

    return NOW
