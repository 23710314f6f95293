"""The conversation, as a patient reads it, inside their data export.

:func:`conversation_lines` turns tracker events into who said what and when (a
clicked button shown as its title, the reminders' API triggers left out);
:func:`export_archive` packs the export as a ZIP: ``donnees.json`` (everything, for
another service: GDPR art. 20) and ``lisez-moi.txt`` (the same in plain French).
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime, timezone
from typing import Any, Iterable, Mapping

from actions.services.delivery_contract import is_patient_message


def conversation_lines(events: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Who said what and when: ``{"at", "from": "vous"|"Hygie", "text"}``, oldest first."""
    lines: list[dict[str, str]] = []
    buttons: list[Mapping[str, Any]] = []
    for event in events:
        kind = event.get("event")
        at = datetime.fromtimestamp(float(event.get("timestamp") or 0), timezone.utc).isoformat()
        if kind == "bot":
            data = event.get("data") or {}
            buttons = data.get("buttons") or data.get("quick_replies") or []
            if event.get("text"):
                lines.append({"at": at, "from": "Hygie", "text": event["text"]})
        elif kind == "user" and is_patient_message(event):
            text = event.get("text") or ""
            if text.startswith("/"):
                text = next((b.get("title") for b in buttons if b.get("payload") == text), "")
            if text:
                lines.append({"at": at, "from": "vous", "text": text})
    return lines


def export_archive(data: Mapping[str, Any], conversation: list[dict[str, str]]) -> bytes:
    """The export as a ZIP of ``donnees.json`` and ``lisez-moi.txt``."""
    document = {**data, "conversation": conversation}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("donnees.json", json.dumps(document, ensure_ascii=False, indent=1))
        archive.writestr("lisez-moi.txt", _readable(document))
    return buffer.getvalue()


def _readable(document: Mapping[str, Any]) -> str:
    lines = [
        "Copie de vos données enregistrées par Hygie",
        f"Faite le {document.get('exported_at', '')}",
        "",
        "Le fichier donnees.json contient tout, au format JSON.",
        "",
    ]
    for name, rows in document.items():
        if isinstance(rows, list) and name != "conversation":
            lines.append(f"{name} : {len(rows)}")
            lines.extend("  - " + json.dumps(row, ensure_ascii=False) for row in rows)
    lines += ["", "Notre conversation :"]
    lines += [f"[{line['at']}] {line['from']} : {line['text']}" for line in document["conversation"]]
    return "\n".join(lines) + "\n"
