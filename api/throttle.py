"""Requests per token and per minute, counted in Django's cache (Redis in production).

A fixed window of one minute: the counter `api-rate:<token>:<minute>` is added with a
two-minute expiry, then incremented. When the cache is unreachable (Redis down), the request is
allowed and a warning logged: the API then runs unthrottled rather than failing, as every other
page keeps working without Redis. A database counter would hold the limit through an outage,
at the cost of one write per call on every request.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def allow(token_id: int, *, now: float | None = None) -> bool:
    limit = settings.API_REQUESTS_PER_MINUTE
    window = int((now if now is not None else time.time()) // 60)
    key = f"api-rate:{token_id}:{window}"
    try:
        cache.add(key, 0, timeout=120)
        count = cache.incr(key)
    except Exception:  # any cache failure: never a 500 for the caller
        logger.warning("API rate limit not applied: the cache is unreachable", exc_info=True)
        return True
    return count <= limit
