"""The one rule for PostgreSQL tests: skip locally without a database, fail under CI."""

import pytest

from tests.store.fixtures import POSTGRES_ENV, REQUIRE_POSTGRES_ENV, postgres_test_url


def test_the_url_is_given_when_set(monkeypatch):
    monkeypatch.setenv(POSTGRES_ENV, "postgresql://u:p@db/hygie_test")
    monkeypatch.setenv(REQUIRE_POSTGRES_ENV, "1")
    assert postgres_test_url() == "postgresql://u:p@db/hygie_test"


@pytest.mark.parametrize("marker", [None, "", "0"])
def test_a_missing_postgres_skips_outside_ci(monkeypatch, marker):
    monkeypatch.delenv(POSTGRES_ENV, raising=False)
    if marker is None:
        monkeypatch.delenv(REQUIRE_POSTGRES_ENV, raising=False)
    else:
        monkeypatch.setenv(REQUIRE_POSTGRES_ENV, marker)
    with pytest.raises(pytest.skip.Exception, match=POSTGRES_ENV):
        postgres_test_url()


def test_a_missing_postgres_fails_under_ci(monkeypatch):
    monkeypatch.delenv(POSTGRES_ENV, raising=False)
    monkeypatch.setenv(REQUIRE_POSTGRES_ENV, "1")
    with pytest.raises(pytest.fail.Exception, match=REQUIRE_POSTGRES_ENV):
        postgres_test_url()
