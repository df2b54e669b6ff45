"""Project-level jobs."""

import logging

from django.utils import timezone

logger = logging.getLogger(__name__)


def heartbeat() -> str:
    """Proves that cron enqueues and a worker runs: its result is visible in the RQ dashboard."""
    now = timezone.now().isoformat()
    logger.info("Heartbeat at %s", now)
    return now
