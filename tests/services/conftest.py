from tests.store.fixtures import (  # noqa: F401
    engine,
    postgres_uow,
    postgres_url,
    session_factory,
    sqlite_url,
    uow,
)
