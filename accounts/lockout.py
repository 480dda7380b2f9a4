"""The name django-axes counts failed log-ins under.

The address is the login and it is case-insensitive (users are stored in lower case), so the
counter must be too: otherwise ``ADMIN@…`` and ``Admin@…`` each get ten fresh tries, and the
right password in another case opens an account locked under its lower-case form.
"""


def normalised_username(value) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip().lower()


def username_for_lockout(request, credentials) -> str | None:
    """AXES_USERNAME_CALLABLE: the typed address, stripped and in lower case."""
    if credentials and "username" in credentials:
        return normalised_username(credentials.get("username"))
    data = getattr(request, "POST", None) or {}
    return normalised_username(data.get("username"))
