"""Rasa's SQL tracker store, encrypted and erasable: the conversation is health data.

:class:`EncryptedSQLTrackerStore` (``endpoints.yml``: ``type:
connectors.tracker_store.EncryptedSQLTrackerStore``) is Rasa's
:class:`~rasa.core.tracker_store.SQLTrackerStore` with two differences:

- every event is written as an encrypted JSON and read back decrypted (see
  :mod:`actions.store.conversation_log`); ``intent_name`` and ``action_name`` stay
  empty, so no health information is readable in the table;
- on SQLite, deleted rows are overwritten in the file, and events an older, plain
  tracker store left are encrypted when the store starts; the store refuses to start
  when the data keys cannot open the newest stored event (a lost key file), and with
  an event broker (it would receive the events in plain text);
- when a turn contains the erasure action's last word (the slot
  ``conversation_erased`` set to true), saving the turn deletes every event of the
  conversation instead, so Rasa cannot write the erased conversation back at the end
  of that turn. The next message starts a new, empty conversation.
"""

from __future__ import annotations

import logging
from typing import Any, Optional, Text

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker

from actions.store.conversation_log import (
    check_events_open,
    is_erasure,
    open_event,
    overwrite_deleted_rows,
    seal_event,
    seal_plaintext_events,
)

logger = logging.getLogger(__name__)


class EncryptedSQLTrackerStore(SQLTrackerStore):
    """SQL tracker store whose events are encrypted at rest and erasable for good."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Connect as Rasa's store does, then secure deletion and seal old events."""
        super().__init__(*args, **kwargs)
        if self.event_broker is not None:
            raise ValueError(
                "EncryptedSQLTrackerStore streams no events: an event broker would get "
                "the conversation in plain text. Remove event_broker from the endpoints."
            )
        overwrite_deleted_rows(self.engine)
        self.engine.dispose()  # connections made from now on get the pragma
        with self.engine.begin() as connection:
            sealed = seal_plaintext_events(connection)
            check_events_open(connection)
        if sealed:
            logger.info("tracker_store.sealed_plaintext_events count=%d", sealed)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the turn's new events, or delete the conversation if it was erased."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            new_events = [event.as_dict() for event in self._additional_events(session, tracker)]
            if any(is_erasure(event) for event in new_events):
                deleted = (
                    session.query(self.SQLEvent)
                    .filter(self.SQLEvent.sender_id == tracker.sender_id)
                    .delete(synchronize_session=False)
                )
                session.commit()
                logger.info("tracker_store.conversation_erased events=%d", deleted)
                return
            for event in new_events:
                session.add(
                    self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=event["event"],
                        timestamp=event.get("timestamp"),
                        data=seal_event(event),
                    )
                )
            session.commit()

    async def _retrieve(
        self, sender_id: Text, fetch_events_from_all_sessions: bool
    ) -> Optional[DialogueStateTracker]:
        """Read a conversation back, decrypting each event."""
        with self.session_scope() as session:
            rows = self._event_query(
                session, sender_id, fetch_events_from_all_sessions=fetch_events_from_all_sessions
            ).all()
            events = [open_event(row.data) for row in rows]
        if not self.domain or not events:
            return None
        return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
