"""Listening mode: Hygie reflects what the patient says and asks open questions.

The words it recognises and what it answers are in ``data/content/listening.yml``:
feelings and topics (each with words and reflections), validations for when nothing is
recognised, open questions, and fixed messages. It never diagnoses and never gives an
order; a risk signal never reaches it (the safety net answers first and the listening
policy steps aside, see ``connectors/listening_policy.py``). Pure: no Rasa, no database.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from actions.services.content import CONTENT_DIR, get_content

LISTENING_FILE = CONTENT_DIR / "listening.yml"
# Every this many replies, Hygie also offers an exercise, the care team, Mon soutien psy.
OFFER_EVERY = 4
# "pas triste", "plus en colère": a negated word is not what the patient feels.
_NEGATION = re.compile(r"(?:\b(?:pas|plus|jamais|ni)\s+(?:\w+\s+)?)$")


@dataclass(frozen=True)
class Theme:
    """A feeling or a topic: the words that show it and how to reflect it."""

    key: str
    patterns: tuple[re.Pattern[str], ...]
    reflections: tuple[str, ...]


@dataclass(frozen=True)
class Listening:
    """Everything the listening mode says (see the module docstring)."""

    feelings: tuple[Theme, ...]
    topics: tuple[Theme, ...]
    validations: tuple[str, ...]
    open_questions: tuple[str, ...]
    start: str
    offer: str
    end: str


@dataclass(frozen=True)
class ListeningReply:
    """One reply: what to say, and whether to add the offer with its buttons."""

    text: str
    offer: bool
    feeling: str | None
    topic: str | None


def fold(text: str) -> str:
    """Lower case, no accents, apostrophes and hyphens as spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return re.sub(r"[’'`\-_]", " ", plain)


def _pattern(entry: str) -> re.Pattern[str]:
    # A word matches the start of a word; several words match as a phrase.
    words = [re.escape(word) for word in fold(entry).split()]
    return re.compile(r"(?<![a-z0-9])" + r"\s+".join(words))


def _themes(section: dict, where: str) -> tuple[Theme, ...]:
    themes = []
    for key, fields in (section or {}).items():
        words, reflections = fields.get("words") or [], fields.get("reflections") or []
        if not words or not reflections:
            raise ValueError(f"{LISTENING_FILE.name}: {where}.{key} needs words and reflections")
        themes.append(
            Theme(str(key), tuple(_pattern(w) for w in words), tuple(reflections))
        )
    return tuple(themes)


@functools.lru_cache(maxsize=4)
def load_listening(path: Path = LISTENING_FILE) -> Listening:
    """Read and check the listening file, once."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    listening = Listening(
        feelings=_themes(data.get("feelings"), "feelings"),
        topics=_themes(data.get("topics"), "topics"),
        validations=tuple(data.get("validations") or ()),
        open_questions=tuple(data.get("open_questions") or ()),
        start=str(data.get("start") or "").strip(),
        offer=str(data.get("offer") or "").strip(),
        end=str(data.get("end") or "").strip(),
    )
    if not (listening.validations and listening.open_questions and listening.start):
        raise ValueError(f"{LISTENING_FILE.name}: validations, open_questions, start needed")
    return listening


def _found(themes: tuple[Theme, ...], folded: str) -> Theme | None:
    """The theme whose words appear first in the text (not negated), or ``None``."""
    best: tuple[int, Theme] | None = None
    for theme in themes:
        for pattern in theme.patterns:
            for match in pattern.finditer(folded):
                if _NEGATION.search(folded[: match.start()]):
                    continue
                if best is None or match.start() < best[0]:
                    best = (match.start(), theme)
                break
    return best[1] if best else None


def reply(text: str | None, turn: int) -> ListeningReply:
    """What Hygie answers to one message of the listening mode.

    A reflection of the feeling and of the topic it recognises (or a validation when
    it recognises neither), then an open question; the variants turn with ``turn``
    so that two replies in a row do not repeat each other.

    Args:
        text: The patient's message.
        turn: The number of this reply in the listening session (1 for the first).

    Returns:
        The reply; ``offer`` is set every ``OFFER_EVERY`` replies.
    """
    listening = load_listening()
    folded = fold(text or "")
    feeling = _found(listening.feelings, folded)
    topic = _found(listening.topics, folded)
    parts = []
    if feeling:
        parts.append(feeling.reflections[turn % len(feeling.reflections)])
    if topic:
        parts.append(topic.reflections[turn % len(topic.reflections)])
    if not parts:
        parts.append(listening.validations[turn % len(listening.validations)])
    parts.append(listening.open_questions[turn % len(listening.open_questions)])
    return ListeningReply(
        text=" ".join(parts),
        offer=turn % OFFER_EVERY == 0,
        feeling=feeling.key if feeling else None,
        topic=topic.key if topic else None,
    )


def start_text() -> str:
    """The first message of the listening mode, numbers filled in."""
    return get_content().render(load_listening().start)


def offer_text() -> str:
    """The offer added every few replies."""
    return get_content().render(load_listening().offer)


def end_text() -> str:
    """The message when the patient stops the listening mode."""
    return get_content().render(load_listening().end)
