"""Consent to the processing of health data (GDPR art. 9): the notice's version, and
which purposes a consent covers.

The notice itself is patient-facing text (``ask_consent`` in actions/messages.yml);
change the version here whenever its wording changes, so each consent names what was
agreed. A purpose added to the notice later (the mood record) is covered only by a
consent to a notice that names it: a patient who agreed to an older notice is asked
again before their first mood is stored.
"""

from __future__ import annotations

from actions.store.unit_of_work import UnitOfWork

NOTICE_VERSION = "2026-12-06.1"
# The first notice that names each purpose added after the first one.
PURPOSE_SINCE = {"mood": "2026-11-29.3"}


def _version_key(version: str) -> tuple[str, int]:
    day, _, number = (version or "").partition(".")
    return day, int(number) if number.isdigit() else 0


def covers(notice_version: str, purpose: str) -> bool:
    """Whether a consent to ``notice_version`` covers ``purpose``."""
    since = PURPOSE_SINCE.get(purpose)
    return since is None or _version_key(notice_version) >= _version_key(since)


def consent_covers(uow: UnitOfWork, patient_id: str, purpose: str) -> bool:
    """Whether the patient has a consent in force that covers ``purpose`` (in ``uow``)."""
    consent = uow.consents.active(patient_id)
    return consent is not None and covers(consent.notice_version, purpose)
