"""The API's routes in the permission matrix. Every persona calls them with its own token
(`token=True`): an anonymous call (no token) is a 401; lists are answered to anyone with a
token, filtered to what they see (api/tests/test_api.py checks the contents)."""

from api import services
from core.tests.matrix import LOGGED_IN, PUBLIC, Route, expect
from core.tests.world import BASE_ROLES

WITH_TOKEN = expect(200, anonymous=401)
READ_WITH_TOKEN = expect(
    404,
    anonymous=401,
    reader=200,
    editor=200,
    assoc_admin=200,
    network_head=200,
    platform_admin=200,
)


def extend_world(world):
    world.objects["api_tokens"] = {
        role: services.create_token(user=world.users[role], name=f"Matrice {role}")[1]
        for role in BASE_ROLES
        if world.users.get(role) is not None
    }
    world.objects["own_api_token"] = services.create_token(
        user=world.users["assoc_admin"], name="Jeton de l'admin"
    )[0]


ROUTES = [
    Route("api:api-root", expect(404)),
    Route("api:openapi-json", PUBLIC),
    Route("api:openapi-view", PUBLIC),
    Route("api:associations", WITH_TOKEN, token=True),
    Route(
        "api:association",
        READ_WITH_TOKEN,
        kwargs=lambda w: {"association_id": w.association.pk},
        token=True,
    ),
    Route("api:alliances", WITH_TOKEN, token=True),
    Route(
        "api:alliance", READ_WITH_TOKEN, kwargs=lambda w: {"alliance_id": w.alliance.pk}, token=True
    ),
    Route("api:indicators", WITH_TOKEN, token=True),
    Route("api:actions", WITH_TOKEN, token=True),
    # The pages of « Mon compte » that manage the tokens.
    Route("api_tokens:list", LOGGED_IN),
    Route("api_tokens:create", LOGGED_IN, method="post", data=lambda w: {"name": "Tableau"}),
    Route("api_tokens:create", expect(405, anonymous=302), label="get"),
    # Only its owner revokes a token: anyone else gets a 404.
    Route(
        "api_tokens:revoke",
        expect(404, anonymous=302, assoc_admin=302),
        kwargs=lambda w: {"pk": w.own_api_token.pk},
        method="post",
    ),
]
