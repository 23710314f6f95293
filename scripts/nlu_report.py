"""Prints per-intent and macro F1 from a `rasa test nlu --cross-validation` run.

Usage: python scripts/nlu_report.py results/nlu
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# Rasa's own entries in the report that are not intents.
NON_INTENTS = {"accuracy", "macro avg", "weighted avg", "micro avg"}
# Intents triggered through the HTTP API by the reminder worker: never classified from
# a patient's message, so they are shown but kept out of the macro F1.
API_ONLY_PREFIX = "EXTERNAL_"


def main(results_dir: str) -> int:
    """Reads intent_report.json (and the response selection report) and prints F1."""
    results = Path(results_dir)
    report = json.loads((results / "intent_report.json").read_text(encoding="utf-8"))
    print(f"{'intent':<30} {'F1':>6} {'support':>8}")
    patient_f1 = []
    for name, scores in sorted(report.items()):
        if name in NON_INTENTS or not isinstance(scores, dict):
            continue
        api_only = name.startswith(API_ONLY_PREFIX)
        note = "  (API only, not in the macro)" if api_only else ""
        print(f"{name:<30} {scores['f1-score']:>6.3f} {scores['support']:>8}{note}")
        if not api_only:
            patient_f1.append(scores["f1-score"])
    print(f"\nmacro F1 (patient intents): {sum(patient_f1) / len(patient_f1):.3f}")
    print(f"macro F1 (all labels, as Rasa computes it): {report['macro avg']['f1-score']:.3f}")
    print(f"accuracy (intents): {report['accuracy']:.3f}")
    selection = results / "response_selection_report.json"
    if selection.exists():
        sel = json.loads(selection.read_text(encoding="utf-8"))
        print(f"macro F1 (topics, response selection): {sel['macro avg']['f1-score']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "results/nlu"))
