"""Guided exercises: their content, which one a patient asks for, when each step is said.

The exercises live in ``data/content/exercises.yml`` (an intro said at once, steps each
said ``after`` seconds after the previous message, an end said ``end_after`` seconds
after the last step). Starting one plans its steps as rows the worker delivers
(:mod:`actions.store.exercise_steps`); the last row is the end, after which Hygie asks
how the patient feels. Pure: no Rasa, no database.
"""

from __future__ import annotations

import functools
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import yaml

from actions.services.content import CONTENT_DIR, get_content

EXERCISES_FILE = CONTENT_DIR / "exercises.yml"
# A step found later than this is not said: the patient's breathing has moved on.
STEP_GRACE = timedelta(seconds=45)

# Words that name an exercise, on an accent-free lower-case text.
_NAMES = (
    ("breathing_478", r"\b4\W*7\W*8\b|quatre\W+sept\W+huit"),
    ("grounding_54321", r"\b5\W*4\W*3\W*2\W*1\b|ancrage|grounding|5 sens|cinq sens"),
    (
        "muscle_relaxation",
        r"muscl|muscu|jacobson|relaxation progressive|contracter|crisp|tension du corps",
    ),
    ("cardiac_coherence", r"coherence|cardiaque|365|5\W*5\b|respiration carree"),
)


class ExerciseError(ValueError):
    """Raised when the exercises file is missing a field."""


@dataclass(frozen=True)
class Step:
    """One timed message: said ``after`` seconds after the previous one."""

    after: int
    text: str


@dataclass(frozen=True)
class Exercise:
    """A guided exercise, from ``data/content/exercises.yml``."""

    key: str
    title: str
    summary: str
    source: str
    url: str | None
    intro: str
    steps: tuple[Step, ...]
    end: str
    end_after: int

    @property
    def messages(self) -> tuple[Step, ...]:
        """The timed messages after the intro, the end last."""
        return (*self.steps, Step(self.end_after, self.end))

    @property
    def seconds(self) -> int:
        """How long the exercise lasts, intro to end."""
        return sum(step.after for step in self.messages)

    def due_times(self, start: datetime) -> list[datetime]:
        """When each timed message is due, for an exercise started at ``start``."""
        times, at = [], start
        for step in self.messages:
            at = at + timedelta(seconds=step.after)
            times.append(at)
        return times

    def text_of(self, index: int) -> str | None:
        """The text of timed message ``index`` (1 = first step), placeholders filled."""
        if not 1 <= index <= len(self.messages):
            return None
        return get_content().render(self.messages[index - 1].text)

    def is_last(self, index: int) -> bool:
        """Whether message ``index`` is the end of the exercise."""
        return index == len(self.messages)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _required(fields: dict, name: str, where: str) -> str:
    value = str((fields or {}).get(name) or "").strip()
    if not value:
        raise ExerciseError(f"{where}: missing '{name}'")
    return value


def _seconds(value: object, where: str) -> int:
    if not isinstance(value, int) or value < 0:
        raise ExerciseError(f"{where}: 'after' must be a number of seconds")
    return value


def _exercise(key: str, fields: dict) -> Exercise:
    where = f"{EXERCISES_FILE.name}: {key}"
    steps = tuple(
        Step(_seconds(step.get("after"), where), _required(step, "text", where))
        for step in (fields.get("steps") or [])
    )
    if not steps:
        raise ExerciseError(f"{where}: no steps")
    return Exercise(
        key=key,
        title=_required(fields, "title", where),
        summary=_required(fields, "summary", where),
        source=_required(fields, "source", where),
        url=fields.get("url"),
        intro=_required(fields, "intro", where),
        steps=steps,
        end=_required(fields, "end", where),
        end_after=_seconds(fields.get("end_after", 10), where),
    )


@functools.lru_cache(maxsize=4)
def load_exercises(path: Path = EXERCISES_FILE) -> dict[str, Exercise]:
    """Read and check the exercises file, once."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    return {
        str(key): _exercise(str(key), fields or {})
        for key, fields in (data.get("exercises") or {}).items()
    }


def exercise(key: str | None) -> Exercise | None:
    """The exercise with this key, or ``None``."""
    return load_exercises().get(key or "")


def choose_exercise(text: str | None) -> str | None:
    """The exercise a message names ("cohérence cardiaque", "4-7-8"…), or ``None``.

    Args:
        text: The patient's message.

    Returns:
        An exercise key of the exercises file, or ``None`` when none is named.
    """
    folded = _fold(text or "")
    known = load_exercises()
    for key, pattern in _NAMES:
        if key in known and re.search(pattern, folded):
            return key
    return None


def is_step_late(due_at: datetime, now: datetime) -> bool:
    """Whether a timed message found at ``now`` is too late to be said."""
    return now - due_at > STEP_GRACE


def new_run_id() -> str:
    """A random id for one run of an exercise (8 hex digits)."""
    return secrets.token_hex(4)
