"""A patient's copy of their data, delivered by a one-time link.

The chat gets a link to the chat page's server (``/export/<token>``), valid
:data:`LINK_LIFETIME` and once, instead of the data itself: the export never enters
the conversation log, and a link seen later in a transcript opens nothing.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from datetime import datetime, timedelta

from actions.store.export_links import ExportLink
from actions.store.unit_of_work import UnitOfWork

LINK_LIFETIME = timedelta(minutes=10)
# Where patients reach the chat page's server (the link must open from Messenger too).
PUBLIC_URL_ENV_VAR = "HYGIE_WEBCHAT_URL"
DEFAULT_PUBLIC_URL = "http://localhost:8080"


def export_url(token: str) -> str:
    """The link a patient opens: ``{HYGIE_WEBCHAT_URL}/export/<token>``."""
    base = os.environ.get(PUBLIC_URL_ENV_VAR, "").strip() or DEFAULT_PUBLIC_URL
    return f"{base.rstrip('/')}/export/{token}"


def token_hash(token: str) -> str:
    """The stored form of a link's token (SHA-256, hexadecimal)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_export_link(
    uow: UnitOfWork, patient_id: str, conversation_id: str, now: datetime
) -> str | None:
    """Create a link for a known patient; return its token (``None``: unknown patient).

    Args:
        uow: A unit of work (opened and committed here).
        patient_id: The pseudonymous key.
        conversation_id: The Rasa sender id whose conversation the export includes.
        now: The current instant.
    """
    token = secrets.token_urlsafe(32)
    with uow:
        if uow.patients.get(patient_id) is None:
            return None
        uow.export_links.add(
            ExportLink(
                token_hash=token_hash(token),
                patient_id=patient_id,
                conversation_id=conversation_id,
                created_at=now,
                expires_at=now + LINK_LIFETIME,
            )
        )
        uow.audit.record("patient", "export.link_issued", now, patient_id=patient_id)
    return token


def open_export_link(uow: UnitOfWork, token: str, now: datetime) -> tuple[str, str] | None:
    """A valid link's patient key and conversation id, without using it up."""
    with uow:
        link = uow.export_links.valid(token_hash(token), now)
        return None if link is None else (link.patient_id, link.conversation_id)


def redeem_export_link(uow: UnitOfWork, token: str, now: datetime) -> bool:
    """Use a link up; False when it was unknown, used or expired (or used meanwhile)."""
    with uow:
        return uow.export_links.redeem(token_hash(token), now) is not None
