import os
import subprocess
import sys

from sqlalchemy import select

from actions.defaults import REPO_ROOT
from actions.store.db import make_engine, make_session_factory
from actions.store.models import AuditEvent
from actions.store.unit_of_work import UnitOfWork
from actions.services.staff_accounts import authenticate

PASSWORD = "s3cret-Password-42"


def staff_command(url, *args, password=None, stdin=subprocess.DEVNULL):
    env = {**os.environ, "DATABASE_URL": url}
    env.pop("HYGIE_STAFF_PASSWORD", None)
    if password is not None:
        env["HYGIE_STAFF_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "actions.staff", *args],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120,
        stdin=stdin,
    )


def test_add_list_disable(tmp_path):
    url = f"sqlite:///{tmp_path / 'staff.db'}"
    added = staff_command(
        url, "add", "dupont", "--name", "Infirmière Dupont", password=PASSWORD
    )
    assert added.returncode == 0, added.stderr
    assert "dupont" in added.stdout and PASSWORD not in added.stdout + added.stderr

    again = staff_command(url, "add", "dupont", "--name", "X", password=PASSWORD)
    assert again.returncode == 1 and "existe déjà" in again.stderr

    short = staff_command(url, "add", "martin", "--name", "Dr Martin", password="court")
    assert short.returncode == 1 and "10 caractères" in short.stderr

    listed = staff_command(url, "list")
    assert listed.stdout.splitlines() == ["dupont\tInfirmière Dupont\tactif"]

    engine = make_engine(url)
    uow = UnitOfWork(make_session_factory(engine))
    assert authenticate(uow, "dupont", PASSWORD) is not None

    disabled = staff_command(url, "disable", "dupont")
    assert disabled.returncode == 0, disabled.stderr
    assert staff_command(url, "list").stdout.endswith("désactivé\n")
    assert authenticate(uow, "dupont", PASSWORD) is None
    assert staff_command(url, "disable", "nobody").returncode == 1
    with uow:
        actions = uow.session.execute(select(AuditEvent.action)).scalars().all()
    # The refused sign-in of the disabled account is audited too.
    assert actions == ["staff.created", "staff.disabled", "staff.sign_in_failed"]
    engine.dispose()


def test_a_locked_account_is_listed_as_such_and_unlock_lets_it_sign_in(tmp_path):
    url = f"sqlite:///{tmp_path / 'staff.db'}"
    assert staff_command(
        url, "add", "dupont", "--name", "Infirmière Dupont", password=PASSWORD
    ).returncode == 0
    engine = make_engine(url)
    uow = UnitOfWork(make_session_factory(engine))
    for _ in range(5):
        assert authenticate(uow, "dupont", "wrong password") is None
    assert authenticate(uow, "dupont", PASSWORD) is None  # locked
    listed = staff_command(url, "list").stdout
    assert listed.startswith("dupont\tInfirmière Dupont\tactif, verrouillé jusqu'au ")

    unlocked = staff_command(url, "unlock", "Dupont")
    assert unlocked.returncode == 0, unlocked.stderr
    assert "déverrouillé" in unlocked.stdout
    assert staff_command(url, "list").stdout == "dupont\tInfirmière Dupont\tactif\n"
    assert authenticate(uow, "dupont", PASSWORD) is not None
    assert staff_command(url, "unlock", "nobody").returncode == 1
    with uow:
        rows = uow.session.execute(
            select(AuditEvent.actor, AuditEvent.action).where(
                AuditEvent.action.in_(["staff.locked", "staff.unlocked"])
            )
        ).all()
    assert rows == [("staff:1", "staff.locked"), ("staff:1", "staff.unlocked")]
    engine.dispose()


def test_add_without_a_terminal_nor_the_variable_says_what_to_do(tmp_path):
    url = f"sqlite:///{tmp_path / 'staff.db'}"
    result = staff_command(url, "add", "dupont", "--name", "Dupont")
    assert result.returncode == 1 and "HYGIE_STAFF_PASSWORD" in result.stderr


def test_usage_error(tmp_path):
    url = f"sqlite:///{tmp_path / 'staff.db'}"
    assert staff_command(url, "add", "dupont").returncode == 2


def test_add_asks_the_password_twice_on_a_terminal(tmp_path, monkeypatch, capsys):
    from actions import staff

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'staff.db'}")
    monkeypatch.delenv("HYGIE_STAFF_PASSWORD", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    answers = iter([PASSWORD, PASSWORD + "?", PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    assert staff.main(["add", "dupont", "--name", "Dupont"]) == 1
    assert "diffèrent" in capsys.readouterr().err
    assert staff.main(["add", "dupont", "--name", "Dupont"]) == 0
    assert PASSWORD not in capsys.readouterr().out
