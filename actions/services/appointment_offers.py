"""Which of the offered slots the patient picked: a button, "le 2", "le premier",
"mardi 9h30", "celui de 14h".

An offer is the JSON-able dict the form keeps in ``appointment_offers``; only ``ref``
(the button's answer), ``day`` (local ISO date) and ``local_time`` ("HH:MM") are read
here. Pure: no Rasa, no database.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Optional

from actions.services.practitioner_choice import fold

OFFER_PREFIX = "offer:"
_ORDINALS = {
    "premier": 1, "premiere": 1, "1er": 1, "1ere": 1, "un": 1,
    "deuxieme": 2, "second": 2, "seconde": 2, "2e": 2, "2eme": 2, "deux": 2,
    "troisieme": 3, "3e": 3, "3eme": 3, "trois": 3,
    "quatrieme": 4, "4e": 4, "4eme": 4, "quatre": 4,
    "cinquieme": 5, "5e": 5, "5eme": 5, "cinq": 5,
}
_CARDINALS = frozenset({"un", "deux", "trois", "quatre", "cinq"})
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_TIME = re.compile(r"\b(\d{1,2})\s*(?:h|:)\s*(\d{2})?\b")
_NUMBER = re.compile(r"^\D{0,12}?\b([1-9])\b\D{0,12}$")


def offer_ref(practitioner_key: str, starts_at_iso: str, teleconsultation: bool) -> str:
    """The reference a button answers with: practitioner, UTC start, mode."""
    return f"{OFFER_PREFIX}{practitioner_key}|{starts_at_iso}|{int(teleconsultation)}"


def parse_ref(ref: str) -> Optional[tuple[str, str, bool]]:
    """Read back :func:`offer_ref`, or None when it is not one."""
    if not ref or not ref.startswith(OFFER_PREFIX):
        return None
    parts = ref[len(OFFER_PREFIX) :].split("|")
    if len(parts) != 3 or not parts[0] or not parts[1]:
        return None
    return parts[0], parts[1], parts[2] == "1"


def pick_offer(text: str, offers: Sequence[Mapping[str, Any]]) -> Optional[str]:
    """The ``ref`` of the offer a message picks, or None when it picks none.

    Args:
        text: The patient's message or a button's answer.
        offers: The offers shown, in the order shown.

    Returns:
        The picked offer's ref; a button's ref is returned as is (it may come from an
        older message), other answers must designate exactly one shown offer.
    """
    raw = (text or "").strip()
    if parse_ref(raw):
        return raw
    if not offers:
        return None
    folded = fold(raw)
    index = _index_in(folded, len(offers))
    if index is not None:
        return str(offers[index]["ref"])
    matches = [offer for offer in offers if _fits(folded, offer)]
    return str(matches[0]["ref"]) if len(matches) == 1 else None


def _index_in(folded: str, count: int) -> Optional[int]:
    """A position named by a number or an ordinal ("le 2", "le deuxième", "le dernier")."""
    if re.search(r"\b(dernier|derniere)\b", folded):
        return count - 1
    if _TIME.search(folded):
        return None
    number = _NUMBER.match(folded)
    words = re.findall(r"[a-z0-9]+", folded)
    # "un", "deux"... name a position only in a short answer ("le deux"), not in
    # "deux jours plus tard".
    short = len(words) <= 3
    ordinals = [
        _ORDINALS[word]
        for word in words
        if word in _ORDINALS and (short or word not in _CARDINALS)
    ]
    position = int(number.group(1)) if number else (ordinals[0] if ordinals else None)
    if position is None or not 1 <= position <= count:
        return None
    return position - 1


def _fits(folded: str, offer: Mapping[str, Any]) -> bool:
    """Whether a message's weekday and time agree with an offer (at least one said)."""
    said_time = _TIME.search(folded)
    said_day = next(
        (i for i, name in enumerate(_WEEKDAYS) if re.search(rf"\b{name}\b", folded)),
        None,
    )
    if said_time is None and said_day is None:
        return False
    if said_time is not None:
        hour, minute = int(said_time.group(1)), int(said_time.group(2) or 0)
        if offer.get("local_time") != f"{hour:02d}:{minute:02d}":
            return False
    if said_day is not None:
        day = date.fromisoformat(str(offer.get("day")))
        if day.weekday() != said_day:
            return False
    return True
