"""The texts the reminder and data-rights actions speak, from actions/messages.yml.

Kept out of domain.yml because Rasa's validator wants every domain response used in a
rule or story, and these are chosen by actions at run time.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any, Dict

import yaml

MESSAGES_FILE = Path(__file__).resolve().parents[1] / "messages.yml"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@functools.lru_cache(maxsize=1)
def load_messages() -> Dict[str, Dict[str, Any]]:
    """All messages by key (read once)."""
    return yaml.safe_load(MESSAGES_FILE.read_text(encoding="utf-8"))


def placeholders(key: str) -> set:
    """The ``{names}`` a message needs, in its text and its buttons."""
    entry = load_messages()[key]
    texts = [entry["text"]] + [b["payload"] for b in entry.get("buttons", [])]
    return {name for text in texts for name in _PLACEHOLDER.findall(text)}


def _fill(template: str, values: Dict[str, Any]) -> str:
    return _PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), template)


def message(key: str, **values: Any) -> Dict[str, Any]:
    """The message ``key`` with its placeholders filled, as ``utter_message`` kwargs.

    Raises:
        KeyError: for an unknown key or a missing placeholder value.
    """
    entry = load_messages()[key]
    said: Dict[str, Any] = {"text": _fill(entry["text"], values)}
    if entry.get("buttons"):
        said["buttons"] = [
            {"title": _fill(b["title"], values), "payload": _fill(b["payload"], values)}
            for b in entry["buttons"]
        ]
    return said
