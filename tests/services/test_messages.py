import re
from pathlib import Path

import pytest

from actions.services.messages import load_messages, message, placeholders

ACTIONS = Path(__file__).resolve().parents[2] / "actions"


def action_sources():
    return "\n".join(p.read_text(encoding="utf-8") for p in ACTIONS.glob("*.py"))


def test_every_message_the_actions_speak_exists_and_every_message_is_spoken():
    source = action_sources()
    called = set(re.findall(r'message\("(\w+)"', source))
    assert {"ask_consent", "not_understood", "consent_recorded"} <= called
    assert called - set(load_messages()) == set()
    quoted = set(re.findall(r'"(\w+)"', source))
    literals = quoted | {f"ask_{name}" for name in quoted}  # ask_actions("<slot>", ...)
    assert set(load_messages()) - literals == set(), "messages no action speaks"


@pytest.mark.parametrize("key", sorted(load_messages()))
def test_each_message_is_french_text_with_valid_buttons(key):
    entry = load_messages()[key]
    assert entry["text"].strip()
    for button in entry.get("buttons", []):
        assert button["title"] and button["payload"].startswith("/")


def test_placeholders_are_filled_in_text_and_button_payloads():
    said = message(
        "medication_reminder", name="Levothyrox", dose="1 comprimé",
        instruction=" À jeun.", time="7h30", notification_id="42",
    )
    assert said["text"] == "⏰ C'est l'heure de votre Levothyrox : 1 comprimé. À jeun. (prévu à 7h30)"
    assert said["buttons"][0]["payload"] == '/dose_taken{"notification_id": "42"}'
    assert placeholders("medication_reminder") == {"name", "dose", "instruction", "time", "notification_id"}
    with pytest.raises(KeyError):
        message("medication_reminder", name="x")


def test_the_form_questions_have_a_way_out():
    for key in ("ask_medication_name", "ask_medication_dose", "ask_medication_times",
                "ask_medication_days", "ask_medication_end", "ask_medication_new_times"):
        assert {"title": "Annuler", "payload": "/deny"} in load_messages()[key]["buttons"]
