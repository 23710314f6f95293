"""One-time download links for a patient's data export.

The export is not sent as a chat message (that would write a full copy of the data
back into the conversation log); the chat gets a link instead. Only the SHA-256 of
the link's token is stored, so the table does not hold a usable link; a link is
redeemed once, before it expires, by a conditional update that two clicks cannot
both win.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, String, update
from sqlalchemy.orm import Session

from actions.store.base import Base
from actions.store.types import UTCDateTime


class ExportLink(Base):
    """A download link of a patient's export: valid until ``expires_at``, once."""

    __tablename__ = "export_links"

    token_hash = Column(String(64), primary_key=True)
    patient_id = Column(
        ForeignKey("patients.id", ondelete="CASCADE"), nullable=False, index=True
    )
    conversation_id = Column(String(255), nullable=False)
    created_at = Column(UTCDateTime, nullable=False)
    expires_at = Column(UTCDateTime, nullable=False)
    used_at = Column(UTCDateTime, nullable=True)


class ExportLinkRepository:
    """Export links; never commits (the unit of work does)."""

    def __init__(self, session: Session) -> None:
        """Bind to a session."""
        self.session = session

    def add(self, link: ExportLink) -> None:
        """Store a new link."""
        self.session.add(link)
        self.session.flush()

    def valid(self, token_hash: str, now: datetime) -> ExportLink | None:
        """The link if it is unused and not expired at ``now``."""
        link = self.session.get(ExportLink, token_hash)
        if link is None or link.used_at is not None or link.expires_at <= now:
            return None
        return link

    def redeem(self, token_hash: str, now: datetime) -> ExportLink | None:
        """Mark a valid, unused link used and return it; ``None`` otherwise."""
        claimed = self.session.execute(
            update(ExportLink)
            .where(
                ExportLink.token_hash == token_hash,
                ExportLink.used_at.is_(None),
                ExportLink.expires_at > now,
            )
            .values(used_at=now)
            .execution_options(synchronize_session=False)
        ).rowcount
        if claimed != 1:
            return None
        return self.session.get(ExportLink, token_hash)

    def delete_for_patient(self, patient_id: str) -> int:
        """Delete a patient's links; return how many."""
        return (
            self.session.query(ExportLink)
            .filter(ExportLink.patient_id == patient_id)
            .delete(synchronize_session=False)
        )

    def list_for_patient(self, patient_id: str) -> list[ExportLink]:
        """A patient's links, oldest first."""
        return (
            self.session.query(ExportLink)
            .filter(ExportLink.patient_id == patient_id)
            .order_by(ExportLink.created_at)
            .all()
        )
