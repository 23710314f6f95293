import pytest

from actions.services.passwords import (
    DUMMY_HASH,
    MAX_PASSWORD_LENGTH,
    PasswordPolicyError,
    check_policy,
    hash_password,
    verify_password,
)


def test_a_hash_carries_its_parameters_and_a_random_salt():
    first, second = hash_password("correct horse"), hash_password("correct horse")
    scheme, n, r, p, salt, digest = first.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(salt) == 22 and len(digest) == 43  # 16 and 32 bytes, unpadded base64
    assert first != second
    assert "correct horse" not in first


def test_verify_accepts_the_password_only():
    stored = hash_password("correct horse")
    assert verify_password("correct horse", stored)
    assert not verify_password("correct horsE", stored)
    assert not verify_password("", stored)


def test_verify_uses_the_stored_parameters():
    # A hash made with other (cheaper) parameters still verifies.
    import base64
    import hashlib

    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(b"old password", salt=salt, n=2**10, r=8, p=1, dklen=32)
    b64 = lambda raw: base64.urlsafe_b64encode(raw).rstrip(b"=").decode()  # noqa: E731
    stored = f"scrypt$1024$8$1${b64(salt)}${b64(digest)}"
    assert verify_password("old password", stored)


@pytest.mark.parametrize(
    "stored",
    ["", "plain", "bcrypt$1$2$3$AA$AA", "scrypt$x$8$1$AA$AA", "scrypt$16384$8$1$!!$AA"],
)
def test_a_malformed_hash_never_matches(stored):
    assert not verify_password("anything at all", stored)


def test_the_dummy_hash_matches_nothing():
    assert not verify_password("", DUMMY_HASH)
    assert not verify_password("AAAAAAAAAAAAAAAA", DUMMY_HASH)


def test_policy():
    check_policy("x" * 10)
    with pytest.raises(PasswordPolicyError, match="10 caractères"):
        check_policy("x" * 9)
    with pytest.raises(PasswordPolicyError):
        check_policy("x" * (MAX_PASSWORD_LENGTH + 1))
    assert not verify_password("x" * (MAX_PASSWORD_LENGTH + 1), hash_password("x" * 10))
