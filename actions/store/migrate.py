"""Upgrade the application database to the latest schema.

Run ``python -m actions.store.migrate`` (idempotent: an up-to-date database is left as
it is). The URL is ``DATABASE_URL``, else the SQLite file ``var/hygie.db``.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import make_url

from actions.defaults import REPO_ROOT
from actions.store.db import database_url

ALEMBIC_INI = REPO_ROOT / "alembic.ini"


def alembic_config(url: str | None = None) -> Config:
    """Build the Alembic configuration for a database.

    Args:
        url: The database URL; ``None`` means :func:`actions.store.db.database_url`.

    Returns:
        A configuration whose ``env.py`` will use that URL.
    """
    config = Config(str(ALEMBIC_INI))
    # Passed as an attribute, not an ini option: a password may contain "%".
    config.attributes["database_url"] = url or database_url()
    return config


def upgrade(url: str | None = None, revision: str = "head") -> None:
    """Upgrade a database to ``revision`` (the latest by default).

    Args:
        url: The database URL; ``None`` means :func:`actions.store.db.database_url`.
        revision: The target revision.
    """
    command.upgrade(alembic_config(url), revision)


def main() -> None:
    """Upgrade the configured database to head and say which one it was."""
    url = database_url()
    upgrade(url)
    # repr() of a SQLAlchemy URL hides the password.
    print(f"database {make_url(url)!r} is at the latest revision")


if __name__ == "__main__":
    main()
