"""Starts Rasa's server like ``rasa run``, on localhost, its token off the command line.

``rasa run --auth-token X`` shows the token to every user of the machine (``ps``,
``/proc/<pid>/cmdline``) and listens on every interface unless told otherwise. This
launcher takes the arguments of ``rasa run`` except those two: the token comes from
``RASA_AUTH_TOKEN`` and the interface from ``RASA_INTERFACE`` (default 127.0.0.1).
It then runs Rasa's own command line in this process, so the model, endpoints,
credentials, CORS, logging and the HTTP API behave exactly as with ``rasa run``; only
the process's real command line, which Python's ``sys.argv`` does not change, stays
free of the token.

Usage::

    RASA_AUTH_TOKEN=... python -m connectors.rasa_server --model models/hygie.tar.gz \\
        --endpoints endpoints.yml --credentials credentials.yml --enable-api

Plain ``rasa run`` and ``rasa shell`` keep working for developers.
"""

from __future__ import annotations

import os
import sys
from typing import List, Mapping, Optional, Sequence

TOKEN_ENV = "RASA_AUTH_TOKEN"
INTERFACE_ENV = "RASA_INTERFACE"
DEFAULT_INTERFACE = "127.0.0.1"
# Options this launcher sets itself, with the variable that gives their value.
OWN_OPTIONS = {"--auth-token": TOKEN_ENV, "--interface": INTERFACE_ENV}


class LauncherError(ValueError):
    """The launcher cannot start Rasa safely with these arguments and environment."""


def _own_option(arg: str) -> Optional[str]:
    """The launcher-owned option ``arg`` names (argparse accepts prefixes), if any."""
    if arg == "-i" or (arg.startswith("-i") and not arg.startswith("--")):
        return "--interface"
    name = arg.split("=", 1)[0]
    if len(name) > 3 and name.startswith("--"):
        for option in OWN_OPTIONS:
            if option.startswith(name):
                return option
    return None


def rasa_run_argv(args: Sequence[str], environ: Mapping[str, str]) -> List[str]:
    """Builds the ``rasa run`` command line this process runs internally.

    Args:
        args: The ``rasa run`` arguments given to the launcher.
        environ: The environment (``RASA_AUTH_TOKEN``, ``RASA_INTERFACE``).

    Returns:
        ``["rasa", "run", *args, "--interface=<interface>", "--auth-token=<token>"]``.

    Raises:
        LauncherError: If the token is missing, or a token or an interface is given
            as an argument.
    """
    for arg in args:
        option = _own_option(arg)
        if option:
            source = OWN_OPTIONS[option]
            raise LauncherError(f"{option} comes from {source}, not an argument")
    token = environ.get(TOKEN_ENV, "").strip()
    if not token:
        raise LauncherError(f"{TOKEN_ENV} is not set: the HTTP API would have no token")
    interface = environ.get(INTERFACE_ENV, "").strip() or DEFAULT_INTERFACE
    # "--option=value": a token may start with "-", which argparse reads as an option.
    return ["rasa", "run", *args, f"--interface={interface}", f"--auth-token={token}"]


def main(args: Optional[Sequence[str]] = None) -> None:
    """Runs ``rasa run`` in this process with the token and interface from the env."""
    try:
        argv = rasa_run_argv(sys.argv[1:] if args is None else args, os.environ)
    except LauncherError as error:
        sys.exit(f"connectors.rasa_server: {error}")
    from rasa.__main__ import main as rasa_main

    sys.argv = argv  # read by Rasa's parser; /proc/<pid>/cmdline keeps the real one
    rasa_main()


if __name__ == "__main__":
    main()
