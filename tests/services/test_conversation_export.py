import io
import json
import zipfile

from actions.services.conversation_export import conversation_lines, export_archive

EVENTS = [
    {"event": "action", "name": "action_listen", "timestamp": 1.0},
    {"event": "user", "text": "bonjour", "timestamp": 1000.0, "parse_data": {"intent": {"name": "greet"}}},
    {"event": "bot", "text": "Bonjour ! Je vous rappelle vos médicaments ?", "timestamp": 1001.0,
     "data": {"buttons": [{"title": "Oui", "payload": "/affirm"}]}},
    {"event": "user", "text": "/affirm", "timestamp": 1002.0},
    {"event": "user", "text": "EXTERNAL: EXTERNAL_medication_reminder", "timestamp": 1003.0,
     "parse_data": {"intent": {"name": "EXTERNAL_medication_reminder"}},
     "metadata": {"is_external": True}},
    {"event": "bot", "text": "C'est l'heure de votre Kardégic.", "timestamp": 1004.0},
]


def test_the_conversation_reads_as_who_said_what_and_when():
    assert conversation_lines(EVENTS) == [
        {"at": "1970-01-01T00:16:40+00:00", "from": "vous", "text": "bonjour"},
        {"at": "1970-01-01T00:16:41+00:00", "from": "Hygie", "text": "Bonjour ! Je vous rappelle vos médicaments ?"},
        {"at": "1970-01-01T00:16:42+00:00", "from": "vous", "text": "Oui"},
        {"at": "1970-01-01T00:16:44+00:00", "from": "Hygie", "text": "C'est l'heure de votre Kardégic."},
    ]


def test_the_archive_holds_the_json_and_a_readable_text():
    data = {"format_version": 1, "exported_at": "2026-12-06T17:00:00+00:00",
            "medications": [{"name": "Kardégic", "dose": "1 sachet"}]}
    archive = zipfile.ZipFile(io.BytesIO(export_archive(data, conversation_lines(EVENTS))))
    assert sorted(archive.namelist()) == ["donnees.json", "lisez-moi.txt"]
    document = json.loads(archive.read("donnees.json"))
    assert document["medications"] == data["medications"]
    assert [line["from"] for line in document["conversation"]] == ["vous", "Hygie", "vous", "Hygie"]
    readable = archive.read("lisez-moi.txt").decode("utf-8")
    assert "medications : 1" in readable and "Kardégic" in readable
    assert "vous : bonjour" in readable and "Hygie : C'est l'heure de votre Kardégic." in readable
