"""Who the patient wants to see, read from their words.

"rdv avec le dr martin", "je voudrais voir le médecin", "une téléconsultation avec
l'infirmière", "kiné": a practitioner by name, else a profession, and whether the
patient asks for a teleconsultation. Pure: the practice's practitioners are passed in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

# Words for each profession key of the practice file (data/practice/demo.yml).
PROFESSION_WORDS: Mapping[str, re.Pattern[str]] = {
    "medecin_generaliste": re.compile(
        r"\b(medecins?|medcin|generalistes?|docteur|doc|dr|toubib|"
        r"medecin traitant|consultation|consult)\b"
    ),
    "infirmier": re.compile(
        r"\b(infirmi[eè]re?s?|infirmiere?s?|infi|ide|soins?|pansements?|piqures?|"
        r"prise de sang|injections?|vaccins?)\b"
    ),
    "kinesitherapeute": re.compile(
        r"\b(kin[eé]s?|kinesitherapeutes?|kinesi|kinesitherapie|reeducation|"
        r"massages?)\b"
    ),
    "sage_femme": re.compile(r"\b(sages? ?-?femmes?|maieuticien|suivi de grossesse)\b"),
    "psychologue": re.compile(r"\b(psy|psychologues?|psychotherapeutes?)\b"),
}
TELECONSULTATION = re.compile(
    r"\b(tele ?-?consult\w*|teleconsultation|visio\w*|en video|par video|a distance|"
    r"par ecran|en ligne)\b"
)
# Words that can precede a surname ("dr Martin", "madame Durand").
_TITLES = r"(?:dr|docteur|doc|mme|madame|mr|m|monsieur|mlle)\.?"


class PractitionerLike(Protocol):
    """What this reader needs of a practitioner."""

    key: str
    name: str
    profession: str


@dataclass(frozen=True)
class PractitionerChoice:
    """Whom the patient asked for.

    Attributes:
        practitioner: The practitioner's key, when named.
        profession: The profession key, when a profession was named (or the named
            practitioner's).
        teleconsultation: True when the patient asked for a teleconsultation.
    """

    practitioner: str | None = None
    profession: str | None = None
    teleconsultation: bool = False

    @property
    def is_known(self) -> bool:
        """Return True when a practitioner or a profession was found."""
        return self.practitioner is not None or self.profession is not None

    def as_slot(self) -> dict[str, Any]:
        """Return the JSON-able value of the ``appointment_practitioner`` slot."""
        return {
            "practitioner": self.practitioner,
            "profession": self.profession,
            "teleconsultation": self.teleconsultation,
        }

    @classmethod
    def from_slot(cls, value: Any) -> PractitionerChoice:
        """Read back :meth:`as_slot` (anything else gives an empty choice)."""
        if not isinstance(value, Mapping):
            return cls()
        return cls(
            practitioner=value.get("practitioner"),
            profession=value.get("profession"),
            teleconsultation=bool(value.get("teleconsultation")),
        )


def fold(text: str) -> str:
    """Lower-case, accent-free, apostrophes and dashes as spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[’'`_]", " ", plain.lower())


def _names(name: str) -> tuple[str, str]:
    """First name and surname of a display name ("Dr Claire Martin" → claire, martin)."""
    words = [word for word in re.split(r"[\s.]+", fold(name)) if word]
    words = [word for word in words if not re.fullmatch(_TITLES, word)]
    if not words:
        return "", ""
    return (words[0] if len(words) > 1 else ""), words[-1]


def read_practitioner_choice(
    text: str, practitioners: Iterable[PractitionerLike]
) -> PractitionerChoice:
    """Find the practitioner or profession a message names.

    A surname wins over a profession word ("le docteur Martin" is Dr Martin, not any
    doctor); a surname alone counts only with a title, after "avec", "chez" or "voir",
    or as the whole message; a full name counts anywhere.

    Args:
        text: The patient's message.
        practitioners: The practice's practitioners.

    Returns:
        The choice; :attr:`PractitionerChoice.is_known` is False when none is named.
    """
    folded = fold(text)
    tele = bool(TELECONSULTATION.search(folded))
    for practitioner in practitioners:
        first, surname = (re.escape(word) for word in _names(practitioner.name))
        if not surname:
            continue
        full = first and re.search(rf"\b{first}\s+{surname}\b", folded)
        named = re.search(
            rf"\b(?:{_TITLES}|avec|chez|voir)\s+(?:le |la )?{surname}\b", folded
        )
        alone = re.fullmatch(rf"\s*{surname}\s*", folded)
        if full or named or alone:
            return PractitionerChoice(practitioner.key, practitioner.profession, tele)
    for profession, pattern in PROFESSION_WORDS.items():
        if pattern.search(folded):
            return PractitionerChoice(None, profession, tele)
    if tele:
        return PractitionerChoice(None, "medecin_generaliste", True)
    return PractitionerChoice()
