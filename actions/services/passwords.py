"""Staff passwords: scrypt hashes that carry their own parameters.

A stored hash reads ``scrypt$<n>$<r>$<p>$<salt>$<hash>`` (salt and hash in unpadded
URL-safe base64), so that the cost can be raised later without breaking the accounts
made before. The comparison is constant-time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

MIN_PASSWORD_LENGTH = 10
# Longer passwords are refused: hashing them costs more (a cheap denial of service).
MAX_PASSWORD_LENGTH = 1024

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
_SCHEME = "scrypt"
# scrypt needs 128 * n * r bytes (16 MiB here); OpenSSL's default cap is 32 MiB.
_MAXMEM = 64 * 1024 * 1024


class PasswordPolicyError(ValueError):
    """A new password is refused (too short or too long)."""


def check_policy(password: str) -> None:
    """Refuse a new password that is too short or too long.

    Raises:
        PasswordPolicyError: With a French message the command line can show.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordPolicyError(
            f"le mot de passe doit faire au moins {MIN_PASSWORD_LENGTH} caractères"
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise PasswordPolicyError(
            f"le mot de passe doit faire au plus {MAX_PASSWORD_LENGTH} caractères"
        )


def hash_password(password: str) -> str:
    """Hash a password with scrypt and a random 16-byte salt.

    Returns:
        ``scrypt$16384$8$1$<salt>$<hash>``.
    """
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return "$".join(
        (_SCHEME, str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(digest))
    )


def verify_password(password: str, stored: str) -> bool:
    """Whether a password matches a stored hash (constant-time comparison).

    A malformed stored hash or an over-long password never matches.
    """
    if len(password) > MAX_PASSWORD_LENGTH:
        return False
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        if scheme != _SCHEME:
            return False
        expected_bytes = _unb64(expected)
        digest = _scrypt(password, _unb64(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(digest, expected_bytes)


# A hash no password matches, checked when the username is unknown: a failed sign-in
# then costs the same time whether the account exists or not.
DUMMY_HASH = "$".join(
    (
        _SCHEME,
        str(SCRYPT_N),
        str(SCRYPT_R),
        str(SCRYPT_P),
        "AAAAAAAAAAAAAAAAAAAAAA",
        "A" * 43,
    )
)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=_MAXMEM,
        dklen=HASH_BYTES,
    )


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as error:
        raise ValueError("malformed base64") from error
