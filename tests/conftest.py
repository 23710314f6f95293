"""Settings every test process shares.

The data encryption keys of the test run live in a private temporary key file, not in
the repository's ``var/``; processes the tests start inherit the same file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from actions.store.crypto import KEY_FILE_ENV_VAR, KEYS_ENV_VAR


def pytest_configure(config) -> None:
    """Point the key ring at a fresh key file for this run (unless one is given)."""
    if not os.environ.get(KEYS_ENV_VAR) and not os.environ.get(KEY_FILE_ENV_VAR):
        directory = Path(tempfile.mkdtemp(prefix="hygie-keys-"))
        os.environ[KEY_FILE_ENV_VAR] = str(directory / "data.keys")
