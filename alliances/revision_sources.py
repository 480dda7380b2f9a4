"""Which rows each cached fragment's scopes stand for (see core/revisions.py).

Every model of the alliances, evaluation and diagnostics apps and the user model bumps a scope
when one of its rows is saved or deleted, or its many-to-many links change:
- the alliance it hangs from (directly or through one parent: a score's candidate, a
  measurement's indicator);
- the association it belongs to (directly or through its partner: a contact);
- the whole site when it belongs to neither (a questionnaire version, a network, a person's
  name), which are rare changes; an association's own row renews the site too, as its name
  shows in other associations' alliances.
`NOT_IN_FRAGMENTS` lists the models no cached fragment shows; test_revisions checks that
every model is either a source or listed there.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from core.revisions import SITE, alliance_scope, association_scope, bump

from .selectors import alliance_id_of, parent_value

SOURCE_APPS = ("alliances", "evaluation", "diagnostics")

#: Rows no cached fragment shows. An open campaign's answers and respondents change at each
#: autosave (written in bulk, without signals); the fragments show finished campaigns only,
#: keyed by their closing time.
NOT_IN_FRAGMENTS = ("diagnostics.Respondent", "diagnostics.Answer")

#: A login stamps last_login, a password change or rehash the password: no page shows either.
_USER_NOISE = frozenset({"last_login", "password"})


def source_models():
    models = [
        model
        for app in SOURCE_APPS
        for model in apps.get_app_config(app).get_models()
        if not model.__name__.startswith("Historical") and model._meta.label not in NOT_IN_FRAGMENTS
    ]
    return [*models, apps.get_model("accounts", "User")]


def scopes_of(instance) -> set[str]:
    label = instance._meta.label
    if label == "alliances.Alliance":
        return {alliance_scope(instance.pk), association_scope(instance.lead_id)}
    if label == "alliances.Association":
        # Its name also shows where it only takes part (a convention's party, a co-member's
        # cost share): rare changes, so every fragment is renewed.
        return {association_scope(instance.pk), SITE}
    scopes = set()
    alliance_id = alliance_id_of(instance)
    if alliance_id:
        scopes.add(alliance_scope(alliance_id))
    association_id = getattr(instance, "association_id", None)
    if association_id is None and not alliance_id:
        association_id = parent_value(instance, "association_id")
    if association_id:
        scopes.add(association_scope(association_id))
    return scopes or {SITE}


def bump_on_save(sender, instance, update_fields=None, **kwargs):
    is_user = sender._meta.label == "accounts.User"
    if is_user and update_fields and set(update_fields) <= _USER_NOISE:
        return
    bump(scopes_of(instance))


def bump_on_delete(sender, instance, **kwargs):
    bump(scopes_of(instance))


def bump_on_links(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        bump(scopes_of(instance))


def connect():
    for model in source_models():
        label = model._meta.label
        post_save.connect(bump_on_save, sender=model, dispatch_uid=f"revision-{label}")
        post_delete.connect(bump_on_delete, sender=model, dispatch_uid=f"revision-{label}-d")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                bump_on_links, sender=through, dispatch_uid=f"revision-{through._meta.label}"
            )


def dashboard_alliance_ids(association) -> list[int]:
    """The ids of the association's alliances (led or joined), which its dashboard's panels
    show: one light query, kept on the instance for the other panels of the same request."""
    if "_dashboard_alliance_ids" not in association.__dict__:
        from .models import Alliance

        association.__dict__["_dashboard_alliance_ids"] = list(
            Alliance.objects.of_association(association).values_list("pk", flat=True)
        )
    return association.__dict__["_dashboard_alliance_ids"]


def association_scopes(association) -> list[str]:
    """The association's scope and those of its alliances: what its dashboard shows."""
    return [
        association_scope(association.pk),
        *(alliance_scope(pk) for pk in dashboard_alliance_ids(association)),
    ]
