"""One URL pattern, many links: for pages that link to hundreds of objects of one kind.

`reverse()` costs ~40 µs a call, 10 ms for the ~250 alliances of a network dashboard page.
`url_maker("app:name")` reverses once with a sentinel argument and returns a function that puts
each pk in its place; it gives the very string `reverse(name, args=[pk])` gives (tested).
"""

from django.urls import reverse

_SENTINEL = 987_654_321_987


def url_maker(name):
    pattern = reverse(name, args=[_SENTINEL])
    head, sentinel, tail = pattern.partition(str(_SENTINEL))
    if not sentinel or str(_SENTINEL) in tail:
        raise ValueError(f"{name}: the argument does not appear exactly once in {pattern!r}")
    return lambda pk: f"{head}{int(pk)}{tail}"
