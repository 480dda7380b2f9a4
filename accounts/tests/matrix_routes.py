from core.tests.matrix import LOGGED_IN, PUBLIC, Route, expect

ROUTES = [
    Route("accounts:login", expect(302, anonymous=200)),
    Route("accounts:logout", expect(302), method="post", anonymous_to_login=False),
    Route("accounts:signup", expect(302, anonymous=200)),
    # Network heads land on their network's page.
    Route(
        "accounts:dashboard",
        expect(200, anonymous=302, network_head=302, other_network_head=302),
    ),
    Route(
        "accounts:accept_invitation",
        PUBLIC,
        kwargs=lambda w: {"token": w.invitation.token},
    ),
    Route("accounts:password_reset", PUBLIC),
    Route("accounts:password_reset_done", PUBLIC),
    Route(
        "accounts:password_reset_confirm",
        PUBLIC,
        kwargs=lambda w: {"uidb64": "MQ", "token": "set-password"},
        # Django redirects a valid token to a token-less URL; an invalid one shows the page.
    ),
    Route("accounts:password_reset_complete", PUBLIC),
    Route("accounts:profile", LOGGED_IN),
    # Anyone may choose a language; it goes back to `next`, not to the login page.
    Route(
        "accounts:set_language",
        expect(302),
        method="post",
        data=lambda w: {"language": "en", "next": "/"},
        anonymous_to_login=False,
    ),
    Route("accounts:set_language", expect(405), label="get"),
    Route("accounts:password_change", LOGGED_IN),
    Route("accounts:password_change_done", LOGGED_IN),
]
