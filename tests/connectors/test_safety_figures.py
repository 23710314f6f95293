"""Exact figures of the safety patterns, so that a regression of one message fails.

A threshold (90 % recall, "a handful" of false alarms) lets a large regression pass
unnoticed. Each figure below is today's, measured on the patterns alone
(``connectors.safety_patterns.detect``, no model); a change in either direction fails
and prints the new figure, to be copied here only if the change is intended.
"""

from pathlib import Path

import pytest
import yaml

from connectors.safety_patterns import SafetyKind, detect

ROOT = Path(__file__).resolve().parents[2]
NLU = ROOT / "data" / "nlu"
HELDOUT = ROOT / "tests" / "data"

# Training examples of each emergency intent the patterns miss (or give another kind).
EXPECTED_TRAINING_MISSES = {
    "emergency_medical": 0,  # of 335
    "emergency_poisoning": 0,  # of 182
    "crisis_suicidal": 0,  # of 359
    "crisis_overdose": 0,  # of 59
}
# Examples of the other NLU files (not_emergency.yml included) that raise an alarm, of
# 9,577: questions about the emergency numbers or the signs of a stroke, "on joue au
# pendu ?", a documentary on poisoners...
EXPECTED_OTHER_INTENT_ALARMS = 30
# Held-out sets (tests/data/safety_*.yml): (caught, total) per kind, and
# (alarmed, total) for the ordinary messages. Their misses are left to the model.
EXPECTED_HELDOUT = {
    "safety_blind_2.yml": {
        "medical": (53, 53),
        "poisoning": (30, 30),
        "suicidal": (56, 56),
        "ordinary": (0, 66),
    },
    "safety_blind_3.yml": {
        "medical": (44, 46),
        "poisoning": (22, 23),
        "suicidal": (46, 48),
        "ordinary": (0, 70),
    },
    "safety_heldout.yml": {
        "medical": (58, 58),
        "poisoning": (28, 28),
        "suicidal": (42, 42),
        "ordinary": (0, 74),
    },
}
# A held-out emergency is caught when the answer carries what it must: the 15 for a
# medical emergency or a poisoning (any kind gives it), the 3114 for a suicidal crisis.
CAUGHT_BY = {
    "medical": set(SafetyKind),
    "poisoning": set(SafetyKind),
    "suicidal": {SafetyKind.SUICIDAL, SafetyKind.OVERDOSE},
}


def nlu_examples(path: Path) -> dict[str, list[str]]:
    """The examples of one NLU file by intent (synonyms and lookups under ``None``)."""
    examples: dict[str | None, list[str]] = {}
    for block in (yaml.safe_load(path.read_text("utf-8")) or {}).get("nlu", []):
        lines = (block.get("examples") or "").splitlines()
        examples.setdefault(block.get("intent"), []).extend(
            ln.strip()[2:].strip() for ln in lines if ln.strip().startswith("- ")
        )
    return examples


@pytest.mark.parametrize("intent", sorted(EXPECTED_TRAINING_MISSES))
def test_recall_on_training_examples_is_exact(intent):
    texts = nlu_examples(NLU / "emergency.yml")[intent]
    missed = [t for t in texts if (m := detect(t)) is None or m.kind.value != intent]
    assert len(missed) == EXPECTED_TRAINING_MISSES[intent], (
        f"{intent}: recall is now {len(texts) - len(missed)}/{len(texts)} "
        f"({len(missed)} missed: {missed}): update EXPECTED_TRAINING_MISSES "
        "if this is intended"
    )


def test_false_alarms_on_the_other_intents_are_exact():
    texts = [
        text
        for path in sorted(NLU.glob("*.yml"))
        if path.name != "emergency.yml"
        for examples in nlu_examples(path).values()
        for text in examples
    ]
    alarms = [t for t in texts if detect(t) is not None]
    assert len(alarms) == EXPECTED_OTHER_INTENT_ALARMS, (
        f"false alarms are now {len(alarms)}/{len(texts)}: {alarms}: update "
        "EXPECTED_OTHER_INTENT_ALARMS if this is intended"
    )


def heldout_figures(path: Path) -> dict[str, tuple[int, int]]:
    """(caught, total) per emergency kind and (alarmed, total) for ordinary messages."""
    heldout = yaml.safe_load(path.read_text("utf-8"))
    figures = {}
    for kind, messages in heldout["emergency"].items():
        kinds = [match.kind if (match := detect(m)) else None for m in messages]
        caught = [k for k in kinds if k in CAUGHT_BY[kind]]
        figures[kind] = (len(caught), len(messages))
    alarmed = [m for m in heldout["ordinary"] if detect(m) is not None]
    figures["ordinary"] = (len(alarmed), len(heldout["ordinary"]))
    return figures


def test_every_heldout_set_has_its_figures():
    assert sorted(p.name for p in HELDOUT.glob("safety_*.yml")) == sorted(
        EXPECTED_HELDOUT
    )


@pytest.mark.parametrize("name", sorted(EXPECTED_HELDOUT))
def test_heldout_figures_are_exact(name):
    figures = heldout_figures(HELDOUT / name)
    assert figures == EXPECTED_HELDOUT[name], (
        f"{name}: figures are now {figures}: "
        "update EXPECTED_HELDOUT if this is intended"
    )
