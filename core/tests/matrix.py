"""The permission matrix: every URL of the project, every persona, the status each must get.

Each app declares its routes in `<app>/tests/matrix_routes.py` as `ROUTES = [Route(...)]` and may
add objects and personas with `extend_world(world)`. `core/tests/test_permission_matrix.py`
runs them all and fails when a URL pattern of the project has no route here.

Conventions: an object of another tenant is 404 (never 403, which would confirm it exists);
a reader, a network head or a platform admin trying to write through the product is 403;
an anonymous visitor is sent to the login page (302).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from core.tests.world import BASE_ROLES


@dataclass
class Route:
    name: str
    expect: dict
    kwargs: Callable = field(default=lambda w: {})
    method: str = "get"
    data: Callable | None = None
    label: str = ""
    # Optional: run before the request, e.g. to create the object a DELETE consumes.
    setup: Callable | None = None
    # Optional: a query string appended to the URL.
    query: str = ""
    # An anonymous 302 must lead to the login page, unless the page sends elsewhere on purpose.
    anonymous_to_login: bool = True
    # An API route: each persona sends its own token (`world.api_tokens[role]`, made by
    # api/tests/matrix_routes.py) instead of a session; the anonymous persona sends none.
    token: bool = False

    @property
    def id(self):
        return f"{self.name}[{self.method.upper()}{('-' + self.label) if self.label else ''}]"


#: The partners' guests (core/tests/world.py): people with no association.
GUEST_ROLES = (
    "guest_contributor",
    "guest_reader",
    "other_alliance_guest",
    "ended_guest",
    "revoked_guest",
)


def expect(default, **by_role):
    """A status for every base role: `default`, unless given by name. A guest of a partners'
    space is an outsider to every association: unless named, it gets the outsider's status."""
    statuses = dict.fromkeys(BASE_ROLES, default)
    outsider = by_role.get("outsider", default)
    statuses.update(dict.fromkeys(GUEST_ROLES, outsider))
    statuses.update(by_role)
    return statuses


LOGIN = 302

# Association data, read: its staff, its network's head and platform admins see it.
READ = expect(
    404,
    anonymous=LOGIN,
    reader=200,
    editor=200,
    assoc_admin=200,
    network_head=200,
    platform_admin=200,
)
# Association data, write form (GET) or action (POST): editors and admins of the association.
WRITE_GET = expect(
    404,
    anonymous=LOGIN,
    reader=403,
    editor=200,
    assoc_admin=200,
    network_head=403,
    platform_admin=403,
)
WRITE_POST = expect(
    404,
    anonymous=LOGIN,
    reader=403,
    editor=302,
    assoc_admin=302,
    network_head=403,
    platform_admin=403,
)
# Administration of the association: its admins only.
ADMIN_GET = expect(
    404,
    anonymous=LOGIN,
    reader=403,
    editor=403,
    assoc_admin=200,
    network_head=403,
    platform_admin=403,
)
ADMIN_POST = expect(
    404,
    anonymous=LOGIN,
    reader=403,
    editor=403,
    assoc_admin=302,
    network_head=403,
    platform_admin=403,
)
# Staff-only pages (colleagues, networks): members of the association, not its network.
MEMBER_GET = expect(
    404,
    anonymous=LOGIN,
    reader=200,
    editor=200,
    assoc_admin=200,
    network_head=403,
    platform_admin=403,
)
# Pages of the network: its heads; platform admins read.
NETWORK_GET = expect(404, anonymous=LOGIN, network_head=200, platform_admin=200)
NETWORK_WRITE_GET = expect(404, anonymous=LOGIN, network_head=200, platform_admin=403)
NETWORK_WRITE_POST = expect(404, anonymous=LOGIN, network_head=302, platform_admin=403)
# Any logged-in person.
LOGGED_IN = expect(200, anonymous=LOGIN)
PUBLIC = expect(200)
