"""Real servers for the integration tests: an action server and a Rasa server.

Both run the trained model (``models/hygie.tar.gz``, made by ``make train``) on free
localhost ports, with a fresh SQLite tracker store, and are stopped after the session.
"""

from __future__ import annotations

import http.server
import json
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
import requests
import yaml

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "hygie.tar.gz"
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, seconds: float, what: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with code {process.returncode}")
        try:
            if check():
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{what} not ready after {seconds} s")


@dataclass
class Hygie:
    """Handles on the running servers."""

    rasa_url: str
    token: str
    action_port: int
    workdir: Path
    graph_url: str = ""
    processes: Dict[str, subprocess.Popen] = field(default_factory=dict)
    # The REST channel's bearer token, and the port of the chat page (its origin is
    # the only one Rasa's socket.io accepts): both passed to the Rasa server.
    rest_token: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    webchat_port: int = field(default_factory=free_port)

    @property
    def webchat_origin(self) -> str:
        """The chat page's origin, as a browser sends it."""
        return f"http://127.0.0.1:{self.webchat_port}"

    @property
    def channel_env(self) -> Dict[str, str]:
        """The channels' settings for the Rasa server."""
        return {
            "HYGIE_REST_TOKEN": self.rest_token,
            "HYGIE_WEBCHAT_ORIGINS": self.webchat_origin,
        }

    def start_rasa_server(self) -> None:
        """Starts (or restarts) the Rasa server and waits until it answers."""
        log = open(self.workdir / "rasa.log", "ab")
        port = self.rasa_url.rsplit(":", 1)[1]
        # As `make run` starts it: token from the environment, bound to 127.0.0.1.
        rasa = subprocess.Popen(
            [str(BIN / "python"), "-m", "connectors.rasa_server", "--model", str(MODEL),
             "--endpoints", str(self.workdir / "endpoints.yml"),
             "--credentials", "credentials.yml", "--port", port, "--enable-api"],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
            env={
                **os.environ,
                **MESSENGER_ENV,
                **self.channel_env,
                "FACEBOOK_GRAPH_URL": self.graph_url,
                "RASA_TELEMETRY_ENABLED": "false",
                "RASA_AUTH_TOKEN": self.token,
                "RASA_INTERFACE": "127.0.0.1",
            },
        )
        self.processes["rasa"] = rasa
        status = f"{self.rasa_url}/status"
        wait_until(
            lambda: requests.get(status, params={"token": self.token}, timeout=5).ok,
            300, "Rasa server", rasa,
        )

    @property
    def database_url(self) -> str:
        """The application database the action server and the worker share."""
        return f"sqlite:///{self.workdir / 'hygie.db'}"

    @property
    def app_env(self) -> Dict[str, str]:
        """Environment of the processes that use the application database."""
        return {
            **os.environ,
            "DATABASE_URL": self.database_url,
            "HYGIE_PSEUDONYM_KEY": PSEUDONYM_KEY,
            "RASA_URL": self.rasa_url,
            "RASA_AUTH_TOKEN": self.token,
            # The tracker store (retention) and the chat page (export links).
            "HYGIE_ENDPOINTS": str(self.workdir / "endpoints.yml"),
            "HYGIE_WEBCHAT_URL": self.webchat_origin,
        }

    def send(
        self, message: Any, sender: Optional[str] = None, click: Optional[bool] = None
    ) -> List[Dict[str, Any]]:
        """Posts one message on the REST channel and returns the bot messages.

        A text starting with "/" is sent as a button click unless ``click`` says
        otherwise (the REST channel reads typed "/" as text).
        """
        if click is None:
            click = isinstance(message, str) and message.startswith("/")
        payload = {"sender": sender or new_sender(), "message": message, "click": click}
        answer = self.post(payload)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def post(
        self, payload: Any = None, data: Optional[bytes] = None,
        token: Optional[str] = "",
    ) -> requests.Response:
        """Posts a raw body (or JSON payload) to the REST webhook, with the bearer
        token (``token=None``: no Authorization header; a text: that token)."""
        url = f"{self.rasa_url}/webhooks/rest/webhook"
        token = self.rest_token if token == "" else token
        headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
        if data is not None:
            return requests.post(url, data=data, headers=headers, timeout=60)
        return requests.post(url, json=payload, headers=headers, timeout=60)

    def tracker(self, sender: str) -> Dict[str, Any]:
        """Reads a conversation through the HTTP API (with the token)."""
        answer = requests.get(
            f"{self.rasa_url}/conversations/{sender}/tracker",
            params={"token": self.token},
            timeout=30,
        )
        answer.raise_for_status()
        return answer.json()

    def start_action_server(self) -> None:
        """Starts (or restarts) the action server and waits for its health check."""
        log = open(self.workdir / "actions.log", "ab")
        process = subprocess.Popen(
            [str(BIN / "python"), "-m", "rasa_sdk", "--actions", "actions",
             "--port", str(self.action_port)],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
            env={**self.app_env, "SANIC_HOST": "127.0.0.1"},
        )
        self.processes["actions"] = process
        url = f"http://127.0.0.1:{self.action_port}/health"
        wait_until(lambda: requests.get(url, timeout=2).ok, 60, "action server", process)

    def start_worker(self, name: str = "worker", **env: str) -> subprocess.Popen:
        """Starts a reminder worker on the shared database."""
        log = open(self.workdir / f"{name}.log", "ab")
        process = subprocess.Popen(
            [str(BIN / "python"), "-m", "actions.worker"],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
            env={**self.app_env, "HYGIE_WORKER_ID": name, **env},
        )
        self.processes[name] = process
        return process

    def stop(self, name: str) -> None:
        """Kills one process at once (kill -9), as a crash would."""
        process = self.processes.pop(name)
        process.kill()
        process.wait(timeout=30)

    def stop_action_server(self) -> None:
        """Stops the action server, as a crash would."""
        process = self.processes.pop("actions")
        process.kill()
        process.wait(timeout=30)


