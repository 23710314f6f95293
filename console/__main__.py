"""Run the staff console: ``python -m console`` (settings: :mod:`console.settings`).

The database is upgraded first, as the action server does. Request lines are not
logged: URLs name referrals, and the log is no place for who read what (the audit
table is).
"""

from __future__ import annotations

import logging
import sys

from aiohttp import web
from sqlalchemy.engine import make_url

from actions.store.db import make_engine, make_session_factory
from actions.store.migrate import upgrade
from console.app import make_app
from console.settings import ConfigurationError, ConsoleSettings


def main() -> int:
    """Serve the console until interrupted.

    Returns:
        0 after a clean stop, 2 when the environment is incomplete.
    """
    logging.basicConfig(
        level=logging.INFO, format="%(levelname)s %(name)s: %(message)s"
    )
    try:
        settings = ConsoleSettings.from_env()
    except ConfigurationError as error:
        print(f"console: {error}", file=sys.stderr)
        return 2
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    app = make_app(settings, make_session_factory(engine))
    print(
        f"Console Hygie sur http://{settings.host}:{settings.port}/ "
        f"(base {make_url(settings.database_url)!r})",
        flush=True,
    )
    try:
        web.run_app(
            app,
            host=settings.host,
            port=settings.port,
            access_log=None,
            print=None,
        )
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
