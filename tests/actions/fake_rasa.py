"""A fake Rasa HTTP API for the reminder worker's tests and benchmark.

It serves the two endpoints the worker calls, as Rasa 3.6 does:

* ``POST /conversations/{id}/trigger_intent?token=…``: answers the scripted status of
  that conversation (200 by default) after ``latency`` seconds, and records the call;
  a 2xx trigger is added to the conversation's tracker like Rasa's external user event;
* ``GET /conversations/{id}/tracker?token=…``: that tracker's events.

A call is recorded once its latency has passed even if the client went away meanwhile
(a worker killed with ``kill -9``): Rasa too finishes a message it has read, and that
is the case that could make a reminder be sent twice. It runs on its own event loop in
a background thread, so a test can drive an in-process worker on its own loop.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from actions.services.delivery_contract import NOTIFICATION_ID_ENTITY

TOKEN = "test-token"


@dataclass(frozen=True)
class Call:
    """One trigger_intent request, as the fake processed it."""

    conversation_id: str
    name: str
    entities: dict[str, Any]
    status: int
    query: dict[str, str]
    received_at: float
    answered_at: float

    @property
    def notification_id(self) -> int:
        """The notification the call delivered."""
        return int(self.entities[NOTIFICATION_ID_ENTITY])


def external_event(name: str, entities: dict[str, Any], at: float) -> dict[str, Any]:
    """A trigger as Rasa 3.6 serialises it (``UserUttered.create_external``)."""
    entity_list = [{"entity": key, "value": value} for key, value in entities.items()]
    text = f"EXTERNAL: {name}"
    return {
        "event": "user",
        "timestamp": at,
        "metadata": {"is_external": True},
        "text": text,
        "parse_data": {
            "intent": {"name": name},
            "entities": entity_list,
            "text": text,
            "message_id": None,
            "metadata": {"is_external": True},
        },
        "input_channel": None,
        "message_id": None,
    }


def closed_port_url() -> str:
    """A local URL where nothing listens: connections are refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@dataclass
class FakeRasa:
    """The fake server; ``start()`` it, read ``calls``, ``stop()`` it."""

    token: str = TOKEN
    latency: float = 0.0
    calls: list[Call] = field(default_factory=list)
    tracker_reads: int = 0
    tracker_status: int = 200  # what GET tracker answers
    in_progress: int = 0  # triggers read, not yet processed
    # Per conversation: statuses to answer next, then 200; and extra delays.
    _scripts: dict[str, deque] = field(default_factory=lambda: defaultdict(deque))
    _delays: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""

    def script(self, conversation_id: str, *statuses: int) -> None:
        """Answer these statuses to the next triggers on this conversation."""
        with self._lock:
            self._scripts[conversation_id].extend(statuses)

    def delay(self, conversation_id: str, seconds: float) -> None:
        """Answer this conversation's triggers ``seconds`` later than the others."""
        with self._lock:
            self._delays[conversation_id] = seconds

    def delivered(self) -> list[int]:
        """The notification ids of the 2xx triggers, in the order processed."""
        with self._lock:
            return [c.notification_id for c in self.calls if 200 <= c.status < 300]

    def received(self) -> int:
        """How many triggers were processed (any status)."""
        with self._lock:
            return len(self.calls)

    def start(self) -> FakeRasa:
        """Serve on a free localhost port in a background thread."""
        self._loop = asyncio.new_event_loop()
        ready = threading.Event()

        def serve() -> None:
            asyncio.set_event_loop(self._loop)
            self._loop.run_until_complete(self._open())
            ready.set()
            self._loop.run_forever()
            self._loop.run_until_complete(self._runner.cleanup())
            self._loop.close()

        self._thread = threading.Thread(target=serve, name="fake-rasa", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("the fake Rasa did not start")
        return self

    def stop(self) -> None:
        """Stop serving."""
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    async def _open(self) -> None:
        app = web.Application()
        app.router.add_post(
            "/conversations/{conversation:.+}/trigger_intent", self._trigger
        )
        app.router.add_get("/conversations/{conversation:.+}/tracker", self._tracker)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"

    def _authorised(self, request: web.Request) -> bool:
        return request.query.get("token") == self.token

    async def _trigger(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return web.json_response({"reason": "NotAuthenticated"}, status=401)
        body = await request.json()
        conversation = request.match_info["conversation"]
        received_at = time.time()
        with self._lock:
            script = self._scripts[conversation]
            status = script.popleft() if script else 200
            delay = self.latency + self._delays.get(conversation, 0.0)
            self.in_progress += 1

        async def process() -> None:
            if delay:
                await asyncio.sleep(delay)
            call = Call(
                conversation_id=conversation,
                name=body.get("name"),
                entities=dict(body.get("entities") or {}),
                status=status,
                query=dict(request.query),
                received_at=received_at,
                answered_at=time.time(),
            )
            with self._lock:
                self.calls.append(call)
                self.in_progress -= 1

        # Shielded: processed to the end even if the client disconnects.
        await asyncio.shield(asyncio.ensure_future(process()))
        body = {"tracker": {"sender_id": conversation}}
        return web.json_response(body, status=status)

    async def _tracker(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return web.json_response({"reason": "NotAuthenticated"}, status=401)
        conversation = request.match_info["conversation"]
        if self.tracker_status != 200:
            return web.json_response({}, status=self.tracker_status)
        with self._lock:
            self.tracker_reads += 1
            events = [
                external_event(call.name, call.entities, call.answered_at)
                for call in self.calls
                if call.conversation_id == conversation and 200 <= call.status < 300
            ]
        return web.json_response({"sender_id": conversation, "events": events})
