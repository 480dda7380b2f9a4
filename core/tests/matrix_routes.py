from core.tests.matrix import PUBLIC, Route, expect

ROUTES = [
    Route("core:home", expect(302, anonymous=200)),
    Route(
        "organisations:switch_organisation",
        expect(302),
        method="post",
        data=lambda w: {"organisation": f"association:{w.association.pk}"},
    ),
    Route("core:health", PUBLIC),
]
