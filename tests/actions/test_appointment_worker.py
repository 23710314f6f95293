"""The worker loop delivers appointment reminders through (a fake) Rasa."""

from datetime import datetime, timedelta, timezone

from actions.services import appointments
from actions.services.delivery_contract import APPOINTMENT_REMINDER_INTENT
from actions.services.slot_search import Slot, SlotQuery
from tests.actions.test_worker_loop import deliver, make_worker
from tests.actions.worker_fixtures import FakeClock, notifications
from tests.services.appointment_fixtures import MONDAY, add_patient, load_demo

NINE = datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)  # Tuesday 9:00 in Paris
QUERY = SlotQuery("consultation", practitioner="dr-claire-martin")


async def test_appointment_reminders_are_triggered_then_closed_after_cancellation(
    uow, session_factory, fake_rasa
):
    load_demo(uow)
    add_patient(uow, "p1")
    slot = Slot("dr-claire-martin", NINE, NINE + timedelta(minutes=20))
    view = appointments.book(uow, "p1", slot, QUERY, MONDAY).appointment
    day_before, two_hours = sorted(
        notifications(uow), key=lambda i: notifications(uow)[i].due_at
    )
    clock = FakeClock(datetime(2026, 11, 30, 17, 0, 1, tzinfo=timezone.utc))
    worker = make_worker(session_factory, fake_rasa.url, clock)

    counts = await deliver(worker)

    assert (counts["claimed"], counts["sent"]) == (1, 1)
    assert [(c.conversation_id, c.name, c.entities) for c in fake_rasa.calls] == [
        ("sender-p1", APPOINTMENT_REMINDER_INTENT, {"notification_id": str(day_before)})
    ]
    assert notifications(uow)[day_before].status == "sent"

    # Cancelled (late, confirmed) before the 2-hour reminder: nothing more is sent.
    appointments.cancel(
        uow, "p1", view.id, clock.advance(hours=12), confirmed_late=True
    )
    clock.advance(hours=2)
    counts = await deliver(worker)
    assert counts["claimed"] == 0 and len(fake_rasa.calls) == 1
    assert notifications(uow)[two_hours].status == "cancelled"
