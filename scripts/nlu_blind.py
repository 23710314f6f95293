"""Measures the trained model on a blind set of patient messages (`make nlu-blind`).

The sets under tests/data/nlu_blind*.yml were written without looking at the training
data or at the model's errors, and stay out of the training data (a unit test checks
it). Each message goes through the whole NLU pipeline of the trained model (safety net
and fallback included), as a patient's message would. Prints accuracy, macro F1, the
fallback rate, emergency and crisis recall, and for content families how often the
answer is the right topic, the family's generic answer, or another topic.

Usage: python scripts/nlu_blind.py [models/hygie.tar.gz] [tests/data/nlu_blind.yml ...]
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List, Tuple

import structlog
import yaml

ROOT = Path(__file__).resolve().parents[1]
# A crisis told as an intentional overdose gets the crisis line too (crisis_overdose
# answers 15 and 3114): for a message labelled crisis_suicidal, both are right.
ALSO_RIGHT = {"crisis_suicidal": {"crisis_overdose"}}
EMERGENCIES = ("emergency_medical", "emergency_poisoning")
CRISES = ("crisis_suicidal", "crisis_overdose")
SENSITIVE = ("medical_advice", "first_aid")


def load(paths: List[Path]) -> List[Tuple[str, str]]:
    """Read (label, text) pairs from the blind sets."""
    return [
        (item["intent"], item["text"])
        for path in paths
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]
    ]


async def parse_all(model: Path, texts: List[str]) -> List[dict]:
    """Parse every text with the trained model, as the Rasa server would."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    return [await agent.parse_message(text) for text in texts]


def is_right(label: str, predicted: str) -> bool:
    """Whether the predicted intent answers a message of this label."""
    intent = label.split("/", 1)[0]
    return predicted == intent or predicted in ALSO_RIGHT.get(intent, ())


def macro_f1(pairs: List[Tuple[str, str]]) -> float:
    """Macro F1 over the labels present in the set (crisis equivalence applied)."""
    labels = sorted({gold for gold, _ in pairs})
    scores = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and is_right(g, p))
        fp = sum(1 for g, p in pairs if g != label and is_right(label, p) and not is_right(g, p))
        fn = sum(1 for g, p in pairs if g == label and not is_right(g, p))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def topic_outcome(label: str, parse: dict) -> str:
    """For a content question understood as its family: topic, generic or wrong."""
    family = label.split("/", 1)[0]
    chosen = parse["response_selector"][family]["response"]["intent_response_key"]
    if chosen == label:
        return "topic"
    return "generic" if chosen.endswith("/general") else "wrong"


def report(items: List[Tuple[str, str]], parses: List[dict]) -> None:
    """Print the figures."""
    pairs = [(label.split("/", 1)[0], parse["intent"]["name"]) for (label, _), parse in zip(items, parses)]
    right = sum(is_right(gold, predicted) for gold, predicted in pairs)
    fallback = sum(predicted == "nlu_fallback" for _, predicted in pairs)
    print(f"messages: {len(pairs)}")
    print(f"accuracy (intent): {right / len(pairs):.3f} ({right}/{len(pairs)})")
    print(f"macro F1 (intents): {macro_f1(pairs):.3f}")
    print(f"sent to 'rephrase' (nlu_fallback): {fallback}")
    for name, kinds in (("emergency", EMERGENCIES), ("crisis", CRISES)):
        gold = [(g, p) for g, p in pairs if g in kinds]
        caught = sum(p in kinds for _, p in gold)
        exact = sum(is_right(g, p) for g, p in gold)
        print(f"{name} recall: {caught}/{len(gold)} answered as a safety intent, {exact} as the right one")
    alarms = sum(p in EMERGENCIES + CRISES for g, p in pairs if g not in EMERGENCIES + CRISES)
    print(f"false alarms on the other messages: {alarms}")
    outcomes: Dict[str, Counter] = defaultdict(Counter)
    for (label, _), parse in zip(items, parses):
        if "/" in label and is_right(label, parse["intent"]["name"]):
            outcomes[label.split("/", 1)[0]][topic_outcome(label, parse)] += 1
    for family, counts in sorted(outcomes.items()):
        total = sum(counts.values())
        print(
            f"  {family:<15} understood {total}: right topic {counts['topic']}, "
            f"generic answer {counts['generic']}, another topic {counts['wrong']}"
        )
    print("per label (right / total):")
    by_label: Dict[str, List[bool]] = defaultdict(list)
    for gold, predicted in pairs:
        by_label[gold].append(is_right(gold, predicted))
    for label, results in sorted(by_label.items()):
        print(f"  {label:<22} {sum(results)}/{len(results)}")


def main(argv: List[str]) -> int:
    """Parse the arguments, run the model, print the report."""
    # Quiet: Rasa's debug log would print every message.
    logging.disable(logging.INFO)
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    # The model names our own components (connectors.*), as `rasa` finds them from the root.
    sys.path.insert(0, str(ROOT))
    model = Path(argv[0]) if argv else ROOT / "models" / "hygie.tar.gz"
    paths = [Path(p) for p in argv[1:]] or sorted((ROOT / "tests" / "data").glob("nlu_blind*.yml"))
    items = load(paths)
    parses = asyncio.run(parse_all(model, [text for _, text in items]))
    report(items, parses)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
