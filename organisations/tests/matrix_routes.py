"""The organisations app's own routes in the permission matrix (its other pages are declared
with the alliances', where they lived first)."""

from core.tests.matrix import Route, expect


def extend_world(world):
    pass


ROUTES = [
    # Public, as the sign-up that uses it; off in the tests, it answers its « type the fields ».
    Route(
        "organisations:identity_lookup",
        expect(200),
        query="identity_number=775671464&pour=association",
        anonymous_to_login=False,
    ),
]
