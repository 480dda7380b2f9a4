"""Pages seen logged in show an association's or a network's data: no cache may keep them.

A shared computer's browser (a federation's training room, a library) or a proxy would
otherwise keep a page of tenant data after its reader has logged out.
"""

from django.utils.cache import patch_cache_control


class PrivatePagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_store=True)
            else:
                response["Cache-Control"] = "private, no-store"
        return response
