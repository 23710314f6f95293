"""What the console's pages and API share: the database, Rasa, and the staff's acts.

Reading a conversation, replying and closing are written once here, for the HTML pages
(:mod:`console.views`) and the JSON API (:mod:`console.api`) alike. Database calls are
synchronous SQLAlchemy and scrypt is slow on purpose: both run in a thread, with one
short-lived unit of work per call, so the event loop keeps serving.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from actions.services import console_audit, referrals
from actions.services.delivery_contract import (
    handoff_closed_payload,
    staff_reply_payload,
)
from actions.services.referrals import ReferralView
from actions.services.staff_accounts import StaffView
from actions.store.types import utcnow
from actions.store.unit_of_work import UnitOfWork
from console.rasa import RasaApi, RasaUnavailable
from console.settings import ConsoleSettings
from console.transcript import Line, transcript

logger = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Conversation:
    """A referral's conversation as read now: its lines, or why it could not be."""

    lines: list[Line]
    error: str | None = None


@dataclass(frozen=True)
class Delivery:
    """What became of a reply or a close: ``error`` is ``None`` if Rasa took it."""

    id: int
    error: str | None = None
    done: bool = True


class Console:
    """The console's state: settings, database, Rasa client, clock.

    Args:
        settings: The console's settings.
        session_factory: Opens the application database's sessions.
        clock: The current instant (aware UTC); tests pass their own.
    """

    def __init__(
        self,
        settings: ConsoleSettings,
        session_factory: Callable[[], Session],
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        """Keep the settings; the Rasa client is set when the app starts."""
        self.settings = settings
        self.session_factory = session_factory
        self.clock = clock
        self.rasa: RasaApi | None = None

    async def db(self, function: Callable[..., T], *args: Any) -> T:
        """Run ``function(uow, *args)`` in a thread, with a new unit of work."""
        return await asyncio.to_thread(
            function, UnitOfWork(self.session_factory), *args
        )

    async def read_conversation(
        self, referral: ReferralView, staff: StaffView
    ) -> Conversation:
        """Read a referral's conversation from Rasa; audit the read if it succeeded."""
        assert self.rasa is not None, "the app has not started"
        try:
            events = await self.rasa.events(referral.conversation_id)
        except RasaUnavailable as error:
            logger.warning("referral %s: no transcript (%s)", referral.id, error)
            return Conversation([], error.code)
        await self.db(
            console_audit.record_transcript_read, referral.id, staff.id, self.clock()
        )
        return Conversation(transcript(events))

    async def reply(self, referral_id: int, staff: StaffView, text: str) -> Delivery:
        """Store a reply, then deliver it through Rasa.

        Returns:
            The staff message's id, with the delivery error if Rasa did not take it
            (stored on the row too).

        Raises:
            ReferralError: If the reply is refused (empty, too long, closed, unknown).
        """
        assert self.rasa is not None, "the app has not started"
        message_id = await self.db(
            referrals.add_staff_message, referral_id, staff.id, text, self.clock()
        )
        message = await self.db(referrals.staff_message, message_id)
        assert message is not None
        error = await self.rasa.trigger(
            message.conversation_id, message.channel, staff_reply_payload(message_id)
        )
        if error is None:
            await self.db(referrals.mark_delivered, message_id, self.clock())
        else:
            logger.warning("staff message %s: not delivered (%s)", message_id, error)
            await self.db(referrals.record_delivery_error, message_id, error)
        return Delivery(message_id, error)

    async def close(self, referral_id: int, staff: StaffView) -> Delivery:
        """Close a referral and tell the patient's conversation (Hygie resumes).

        Returns:
            ``done`` is false if it was closed already (nothing is sent again);
            ``error`` says why the patient could not be told.

        Raises:
            ReferralError: ``not_found``.
        """
        assert self.rasa is not None, "the app has not started"
        closed = await self.db(referrals.close, referral_id, staff.id, self.clock())
        if not closed:
            return Delivery(referral_id, None, done=False)
        referral = await self.db(referrals.get, referral_id)
        assert referral is not None
        error = await self.rasa.trigger(
            referral.conversation_id, referral.channel, handoff_closed_payload(referral_id)
        )
        if error is not None:
            logger.warning("referral %s: close not delivered (%s)", referral_id, error)
        return Delivery(referral_id, error)
