import os
import subprocess
import sys
from pathlib import Path

import yaml

from connectors.messenger_profile import profile

ROOT = Path(__file__).resolve().parents[2]


def test_every_payload_is_an_intent_of_the_domain():
    intents = set(yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["intents"])
    body = profile()
    payloads = [body["get_started"]["payload"]] + [
        item["payload"] for item in body["persistent_menu"][0]["call_to_actions"]
    ]
    assert payloads[0] == "/greet"
    assert {p.lstrip("/") for p in payloads} <= intents
    assert len(body["greeting"][0]["text"]) <= 160
    assert "15" in body["greeting"][0]["text"]
    assert all(len(i["title"]) <= 30 for i in body["persistent_menu"][0]["call_to_actions"])


def test_the_script_refuses_to_run_without_a_token():
    env = {k: v for k, v in os.environ.items() if k != "FACEBOOK_PAGE_ACCESS_TOKEN"}
    done = subprocess.run(
        [sys.executable, "-m", "connectors.messenger_profile"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 2 and "FACEBOOK_PAGE_ACCESS_TOKEN" in done.stderr
