"""A URLconf without the pages the help links point to (as on a branch that lacks them)."""

urlpatterns = []
