"""The cache backend: Redis, whose failures cost speed only.

A cache read that fails is a miss, a write that fails is skipped: a Redis refused or frozen
never turns a page into a 500, and never holds it longer than the socket timeouts
(settings.REDIS_TIMEOUT, 0.5 s). The first failure is logged, then nothing until Redis
answers again (one line an outage, not one a request)."""

from __future__ import annotations

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

_outage = {"logged": False}

#: Each method and what it gives back when Redis does not answer (a new dict or list each time).
FALLBACKS = {
    "add": False,
    "get": None,
    "set": None,
    "touch": False,
    "delete": False,
    "get_many": dict,
    "has_key": False,
    "incr": None,
    "set_many": list,
    "delete_many": None,
    "clear": False,
}


def _quiet(method, name):
    @functools.wraps(method)
    def call(self, *args, **kwargs):
        try:
            result = method(self, *args, **kwargs)
        except (RedisError, OSError) as error:  # Redis refused, timed out, or gone mid-call
            if not _outage["logged"]:
                _outage["logged"] = True
                logger.warning("Cache unavailable, pages run without it: %r", error)
            if name == "get":
                return kwargs.get("default", args[1] if len(args) > 1 else None)
            fallback = FALLBACKS[name]
            return fallback() if callable(fallback) else fallback
        if _outage["logged"]:
            _outage["logged"] = False
            logger.warning("Cache available again")
        return result

    return call


class QuietRedisCache(RedisCache):
    pass


for _name in FALLBACKS:
    setattr(QuietRedisCache, _name, _quiet(getattr(RedisCache, _name), _name))
