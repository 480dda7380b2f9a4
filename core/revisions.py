"""Revision tokens for cached page fragments (key-based expiration).

A heavy fragment (an alliance file, a dashboard panel, a diagnostic's results) is cached under
a key that holds the current token of each scope it shows: an alliance, an association, the
whole site. Any save or delete of a row in a scope gives that scope a new random token
(`bump`), so the next read misses and renders anew; nothing has to know which fragments exist.
Old fragments are never looked up again and age out (FRAGMENT_TTL).

Tokens are random rather than counters: a token evicted from Redis comes back as a new one,
never as an old value some stale fragment was keyed on.

Which rows belong to which scope: `revision_sources.py`.
"""

import hashlib
import secrets

from django.core.cache import cache
from django.db import transaction
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

SITE = "site"

#: A changed fragment is never read again anyway; the TTL bounds how long a change made behind
#: the ORM's back (raw SQL, a shell's .update()) can go unseen, as for the step and alert caches.
FRAGMENT_TTL = 6 * 3600


def alliance_scope(pk):
    return f"alliance:{pk}"


def association_scope(pk):
    return f"association:{pk}"


def _token_key(scope):
    return f"revision:v1:{scope}"


def tokens(scopes) -> dict[str, str]:
    """{scope: its current token}: one cache read, and one write for the scopes never seen (a
    network page's ~275 on an empty cache). Two requests giving the same scope a token at once
    only cost a render: either token is new, so no stale fragment is keyed on it."""
    keys = {_token_key(scope): scope for scope in set(scopes)}
    found = {keys[key]: token for key, token in cache.get_many(list(keys)).items()}
    new = {key: secrets.token_hex(8) for key, scope in keys.items() if scope not in found}
    if new:
        cache.set_many(new, None)
        found.update({keys[key]: token for key, token in new.items()})
    return found


def bump(scopes):
    """New tokens for these scopes now (this transaction's later reads see its changes) and
    again once it commits (another request may have cached the old rows under the first)."""
    scopes = {scope for scope in scopes if scope}
    if not scopes:
        return

    def renew():
        cache.set_many({_token_key(s): secrets.token_hex(8) for s in scopes}, None)

    renew()
    transaction.on_commit(renew)


def fragment_key(name, scopes, *parts) -> str:
    """The cache key of fragment `name` showing `scopes` in the current language; `parts`: what
    else it depends on (the user's rights, today's date...)."""
    current = tokens(scopes)
    signature = repr((sorted(current.items()), get_language(), parts))
    return f"fragment:v1:{name}:{hashlib.sha256(signature.encode()).hexdigest()}"


def cached_fragment(name, scopes, parts, render):
    """The HTML of `render()` (a str), cached under fragment_key(name, scopes, *parts).

    The tokens are read first: `render()` must read its rows itself, after them, so that a
    change committed in between renews a token the fragment is not stored under."""
    key = fragment_key(name, [*scopes, SITE], *parts)
    html = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html, FRAGMENT_TTL)
    return mark_safe(html)
