"""Figures cached one key per object, read and written in one cache call for a whole page.

Used where a page shows many objects' figures at once (a network's 500 members, a page's 250
alliances, their diagnostics' maturity levels).
"""

from django.core.cache import cache
from django.db import transaction


def cached_many(keys, compute, timeout):
    """{id: value} for every id of `keys` ({cache key: id}): one cache read; the ids missing
    from the cache are computed by `compute(missing ids) -> {id: value}` and stored."""
    found = {keys[key]: value for key, value in cache.get_many(list(keys)).items()}
    missing = [pk for pk in keys.values() if pk not in found]
    if missing:
        fresh = compute(missing)
        cache.set_many({key: fresh[pk] for key, pk in keys.items() if pk in fresh}, timeout)
        found.update(fresh)
    return found


def forget(keys):
    """Drop these keys now (this transaction reads its own changes) and again once it commits
    (another request may have cached the old figures meanwhile)."""
    keys = list(keys)
    if keys:
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys))
