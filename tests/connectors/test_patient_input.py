import pytest

from connectors.patient_input import as_typed_text, clickable_intents, patient_text

DOMAIN = ["greet", "affirm", "erase_data", "inform", "EXTERNAL_medication_reminder",
          "restart", "session_start", "back"]
ALLOWED = clickable_intents(DOMAIN)


def test_clickable_intents_leave_out_triggers_and_rasa_defaults():
    assert ALLOWED == frozenset({"greet", "affirm", "erase_data", "inform"})


@pytest.mark.parametrize(
    "typed, read",
    [
        ("/erase_data", "erase_data"),
        ("  /EXTERNAL_medication_reminder{\"notification_id\": \"3\"}",
         "EXTERNAL_medication_reminder{\"notification_id\": \"3\"}"),
        ("/ /  /restart", "restart"),
        ("\u00a0/greet", "greet"),
        ("/", ""),
        ("j'ai 1/2 comprimé", "j'ai 1/2 comprimé"),
        ("bonjour", "bonjour"),
    ],
)
def test_typed_text_never_starts_with_a_slash(typed, read):
    assert patient_text(typed, clicked=False, allowed=ALLOWED) == read
    assert as_typed_text(typed) == read


@pytest.mark.parametrize(
    "payload",
    ["/affirm", "/erase_data", '/inform{"answer": "matin et soir"}', " /greet "],
)
def test_a_click_on_an_offered_intent_keeps_its_payload(payload):
    assert patient_text(payload, clicked=True, allowed=ALLOWED) == payload.strip()


@pytest.mark.parametrize(
    "payload, read",
    [
        ('/EXTERNAL_medication_reminder{"notification_id": "3"}',
         'EXTERNAL_medication_reminder{"notification_id": "3"}'),
        ("/restart", "restart"),
        ("/session_start", "session_start"),
        ("/not_in_the_domain", "not_in_the_domain"),
        ('/inform{"answer": ', 'inform{"answer":'),
        ('/inform["a"]', 'inform["a"]'),
        ("/affirm@0.1", "affirm@0.1"),
        ("/affirm extra words", "affirm extra words"),
    ],
)
def test_a_click_that_no_button_could_carry_is_read_as_text(payload, read):
    assert patient_text(payload, clicked=True, allowed=ALLOWED) == read


def test_without_the_domain_only_triggers_and_rasa_defaults_are_refused():
    assert patient_text("/anything_else", clicked=True) == "/anything_else"
    assert patient_text("/EXTERNAL_staff_reply", clicked=True) == "EXTERNAL_staff_reply"
    assert patient_text("/restart", clicked=True) == "restart"
