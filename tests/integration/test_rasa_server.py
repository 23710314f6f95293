"""The Rasa server as `make run` starts it: token off the command line, localhost only."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
import requests

pytestmark = pytest.mark.integration


def rasa_port(hygie) -> int:
    return int(hygie.rasa_url.rsplit(":", 1)[1])


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a listening TCP socket on ``port`` (from /proc/net/tcp*)."""
    found = set()
    for name in ("tcp", "tcp6"):
        path = Path("/proc/net") / name
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].rsplit(":", 1)
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                found.add(address)
    return found


def non_loopback_address() -> str | None:
    """An IPv4 address of this machine that is not loopback, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET: nothing is sent
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def test_the_token_is_not_on_the_command_line(hygie):
    process = hygie.processes["rasa"]
    cmdline = Path(f"/proc/{process.pid}/cmdline").read_bytes().split(b"\0")
    assert b"connectors.rasa_server" in cmdline, "the launcher is what runs"
    assert hygie.token.encode() not in b" ".join(cmdline)
    assert not any(arg.startswith(b"--auth") for arg in cmdline)


def test_the_api_needs_the_token(hygie):
    url = f"{hygie.rasa_url}/status"
    assert requests.get(url, timeout=10).status_code in (401, 403)
    assert requests.get(url, params={"token": "wrong"}, timeout=10).status_code in (401, 403)
    assert requests.get(url, params={"token": hygie.token}, timeout=10).status_code == 200


def test_it_listens_on_loopback_only(hygie):
    port = rasa_port(hygie)
    # 0100007F is 127.0.0.1 in /proc/net/tcp's little-endian hex.
    assert listening_addresses(port) == {"0100007F"}
    address = non_loopback_address()
    if address is None:
        return  # no other interface: the bound address above is the proof
    with pytest.raises(OSError):
        socket.create_connection((address, port), timeout=3).close()
