"""Warnings about abstentions and failed items, at most one per cause every 10 seconds: a judge outage would
otherwise log one line per rollout."""

import logging
import threading
import time
from typing import Dict

_lock = threading.Lock()
_last: Dict[str, float] = {}
QUIET_SECONDS = 10.0


def warn(log: logging.Logger, cause: str, message: str) -> None:
    """Logs `message` at warning level unless `cause` was logged in the last 10 seconds."""
    now = time.monotonic()
    with _lock:
        if now - _last.get(cause, -1e9) < QUIET_SECONDS:
            return
        _last[cause] = now
    log.warning("%s (further '%s' warnings muted for %.0f s)", message, cause, QUIET_SECONDS)


def warn_abstentions(log: logging.Logger, where: str, codes: Dict[str, int]) -> None:
    """One warning per abstention code seen in a batch, with its count."""
    for code, count in codes.items():
        warn(log, f"{where}:{code}", f"{where}: {count} rollout(s) abstained with {code}")
