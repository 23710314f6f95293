"""Defaults shared by the action server, the services and the reminder worker.

Each fact lives here once: where local files go, and the time zone and language a new
patient gets. Nothing here reads the environment or touches the disk at import time.
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]

# Local state (SQLite files, development keys). Git-ignored.
VAR_DIR = REPO_ROOT / "var"

# A patient's IANA time zone and language until they say otherwise.
DEFAULT_TIME_ZONE = "Europe/Paris"
DEFAULT_LANGUAGE = "fr"


def var_dir() -> Path:
    """Return the local state directory, creating it if needed.

    Returns:
        The path of ``var/`` at the repository root.
    """
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    return VAR_DIR
