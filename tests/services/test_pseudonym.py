import hashlib
import hmac
import stat
from concurrent.futures import ThreadPoolExecutor

import pytest

from actions import defaults
from actions.services.pseudonym import ENV_VAR, patient_key, pseudonym_secret

SECRET = b"k" * 32


def test_patient_key_is_hmac_sha256_hex():
    expected = hmac.new(SECRET, b"socketio\0abc", hashlib.sha256).hexdigest()
    assert patient_key("socketio", "abc", SECRET) == expected
    assert len(expected) == 64


def test_patient_key_depends_on_channel_sender_and_secret():
    key = patient_key("facebook", "123", SECRET)
    assert key == patient_key("facebook", "123", SECRET)
    assert key != patient_key("socketio", "123", SECRET)
    assert key != patient_key("facebook", "124", SECRET)
    assert key != patient_key("facebook", "123", b"j" * 32)
    assert "123" not in key


def test_parts_cannot_be_shifted_between_channel_and_sender():
    assert patient_key("a:b", "c", SECRET) != patient_key("a", "b:c", SECRET)


@pytest.mark.parametrize("channel", ["", "rest\0"])
def test_bad_channel_names_are_refused(channel):
    with pytest.raises(ValueError):
        patient_key(channel, "abc", SECRET)


def test_secret_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_VAR, "s" * 40)
    key_file = tmp_path / "pseudonym.key"
    assert pseudonym_secret(key_file) == b"s" * 40
    assert not key_file.exists()


def test_a_short_secret_is_refused(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "too-short")
    with pytest.raises(ValueError, match=ENV_VAR):
        pseudonym_secret()


def test_development_key_file_is_created_once_private(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_VAR, raising=False)
    key_file = tmp_path / "pseudonym.key"
    first = pseudonym_secret(key_file)
    assert len(first) == 64
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert pseudonym_secret(key_file) == first
    assert list(tmp_path.iterdir()) == [key_file]  # no temporary file left


def test_default_key_file_is_under_var(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setattr(defaults, "VAR_DIR", tmp_path / "var")
    secret = pseudonym_secret()
    assert (tmp_path / "var" / "pseudonym.key").read_text().strip().encode() == secret


def test_concurrent_first_use_agrees_on_one_key(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_VAR, raising=False)
    key_file = tmp_path / "pseudonym.key"
    with ThreadPoolExecutor(8) as pool:
        secrets = set(pool.map(lambda _: pseudonym_secret(key_file), range(16)))
    assert len(secrets) == 1
