import os
import stat

import pytest
from cryptography.fernet import Fernet

from actions.store import crypto
from actions.store.crypto import (
    InvalidToken,
    KeyRing,
    add_key,
    decrypt_text,
    encrypt_text,
    key_ring,
    load_keys,
    retire_old_keys,
)


@pytest.fixture
def key_file(tmp_path, monkeypatch):
    path = tmp_path / "keys" / "data.keys"
    monkeypatch.delenv(crypto.KEYS_ENV_VAR, raising=False)
    monkeypatch.setenv(crypto.KEY_FILE_ENV_VAR, str(path))
    return path


def test_a_missing_key_file_is_created_private_with_one_key(key_file):
    keys = load_keys()
    assert len(keys) == 1
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    assert load_keys() == keys


def test_text_round_trips_and_the_token_hides_it(key_file):
    token = encrypt_text("je pense à en finir, Doliprane 1000")
    assert "Doliprane" not in token and "finir" not in token
    assert decrypt_text(token) == "je pense à en finir, Doliprane 1000"
    assert encrypt_text("même texte") != encrypt_text("même texte")


def test_a_key_file_readable_by_others_is_refused(key_file):
    load_keys()
    os.chmod(key_file, 0o644)
    with pytest.raises(ValueError, match="chmod 600"):
        load_keys()


def test_keys_from_the_environment_win_over_the_file(key_file, monkeypatch):
    first, second = Fernet.generate_key(), Fernet.generate_key()
    monkeypatch.setenv(crypto.KEYS_ENV_VAR, f"{first.decode()}, {second.decode()}")
    assert load_keys() == [first, second]
    assert not key_file.exists()
    old = Fernet(second).encrypt(b"ancien").decode()
    assert decrypt_text(old) == "ancien"
    assert Fernet(first).decrypt(encrypt_text("neuf").encode()) == b"neuf"


def test_a_new_key_encrypts_at_once_and_old_tokens_still_open(key_file):
    old_token = encrypt_text("Levothyrox 75")
    new_key = add_key()
    ring = key_ring()
    assert ring.keys[0] == new_key and len(ring.keys) == 2
    new_token = encrypt_text("Levothyrox 75")
    assert Fernet(new_key).decrypt(new_token.encode()) == b"Levothyrox 75"
    assert decrypt_text(old_token) == "Levothyrox 75"
    assert not ring.is_newest(old_token) and ring.is_newest(new_token)
    assert ring.is_newest(ring.reencrypt(old_token))


def test_retiring_keeps_only_the_newest_key(key_file):
    old_token = encrypt_text("note")
    add_key()
    assert retire_old_keys() == 1
    assert len(load_keys()) == 1
    with pytest.raises(InvalidToken):
        decrypt_text(old_token)


def test_a_ring_needs_a_key():
    with pytest.raises(ValueError):
        KeyRing([])


def test_a_database_the_keys_cannot_open_stops_the_process_at_start(key_file, tmp_path, monkeypatch):
    from actions.store.db import make_engine, make_session_factory
    from actions.store.migrate import upgrade
    from actions.store.unit_of_work import UnitOfWork
    from tests.store.fixtures import add_medication, add_patient

    url = f"sqlite:///{tmp_path / 'hygie.db'}"
    upgrade(url)
    engine = make_engine(url)
    uow = UnitOfWork(make_session_factory(engine))
    add_patient(uow)
    add_medication(uow)
    engine.dispose()
    upgrade(url)  # the right key: fine
    key_file.unlink()  # lost: a new key file is made, which opens nothing stored
    with pytest.raises(RuntimeError, match="medications.name"):
        upgrade(url)


def test_rotations_at_the_same_time_lose_no_key(key_file):
    import threading as threads

    load_keys()
    workers = [threads.Thread(target=add_key) for _ in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(load_keys()) == 9
