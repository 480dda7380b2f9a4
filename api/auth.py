"""`Authorization: Bearer fa_…`: the token's user becomes `request.user`, so that every
endpoint asks the apps' access.py exactly as the pages do."""

from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer

from . import services, throttle
from .models import ApiToken


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        if not token.startswith(services.TOKEN_PREFIX):
            return None
        api_token = (
            ApiToken.objects.active()
            .select_related("user")
            .filter(key_hash=services.hash_token(token), user__is_active=True)
            .first()
        )
        if api_token is None:
            return None
        if not throttle.allow(api_token.pk):
            raise HttpError(429, _("Too many requests for this token: try again in a minute."))
        services.note_use(token=api_token)
        request.user = api_token.user
        request.api_token = api_token
        return api_token.user
