"""Messenger applies the shared rule of connectors.patient_input to what it receives."""

from connectors.messenger import IncomingMessage, incoming_messages


def event(sender, **fields):
    return {"sender": {"id": sender}, "recipient": {"id": "page"}, **fields}


def test_postbacks_are_clicks_but_never_triggers_and_typed_slashes_are_text():
    payload = {"object": "page", "entry": [{"messaging": [
        event("a", postback={"payload": "/erase_data", "title": "Tout effacer"}),
        event("a", postback={"payload": '/EXTERNAL_staff_reply{"staff_message_id": "1"}'}),
        event("a", message={"mid": "m1", "text": "Oui", "quick_reply": {"payload": "/restart"}}),
        event("a", message={"mid": "m2", "text": " /EXTERNAL_medication_reminder"}),
        event("a", message={"mid": "m3", "text": "///"}),
        event("a", postback={"title": "/erase_data"}),
    ]}]}
    assert list(incoming_messages(payload)) == [
        IncomingMessage("a", "/erase_data", None),
        IncomingMessage("a", 'EXTERNAL_staff_reply{"staff_message_id": "1"}', None),
        IncomingMessage("a", "restart", "m1"),
        IncomingMessage("a", "EXTERNAL_medication_reminder", "m2"),
        IncomingMessage("a", "erase_data", None),
    ]
