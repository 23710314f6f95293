from rasa.shared.nlu.training_data.message import Message

from connectors.safety_net import SAFETY_NET_KEY, SafetyNet


def message(text, ranking):
    """A message as the FallbackClassifier leaves it: intent = first of ranking."""
    ranking = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    return Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking})


def process(msg):
    return SafetyNet().process([msg])[0]


def test_a_pattern_overrides_a_confident_wrong_intent():
    msg = process(message("je vais me foutre en l'air ce soir", [("greet", 0.97), ("thank", 0.02)]))
    assert msg.get("intent") == {"name": "crisis_suicidal", "confidence": 1.0}
    assert [e["name"] for e in msg.get("intent_ranking")] == ["crisis_suicidal", "greet", "thank"]
    assert msg.get(SAFETY_NET_KEY)["signal"] == "pattern"
    assert "foutre" not in str(msg.get(SAFETY_NET_KEY))


def test_a_pattern_overrides_the_fallback():
    msg = process(
        message("il respire plus", [("nlu_fallback", 0.5), ("greet", 0.3), ("deny", 0.2)])
    )
    assert msg.get("intent")["name"] == "emergency_medical"
    assert "nlu_fallback" not in [e["name"] for e in msg.get("intent_ranking")]


def test_the_model_s_emergency_is_kept_even_below_the_fallback_threshold():
    msg = process(
        message(
            "il a bu un truc pas clair",
            [("nlu_fallback", 0.5), ("emergency_poisoning", 0.41), ("faq", 0.3)],
        )
    )
    assert msg.get("intent") == {"name": "emergency_poisoning", "confidence": 0.41}
    assert msg.get(SAFETY_NET_KEY) == {"signal": "model", "rule": "emergency_poisoning"}


def test_an_ordinary_message_is_left_alone():
    original = [("faq", 0.8), ("emergency_medical", 0.1)]
    msg = process(message("rappel de vaccin", original))
    assert msg.get("intent") == {"name": "faq", "confidence": 0.8}
    assert msg.get(SAFETY_NET_KEY) is None


def test_a_fallback_that_is_not_an_emergency_stays_a_fallback():
    msg = process(message("blurp", [("nlu_fallback", 0.5), ("greet", 0.3)]))
    assert msg.get("intent")["name"] == "nlu_fallback"


def test_a_figure_of_speech_stops_a_model_only_alarm():
    msg = process(
        message("ce boulot me tue", [("crisis_suicidal", 0.7), ("out_of_scope", 0.2), ("faq", 0.1)])
    )
    assert msg.get("intent") == {"name": "out_of_scope", "confidence": 0.2}
    assert [e["name"] for e in msg.get("intent_ranking")] == ["out_of_scope", "faq"]
    assert msg.get(SAFETY_NET_KEY)["signal"] == "figure_of_speech"


def test_a_figure_of_speech_never_silences_a_pattern():
    msg = process(message("je suis mort de fatigue et je veux mourir", [("out_of_scope", 0.9)]))
    assert msg.get("intent")["name"] == "crisis_suicidal"
    assert msg.get(SAFETY_NET_KEY)["signal"] == "pattern"


def test_a_model_only_alarm_needs_a_word_an_emergency_is_made_of():
    msg = process(
        message(
            "mon grand-père a 92 ans et il entend de plus en plus mal, on peut faire quoi",
            [("emergency_medical", 0.9), ("faq", 0.06), ("prevention", 0.04)],
        )
    )
    assert msg.get("intent") == {"name": "faq", "confidence": 0.06}
    assert msg.get(SAFETY_NET_KEY) == {"signal": "no_risk_cue", "rule": None}
    kept = process(message("il est tout pâle et confus", [("emergency_medical", 0.6), ("faq", 0.4)]))
    assert kept.get(SAFETY_NET_KEY) == {"signal": "model", "rule": "emergency_medical"}
