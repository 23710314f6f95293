"""Encryption at rest of health text: one key ring shared by every Hygie process.

Free-text health fields of the application database (medication names, referral
reasons, staff replies, mood notes…) and every event of the conversation log are
stored as Fernet tokens (AES-128-CBC with HMAC-SHA256, from the maintained
``cryptography`` library), so a phrase a patient typed is found neither by ``grep`` in
a SQLite file nor by ``LIKE`` in PostgreSQL.

The keys come from ``HYGIE_DATA_KEYS`` (Fernet keys separated by commas, newest first)
or else from a key file outside the database, ``HYGIE_DATA_KEY_FILE`` (default
``var/keys/data.keys``: one key per line, newest first, mode 600), created with one
key on first use. The newest key encrypts; every key of the ring decrypts. The file is
read again whenever it changes, so running processes follow a rotation
(``python -m actions.keys rotate``) without a restart.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from actions.defaults import var_dir

KEYS_ENV_VAR = "HYGIE_DATA_KEYS"
KEY_FILE_ENV_VAR = "HYGIE_DATA_KEY_FILE"
KEY_FILE_NAME = "keys/data.keys"

__all__ = [
    "InvalidToken",
    "KeyRing",
    "add_key",
    "decrypt_text",
    "encrypt_text",
    "key_file_path",
    "key_ring",
    "load_keys",
    "retire_old_keys",
]


class KeyRing:
    """The keys in force: the first encrypts, all decrypt."""

    def __init__(self, keys: list[bytes]) -> None:
        """Build a ring.

        Args:
            keys: Fernet keys (URL-safe base64 of 32 bytes), newest first.

        Raises:
            ValueError: If there is no key or one is not a Fernet key.
        """
        if not keys:
            raise ValueError("no data encryption key")
        self.keys = keys
        self._fernet = MultiFernet([Fernet(key) for key in keys])

    def encrypt(self, text: str) -> str:
        """Return the token of ``text`` under the newest key."""
        return self._fernet.encrypt(text.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> str:
        """Return the text of a token made with any key of the ring.

        Raises:
            InvalidToken: If no key of the ring made it (or it was altered).
        """
        return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")

    def reencrypt(self, token: str) -> str:
        """Return the same text as a token of the newest key."""
        return self._fernet.rotate(token.encode("ascii")).decode("ascii")

    def is_newest(self, token: str) -> bool:
        """Whether the newest key alone opens ``token``."""
        try:
            Fernet(self.keys[0]).decrypt(token.encode("ascii"))
        except InvalidToken:
            return False
        return True


def key_file_path() -> Path:
    """The key file: ``HYGIE_DATA_KEY_FILE``, else ``var/keys/data.keys``."""
    configured = os.environ.get(KEY_FILE_ENV_VAR, "").strip()
    return Path(configured) if configured else var_dir() / KEY_FILE_NAME


def load_keys() -> list[bytes]:
    """Return the keys in force, newest first (creating the key file if needed).

    Raises:
        ValueError: If the key file can be read by other users than its owner.
    """
    from_env = os.environ.get(KEYS_ENV_VAR, "").strip()
    if from_env:
        return [key.strip().encode("ascii") for key in from_env.split(",") if key.strip()]
    path = key_file_path()
    _create_key_file(path)
    return _read_key_file(path)


_lock = threading.Lock()
_cache: dict[str, tuple[object, KeyRing]] = {}


def key_ring() -> KeyRing:
    """Return the key ring, read again when the environment or the key file changed."""
    from_env = os.environ.get(KEYS_ENV_VAR, "").strip()
    if from_env:
        origin, version = "env", from_env
    else:
        path = key_file_path()
        _create_key_file(path)
        status = path.stat()
        origin, version = str(path), (status.st_mtime_ns, status.st_size, status.st_ino)
    with _lock:
        cached = _cache.get(origin)
        if cached is None or cached[0] != version:
            cached = (version, KeyRing(load_keys()))
            _cache.clear()
            _cache[origin] = cached
        return cached[1]


def encrypt_text(text: str) -> str:
    """Encrypt ``text`` with the newest key of the ring."""
    return key_ring().encrypt(text)


def decrypt_text(token: str) -> str:
    """Decrypt a token made with any key of the ring."""
    return key_ring().decrypt(token)


def add_key(path: Path | None = None) -> bytes:
    """Put a new key in front of the key file (it encrypts from now on).

    Args:
        path: The key file; :func:`key_file_path` by default.

    Returns:
        The new key.
    """
    path = path or key_file_path()
    _create_key_file(path)
    new_key = Fernet.generate_key()
    with _locked(path):  # two rotations at once must not drop a key
        _write_key_file(path, [new_key, *_read_key_file(path)])
    return new_key


def retire_old_keys(path: Path | None = None) -> int:
    """Keep only the newest key in the key file; return how many were removed."""
    path = path or key_file_path()
    with _locked(path):
        keys = _read_key_file(path)
        _write_key_file(path, keys[:1])
    return len(keys) - 1


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the key file's lock file (``<name>.lock``)."""
    lock_path = path.with_name(path.name + ".lock")
    descriptor = os.open(lock_path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def _read_key_file(path: Path) -> list[bytes]:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise ValueError(f"{path}: the key file must be readable by its owner only (chmod 600)")
    lines = path.read_text(encoding="ascii").splitlines()
    return [line.strip().encode("ascii") for line in lines if line.strip()]


def _write_key_file(path: Path, keys: list[bytes]) -> None:
    """Replace the key file atomically (a reader sees the old or the new file)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as key_file:
        key_file.write("".join(key.decode("ascii") + "\n" for key in keys))
    os.replace(temporary, path)


def _create_key_file(path: Path) -> None:
    """Write a file with one new key unless it exists; concurrent creators agree."""
    if path.exists():
        return
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as key_file:
            key_file.write(Fernet.generate_key().decode("ascii") + "\n")
        os.link(temporary, path)
    except FileExistsError:
        pass  # another process created it first: use theirs
    finally:
        temporary.unlink()
