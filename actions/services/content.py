"""Hygie's editable content: help numbers, practice details and answer topics.

Everything a patient reads about the service, first aid, prevention or the limits of
Hygie lives in YAML files under ``data/content/``. This module loads them once,
checks their shape, and renders an answer with its placeholders filled in. It imports
nothing from Rasa so that the action server and the Rasa-server side both use it.
"""

from __future__ import annotations

import functools
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Tuple

import yaml

CONTENT_DIR = Path(__file__).resolve().parents[2] / "data" / "content"

# The topic key of a family's generic answer: the `generic:` entry of its file, spoken
# when no topic fits well enough (connectors/topic_selection.py).
GENERIC_KEY = "general"

# Retrieval intents whose answers come from a content file of the same name.
CONTENT_INTENTS: Tuple[str, ...] = (
    "faq",
    "first_aid",
    "prevention",
    "medical_advice",
    "wellbeing",
)


class ContentError(ValueError):
    """Raised when a content file is missing a field or uses an unknown placeholder."""


@dataclass(frozen=True)
class Topic:
    """One answer a patient can get, e.g. ``first_aid/burn``.

    Attributes:
        intent: The retrieval intent, e.g. ``first_aid``.
        key: The topic key, e.g. ``burn``.
        title: A short title, used on buttons.
        answer: The answer text, with placeholders.
        source: Who says so (Ameli, Santé publique France, HAS...).
        url: An optional link to the source.
        call_15: When to call the SAMU (first aid only), with placeholders.
    """

    intent: str
    key: str
    title: str
    answer: str
    source: str
    url: Optional[str] = None
    call_15: Optional[str] = None

    @property
    def intent_response_key(self) -> str:
        """The full retrieval intent name, e.g. ``first_aid/burn``."""
        return f"{self.intent}/{self.key}"


@dataclass(frozen=True)
class Content:
    """All content files, loaded and checked."""

    numbers: Mapping[str, str]
    antipoison_centres: Mapping[str, str]
    practice: Mapping[str, str]
    topics: Mapping[str, Topic]
    generic: Mapping[str, Topic] = field(default_factory=dict)

    @property
    def placeholders(self) -> Dict[str, str]:
        """Values for every placeholder an answer or a domain response may use."""
        centres = "; ".join(f"{city} {num}" for city, num in self.antipoison_centres.items())
        return {**self.numbers, **self.practice, "antipoison_centres": centres}

    def render(self, text: str) -> str:
        """Fills the placeholders of ``text``.

        Args:
            text: A content text such as ``"Appelez le {samu}."``.

        Returns:
            The text with numbers and practice details in place.
        """
        return text.format_map(self.placeholders).strip()

    @property
    def answers(self) -> Dict[str, Topic]:
        """Every answer a retrieval action can speak: the topics and generic answers."""
        return {**self.topics, **{t.intent_response_key: t for t in self.generic.values()}}

    def topics_of(self, intent: str) -> List[Topic]:
        """Lists the topics of one retrieval intent, in file order."""
        return [topic for topic in self.topics.values() if topic.intent == intent]

    def render_topic(self, topic: Topic) -> str:
        """Renders a topic as the message a patient reads.

        Args:
            topic: The topic to render.

        Returns:
            Title, answer, when to call the 15 (first aid) and the source line.
        """
        parts = [f"{topic.title}", self.render(topic.answer)]
        if topic.call_15:
            parts.append(f"📞 {self.render(topic.call_15)}")
        source = f"Source : {topic.source}"
        if topic.url:
            source += f" ({topic.url})"
        parts.append(source)
        # One line break, not two: Rasa's channels send each blank-line part apart.
        return "\n".join(parts)


def _read_yaml(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise ContentError(f"{path.name}: expected a mapping at the top level")
    return data


def _placeholder_names(text: str) -> List[str]:
    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def _topic(key: str, fields: dict, intent: str, allowed: set, where: str) -> Topic:
    for name in ("title", "answer", "source"):
        if not str((fields or {}).get(name) or "").strip():
            raise ContentError(f"{where}: missing '{name}'")
    if intent == "first_aid" and not fields.get("call_15"):
        raise ContentError(f"{where}: first-aid topics must say when to call 15")
    topic = Topic(
        intent=intent,
        key=key,
        title=str(fields["title"]).strip(),
        answer=str(fields["answer"]),
        source=str(fields["source"]).strip(),
        url=fields.get("url"),
        call_15=fields.get("call_15"),
    )
    for text in (topic.answer, topic.call_15 or "", topic.title):
        unknown = set(_placeholder_names(text)) - allowed
        if unknown:
            raise ContentError(f"{where}: unknown placeholders {sorted(unknown)}")
    return topic


def _load_topics(path: Path, intent: str, allowed: set) -> Tuple[Dict[str, Topic], Optional[Topic]]:
    data = _read_yaml(path)
    topics: Dict[str, Topic] = {}
    for key, fields in (data.get("topics") or {}).items():
        if str(key) == GENERIC_KEY:
            raise ContentError(f"{path.name}: '{GENERIC_KEY}' is the generic answer's key")
        topic = _topic(str(key), fields, intent, allowed, f"{path.name}: {key}")
        topics[topic.intent_response_key] = topic
    generic = data.get("generic")
    if generic is None:
        return topics, None
    return topics, _topic(GENERIC_KEY, generic, intent, allowed, f"{path.name}: generic")


def load_content(directory: Path = CONTENT_DIR) -> Content:
    """Loads and checks every content file of ``directory``.

    Args:
        directory: The folder holding numbers.yml, practice.yml and the topic files.

    Returns:
        The checked content.

    Raises:
        ContentError: If a file is malformed or an answer uses an unknown placeholder.
    """
    numbers_file = _read_yaml(directory / "numbers.yml")
    numbers = {k: str(v["number"]) for k, v in numbers_file["numbers"].items()}
    centres = {k: str(v) for k, v in numbers_file.get("antipoison_centres", {}).items()}
    practice = {k: str(v) for k, v in _read_yaml(directory / "practice.yml")["practice"].items()}
    allowed = set(numbers) | set(practice) | {"antipoison_centres"}
    topics: Dict[str, Topic] = {}
    generic: Dict[str, Topic] = {}
    for intent in CONTENT_INTENTS:
        path = directory / f"{intent}.yml"
        if path.exists():
            family, general = _load_topics(path, intent, allowed)
            topics.update(family)
            if general:
                generic[intent] = general
    return Content(numbers, centres, practice, topics, generic)


@functools.lru_cache(maxsize=1)
def get_content() -> Content:
    """Returns the content of ``data/content``, loaded on first use."""
    return load_content()
