from tests.actions.worker_fixtures import fake_rasa  # noqa: F401
from tests.store.fixtures import (  # noqa: F401
    engine,
    postgres_url,
    session_factory,
    sqlite_url,
    uow,
)
