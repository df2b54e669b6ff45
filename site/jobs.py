"""Project-level jobs."""

import logging

from kern import clock

logger = logging.getLogger(__name__)


def heartbeat() -> str:
    """Proves that cron enqueues and a worker runs: its result is visible in the RQ dashboard."""
    now = clock.now().isoformat()
    logger.info("Heartbeat at %s", now)
    return now
