import importlib
import os
import pkgutil
import subprocess
import sys

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

import actions
from actions.defaults import REPO_ROOT
from actions.store.db import make_engine
from actions.store.migrate import alembic_config, upgrade
from actions.store.models import Base

TABLES = {
    "patients",
    "consents",
    "medications",
    "notifications",
    "dose_outcomes",
    "audit_events",
}


def schema_diff(url: str) -> list:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True}
            )
            return compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()


def current_revision(url: str) -> str:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def test_migrated_sqlite_schema_equals_the_models(sqlite_url):
    upgrade(sqlite_url)
    assert schema_diff(sqlite_url) == []
    engine = make_engine(sqlite_url)
    assert TABLES <= set(inspect(engine).get_table_names())
    engine.dispose()


@pytest.mark.postgres
def test_migrated_postgres_schema_equals_the_models(postgres_url):
    assert schema_diff(postgres_url) == []
    assert current_revision(postgres_url) == head_revision()


def test_upgrade_is_idempotent_and_downgrade_removes_everything(sqlite_url):
    upgrade(sqlite_url)
    upgrade(sqlite_url)
    assert current_revision(sqlite_url) == head_revision()
    command.downgrade(alembic_config(sqlite_url), "base")
    engine = make_engine(sqlite_url)
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    engine.dispose()


def test_migrate_module_upgrades_the_database_from_the_environment(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    env = {**os.environ, "DATABASE_URL": url}
    for _ in range(2):  # the second run finds nothing to do
        result = subprocess.run(
            [sys.executable, "-m", "actions.store.migrate"],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert "latest revision" in result.stdout
    assert current_revision(url) == head_revision()


def test_migrate_module_does_not_print_the_password(monkeypatch, capsys):
    calls = []
    monkeypatch.setenv("DATABASE_URL", "postgresql://hygie:s3cret@db/hygie")
    monkeypatch.setattr("actions.store.migrate.upgrade", calls.append)
    from actions.store.migrate import main

    main()
    assert "s3cret" not in capsys.readouterr().out
    assert calls == ["postgresql://hygie:s3cret@db/hygie"]


def test_the_action_server_can_import_every_module_of_actions():
    # rasa-sdk imports every submodule of `actions` at start-up: Alembic's env.py,
    # which only runs inside Alembic, must not be one of them.
    names = [name for _, name, _ in pkgutil.walk_packages(actions.__path__, "actions.")]
    for name in names:
        importlib.import_module(name)
    assert "actions.store.migrate" in names
    assert not any("migrations" in name for name in names)