class FakeGraphApi:
    """A local stand-in for Meta's Graph API that records every request it gets."""

    def __init__(self) -> None:
        self.requests: List[Dict[str, Any]] = []
        self.lock = threading.Lock()
        recorder = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                with recorder.lock:
                    recorder.requests.append({"path": self.path, "body": body, "at": time.time()})
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"message_id": "sent"}')

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v18.0"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def bodies_to(self, recipient: str) -> List[Dict[str, Any]]:
        """The Send API bodies for one recipient, in order, each with its arrival time
        under ``"at"`` (Unix seconds)."""
        with self.lock:
            return [
                {**r["body"], "at": r["at"]} for r in self.requests
                if r["body"].get("recipient", {}).get("id") == recipient
            ]

    def sent_to(self, recipient: str) -> List[Dict[str, Any]]:
        """The messages sent to one recipient, in order."""
        return [body["message"] for body in self.bodies_to(recipient)]


PSEUDONYM_KEY = "test-pseudonym-key-" + secrets.token_hex(16)

MESSENGER_ENV = {
    "FACEBOOK_VERIFY_TOKEN": "verify-" + secrets.token_hex(4),
    "FACEBOOK_APP_SECRET": "secret-" + secrets.token_hex(8),
    "FACEBOOK_PAGE_ACCESS_TOKEN": "page-token",
}


def new_sender() -> str:
    return f"test-{uuid.uuid4().hex}"


def texts(messages: List[Dict[str, Any]]) -> str:
    """All bot texts of a reply, joined."""
    return "\n".join(m.get("text") or "" for m in messages)


@pytest.fixture(scope="session")
def fake_graph() -> FakeGraphApi:
    api = FakeGraphApi()
    yield api
    api.server.shutdown()


@pytest.fixture(scope="session")
def hygie(tmp_path_factory, fake_graph) -> Hygie:
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train` first")
    workdir = tmp_path_factory.mktemp("hygie")
    rasa_port, action_port = free_port(), free_port()
    # The project's endpoints (the content answers' generator among them), with this
    # session's action server and a fresh tracker store.
    endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text(encoding="utf-8"))
    endpoints["action_endpoint"] = {"url": f"http://127.0.0.1:{action_port}/webhook"}
    endpoints["tracker_store"] = {**endpoints["tracker_store"], "db": str(workdir / "tracker.db")}
    (workdir / "endpoints.yml").write_text(yaml.safe_dump(endpoints), encoding="utf-8")
    servers = Hygie(
        f"http://127.0.0.1:{rasa_port}", secrets.token_urlsafe(16), action_port, workdir,
        graph_url=fake_graph.url,
    )
    subprocess.run(
        [str(BIN / "python"), "-m", "actions.practice", "load"],
        cwd=ROOT, env=servers.app_env, check=True, capture_output=True,
    )
    servers.start_action_server()
    servers.start_rasa_server()
    yield servers
    for process in servers.processes.values():
        process.terminate()
    for process in servers.processes.values():
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
