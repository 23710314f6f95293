"""Hygie's application database: models, repositories, unit of work, migrations.

Typical use in an action or in the worker (one short-lived session per call)::

    from actions.store.db import database_url, make_engine, make_session_factory
    from actions.store.unit_of_work import UnitOfWork

    session_factory = make_session_factory(make_engine(database_url()))
    with UnitOfWork(session_factory) as uow:
        patient = uow.patients.get(patient_id)

The schema is created and upgraded by Alembic only
(``python -m actions.store.migrate``), never by ``metadata.create_all``.
``migrations/`` is deliberately not a Python package: the action server imports every
submodule of ``actions`` at start-up.
"""
