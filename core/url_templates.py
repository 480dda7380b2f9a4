"""One URL pattern, many links: for pages that link to hundreds of objects of one kind.

`reverse()` costs ~40 µs a call, 10 ms for the ~250 alliances of a network dashboard page.
`url_maker("app:name")` reverses once with a sentinel argument (one per argument of the
pattern) and returns a function that puts each pk in its place; it gives the very string
`reverse(name, args=[pk, …])` gives (tested).
"""

from django.urls import reverse

_SENTINELS = (987_654_321_987, 987_654_321_988, 987_654_321_989)


def url_maker(name, arguments=1):
    sentinels = [str(s) for s in _SENTINELS[:arguments]]
    pattern = reverse(name, args=sentinels)
    parts = [pattern]
    for sentinel in sentinels:
        head, found, tail = parts.pop().partition(sentinel)
        if not found or sentinel in tail:
            raise ValueError(f"{name}: {sentinel} does not appear exactly once in {pattern!r}")
        parts += [head, tail]
    if arguments == 1:
        head, tail = parts
        return lambda pk: f"{head}{int(pk)}{tail}"
    return lambda *pks: "".join(
        part + (str(int(pk)) if pk is not None else "")
        for part, pk in zip(parts, [*pks, None], strict=True)
    )
