"""Deterministic safety net of Hygie: emergencies, poisoning, suicidal crisis, overdose.

This layer runs before (and independently of) the NLU model. It recognises
messages that describe a life-threatening situation with plain regular
expressions, so that Hygie always shows the right help numbers even when the
statistical model hesitates.

Design rules:

* HIGH RECALL. A false alarm only shows help numbers; a miss can cost a life.
* Negation never suppresses a risk: "je ne veux plus vivre", "il ne respire
  plus" or "elle ne se réveille pas" are emergencies.
* Priority: intentional overdose > suicidal crisis > poisoning > medical
  emergency. An intentional overdose (a medicine or product taken on purpose, to
  die or not wake up, just now or at an unclear time) has its own kind because
  its answer gives the 15 first (the intake needs a doctor now), then the 3114.
  A plan ("je vais tout avaler") stays suicidal; a mistake stays a poisoning.
* Questions about a lethal quantity of a medicine, or about dying without pain,
  are suicidal: the crisis line costs little there, a miss costs a lot. Questions
  with no death word ("dose max de doliprane par jour") match nothing, and
  "surdosage ... c'est dangereux ?" stays a poisoning (the antipoison centre helps
  whether or not something was taken). End-of-life care of someone else ("qu'il
  parte sans souffrir, il est en soins palliatifs") is left to the palliative answer.
* Privacy: nothing here logs or stores the patient's text; a match only
  carries the kind and a short rule name.

Standard library only; the patterns are compiled once, at import time. The
pattern sources live in :mod:`connectors.safety_lexicon`.
"""

import enum
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from connectors import safety_lexicon as _lexicon


class SafetyKind(str, enum.Enum):
    """Kind of risk found in a message; values are the NLU intent names."""

    MEDICAL = "emergency_medical"
    POISONING = "emergency_poisoning"
    SUICIDAL = "crisis_suicidal"
    OVERDOSE = "crisis_overdose"


@dataclass(frozen=True)
class SafetyMatch:
    """Result of :func:`detect`.

    Attributes:
        kind: The kind of risk.
        rule: Short name of the rule that matched (e.g. ``"chest_pain"``).
            It never contains the patient's text.
    """

    kind: SafetyKind
    rule: str


# --- normalisation -----------------------------------------------------------

_APOSTROPHES = str.maketrans(
    {c: "'" for c in "\u2019\u2018\u201b`\u00b4\u02bc\u2032\uff07"}
)
_LIGATURES = str.maketrans({"\u0153": "oe", "\u00e6": "ae", "\u00df": "ss"})
_HYPHENS = re.compile(r"[-\u2010-\u2015\u2212\ufe63\uff0d_]+")
_REPEATS = re.compile(r"([a-z])\1{2,}")
_VOWELS = frozenset("aeiouy")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"(?<!')\b[a-z]+\b(?!')")
_ELISION_SPACED = re.compile(r"\b([jnmstldc]|qu) ?' ?")  # "j' ai" -> "j'ai"
_ELISION_MISSING = re.compile(r"(?<!')\b([jnmtldc]|qu) (?=[aeiouyh])")  # "j ai"
_J_CONSONANT = re.compile(r"\bj'?(?=[bcdfgjklmnpqrstvwxz][a-z])")  # "jveux"
_G_FOR_JAI = re.compile(r"(?<![\d'])(?<!\d )\bg\b(?!')")  # "g mal", not "5 g"
_C_FOR_CEST = re.compile(r"(?<!')\bc\b(?!')")  # "c grave"
_JE_VE = re.compile(r"\bje ve\b")  # "jvé" -> "je vais"
_PU_FOR_PLUS = re.compile(
    r"\b(ne|n'|je|j'en|il|elle|on|respire|veux|veut|peux|peut|arrive|bouge|repond|"
    r"reagit|parle|envie|vis|vit|vois|voit|sens|sent)\s+pu\b(?!\s+(?:le|la|les|"
    r"un|une|me|te|se|lui|y|en)\b)|\b(ai|a)\s+pu\b(?=\s+(?:envie|la force|"
    r"le courage|de|d'|aucune?|rien|gout)\b)"
)
_AUX_INFINITIVE = re.compile(
    r"(\S+) (a|ont|as|ai|avons|avez) "
    r"(aval|mang|croqu|lech|gout|mach|suc|ingurgit|inhal)er\b"
)
# "a" (has) versus "a" (to, once the accent is gone): only after a subject.
_SUBJECTS = frozenset(
    "il elle on qui bebe fils fille enfant petit petite mari femme pere mere ado "
    "ans garcon niece neveu soeur frere copain copine ami amie voisin voisine "
    "nourrisson loulou gamin gamine mamie papi grand chien chat".split()
)
_RESPIRE = re.compile(r"\brespir(?:e|er|ez|es|ent|ais|ait|ee)?\b")


def _shorten_repeats(match: re.Match[str]) -> str:
    """Shorten a run of 3+ identical letters (``mourirrrr``, ``aiiiide``).

    Vowels and word-final letters become one letter, other consonants two
    (``arrrrive`` -> ``arrive``), which restores the usual spelling in almost
    every case.

    Args:
        match: A match of ``_REPEATS``.

    Returns:
        The shortened run.
    """
    letter = match.group(1)
    text, end = match.string, match.end()
    at_word_end = end >= len(text) or not text[end].isalpha()
    return letter if letter in _VOWELS or at_word_end else letter * 2


def _participle(match: re.Match[str]) -> str:
    """Turn the frequent mistake "il a avaler" into "il a avale".

    Args:
        match: A match of ``_AUX_INFINITIVE``.

    Returns:
        The corrected words, or the match unchanged when "a" is the preposition.
    """
    before, aux, stem = match.groups()
    if aux == "a" and before not in _SUBJECTS:
        return match.group(0)
    return f"{before} {aux} {stem}e"


