"""Pseudonymous patient keys: a keyed hash of channel and sender id.

A patient is stored under ``patient_key(channel, sender_id, secret)``, an HMAC-SHA256,
so that the application database never needs the sender id as a key, and a key cannot
be traced back to a sender without the secret.

The secret comes from ``HYGIE_PSEUDONYM_KEY`` (at least 32 characters; generate one
with ``python -c "import secrets; print(secrets.token_hex(32))"``). Set it in
production, the same on every action server and worker, and keep it: changing it
orphans every stored patient. Without it, a key is generated once into
``var/pseudonym.key`` (mode 600) for development.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from actions.defaults import var_dir

ENV_VAR = "HYGIE_PSEUDONYM_KEY"
MIN_SECRET_LENGTH = 32
KEY_FILE_NAME = "pseudonym.key"


def patient_key(channel: str, sender_id: str, secret: bytes) -> str:
    """Return the pseudonymous key of a sender on a channel.

    Args:
        channel: The Rasa input channel name, e.g. ``"socketio"``.
        sender_id: The Rasa sender id on that channel.
        secret: The pseudonymisation secret (:func:`pseudonym_secret`).

    Returns:
        64 lowercase hexadecimal characters.

    Raises:
        ValueError: If the channel name contains a NUL character or is empty.
    """
    if not channel or "\0" in channel:
        raise ValueError("channel must be a non-empty name without NUL characters")
    # NUL separates the parts: ("a", "b:c") and ("a:b", "c") must differ.
    message = f"{channel}\0{sender_id}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def pseudonym_secret(key_file: Path | None = None) -> bytes:
    """Return the pseudonymisation secret.

    Args:
        key_file: The development key file; ``var/pseudonym.key`` by default.

    Returns:
        ``HYGIE_PSEUDONYM_KEY`` encoded in UTF-8 when set, else the content of the key
        file, created with a random key (mode 600) if it does not exist.

    Raises:
        ValueError: If ``HYGIE_PSEUDONYM_KEY`` or the key file is too short.
    """
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return _checked(from_env, ENV_VAR)
    path = key_file or var_dir() / KEY_FILE_NAME
    _create_key_file(path)
    return _checked(path.read_text(encoding="ascii").strip(), str(path))


def _create_key_file(path: Path) -> None:
    """Write a random key to ``path`` unless it exists, atomically.

    The key is written to a private temporary file first, then hard-linked into
    place: a concurrent process sees either no file or a complete one.
    """
    if path.exists():
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as key_file:
            key_file.write(secrets.token_hex(32) + "\n")
        os.link(temporary, path)
    except FileExistsError:
        pass  # another process created it first: use theirs
    finally:
        temporary.unlink()


def _checked(secret: str, origin: str) -> bytes:
    if len(secret) < MIN_SECRET_LENGTH:
        raise ValueError(
            f"{origin}: the pseudonym key needs {MIN_SECRET_LENGTH}+ chars"
        )
    return secret.encode("utf-8")
