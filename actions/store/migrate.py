"""Upgrade the application database to the latest schema.

Run ``python -m actions.store.migrate`` (idempotent: an up-to-date database is left as
it is). The URL is ``DATABASE_URL``, else the SQLite file ``var/hygie.db``.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Text, select
from sqlalchemy import cast as sa_cast
from sqlalchemy.engine import make_url

from actions.defaults import REPO_ROOT
from actions.store.crypto import InvalidToken, decrypt_text, key_file_path
from actions.store.db import database_url, make_engine
from actions.store.models import Base
from actions.store.types import EncryptedText

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
    """Upgrade a database to ``revision`` (the latest by default), then check that the
    data keys open what it holds encrypted.

    Args:
        url: The database URL; ``None`` means :func:`actions.store.db.database_url`.
        revision: The target revision.

    Raises:
        RuntimeError: If a stored value cannot be decrypted (a lost or wrong key file).
    """
    command.upgrade(alembic_config(url), revision)
    if revision == "head":
        check_data_keys(url or database_url())


def check_data_keys(url: str) -> None:
    """Decrypt the newest value of each encrypted column; fail loudly if one will not.

    A missing key file is created with a new key: without this check, every process
    would go on with a key that opens nothing, and fail message after message.
    """
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            for table in Base.metadata.sorted_tables:
                for column in table.columns:
                    if not isinstance(column.type, EncryptedText):
                        continue
                    newest = (
                        select(sa_cast(column, Text)).where(column.is_not(None))
                        .order_by(table.c.id.desc()).limit(1)
                    )
                    token = connection.execute(newest).scalar()
                    if token is None:
                        continue
                    try:
                        decrypt_text(token)
                    except InvalidToken:
                        raise RuntimeError(
                            f"the data keys cannot open {table.name}.{column.name}: "
                            f"restore the key file ({key_file_path()}) or "
                            f"HYGIE_DATA_KEYS that encrypted this database"
                        ) from None
    finally:
        engine.dispose()


def main() -> None:
    """Upgrade the configured database to head and say which one it was."""
    url = database_url()
    upgrade(url)
    # repr() of a SQLAlchemy URL hides the password.
    print(f"database {make_url(url)!r} is at the latest revision")


if __name__ == "__main__":
    main()