def _sms_words(text: str) -> str:
    """Replace whole SMS / typo words by their standard form.

    Args:
        text: Lowercase text without accents.

    Returns:
        The text with the words of ``SMS_FORMS`` replaced.
    """
    forms = _lexicon.SMS_FORMS
    return _WORD.sub(lambda m: forms.get(m.group(0), m.group(0)), text)


def normalize(text: str) -> str:
    """Normalise a message before pattern matching.

    Lowercases, strips accents (NFKD), unifies apostrophes and hyphens
    (hyphens become spaces), shortens letters repeated three times or more,
    collapses whitespace and expands frequent SMS forms ("jveux" -> "je veux",
    "g" -> "j'ai", "chuis" -> "je suis", "pa" -> "pas", "plu" -> "plus"...).
    Every form of "respirer" becomes ``respire``.

    Args:
        text: Raw user message.

    Returns:
        The normalised text (may be empty).
    """
    if not text:
        return ""
    text = text.translate(_APOSTROPHES).lower().translate(_LIGATURES)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _HYPHENS.sub(" ", text)
    text = _REPEATS.sub(_shorten_repeats, text)
    text = _SPACES.sub(" ", text).strip()
    text = _ELISION_SPACED.sub(r"\1'", text)
    text = _sms_words(text)
    text = _ELISION_MISSING.sub(r"\1'", text)
    text = _J_CONSONANT.sub("je ", text)
    text = _G_FOR_JAI.sub("j'ai", text)
    text = _C_FOR_CEST.sub("c'est", text)
    text = _JE_VE.sub("je vais", text)
    text = _sms_words(text)
    text = _PU_FOR_PLUS.sub(lambda m: (m.group(1) or m.group(2)) + " plus", text)
    text = _AUX_INFINITIVE.sub(_participle, text)
    text = _RESPIRE.sub("respire", text)
    return _SPACES.sub(" ", text).strip()


# --- compiled rules ----------------------------------------------------------

_CompiledRule = tuple[str, re.Pattern[str], re.Pattern[str] | None]


def _compile(rules: tuple[_lexicon.Rule, ...]) -> tuple[_CompiledRule, ...]:
    """Compile ``(name, pattern, unless)`` triples of the lexicon.

    Args:
        rules: Rule triples from :mod:`connectors.safety_lexicon`.

    Returns:
        The same rules with compiled patterns.
    """
    return tuple(
        (name, re.compile(pattern), re.compile(unless) if unless else None)
        for name, pattern, unless in rules
    )


# Checked in this order: the first kind that matches wins.
_RULES: tuple[tuple[SafetyKind, tuple[_CompiledRule, ...]], ...] = (
    (SafetyKind.OVERDOSE, _compile(_lexicon.OVERDOSE)),
    (SafetyKind.SUICIDAL, _compile(_lexicon.SUICIDAL)),
    (SafetyKind.POISONING, _compile(_lexicon.POISONING)),
    (SafetyKind.MEDICAL, _compile(_lexicon.MEDICAL)),
)


def _scan(normalized: str) -> Iterator[SafetyMatch]:
    """Yield every rule that matches a normalised text, in priority order.

    Args:
        normalized: Output of :func:`normalize`.

    Yields:
        Matches ordered by kind priority, then by rule order in the lexicon.
    """
    for kind, rules in _RULES:
        for name, pattern, unless in rules:
            if pattern.search(normalized) and not (
                unless and unless.search(normalized)
            ):
                yield SafetyMatch(kind=kind, rule=name)


_FIGURES_OF_SPEECH = re.compile(_lexicon.FIGURES_OF_SPEECH)
_RISK_CUES = re.compile(_lexicon.RISK_CUES)


def has_risk_cue(text: str) -> bool:
    """Tell whether a message names anything an emergency is made of.

    Only used to stop the model from raising an alarm on its own on a message with no
    such word; a pattern that matches (:func:`detect`) never needs one.

    Args:
        text: Raw user message (never logged).

    Returns:
        True when a body part, symptom, danger, product, death or distress word is present.
    """
    return _RISK_CUES.search(normalize(text)) is not None


def is_figure_of_speech(text: str) -> bool:
    """Tell whether a message uses death words as an idiom ("mort de rire").

    Only meant to stop the model from raising an alarm on its own: a pattern that
    matches (:func:`detect`) always wins over this.

    Args:
        text: Raw user message (never logged).

    Returns:
        True when an idiom is present.
    """
    return _FIGURES_OF_SPEECH.search(normalize(text)) is not None


def detect_all(text: str) -> list[SafetyMatch]:
    """Return every safety rule that matches a message (for tests and audits).

    Args:
        text: Raw user message (never logged).

    Returns:
        All matches, highest-priority kind first; empty when nothing matches.
    """
    return list(_scan(normalize(text)))


def detect(text: str) -> SafetyMatch | None:
    """Detect an emergency, a poisoning, a suicidal crisis or an intentional overdose.

    Priority is OVERDOSE > SUICIDAL > POISONING > MEDICAL.

    Args:
        text: Raw user message (never logged).

    Returns:
        The highest-priority match, or ``None`` when no pattern matches.
    """
    return next(_scan(normalize(text)), None)


# Every intent the safety net answers: the policies and the form validators step aside
# for them.
SAFETY_INTENTS = frozenset(kind.value for kind in SafetyKind)
# The crises whose answer gives the suicide prevention line (3114).
CRISIS_INTENTS = frozenset({SafetyKind.SUICIDAL.value, SafetyKind.OVERDOSE.value})
