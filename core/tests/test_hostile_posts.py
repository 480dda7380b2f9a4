"""No hostile input gives a 500: every POST form and htmx endpoint of the permission matrix's
URL list, posted with hostile values by a persona allowed to post it.

The forms are read from the pages themselves (every GET route of the matrix, as a persona
that gets it): their fields, types and current values, their action and the htmx endpoints
inside them. The matrix's own POST routes (buttons, htmx endpoints) come with their data.
One field at a time gets a hostile value chosen by its type, the others keeping a valid one,
so that the form's own checks do not stop the value before the service or the database (where
a 500 would come from); then the whole form empty, and every field given twice.
"""

import copy
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from core.tests.test_permission_matrix import EXTENDERS, ROUTES
from core.tests.world import build_world

LONG = "A" * 100_000
NUL = "Avant\x00après"
RTL = "\u202eénoncé inversé\u200f\u202c"
HOSTILE_BY_TYPE = {
    "text": (LONG, NUL),
    "email": ("x" * 100_000 + "@example.org", "a\x00b@example.org"),
    "number": ("-1", "1" + "0" * 20, "douze"),
    "decimal": ("-1", "1" + "0" * 20, "1,2,3"),
    "date": ("31/02/2026", "2026-02-31", "0000-00-00"),
    "choice": ("-1", "1" + "0" * 20, "\x00", "inconnu"),
    "hidden": ("-1", "1" + "0" * 20, "abc", "\x00"),
    "file": ("huge csv field", "polyglot", "odd name"),
}
VALID_BY_TYPE = {
    "text": "Texte saisi",
    "email": "hostile@example.org",
    "number": "1",
    "decimal": "1",
    "date": "2026-01-15",
    "choice": "",
    "hidden": "",
    "file": "",
}
# Posting these would end the persona's session for the requests after it.
SKIPPED_ACTIONS = {"accounts:logout"}
WRITERS = ("editor", "assoc_admin", "network_head", "platform_admin", "reader", "respondent")


@dataclass
class Field:
    name: str
    kind: str
    value: str = ""
    options: list = field(default_factory=list)
    multiple: bool = False


@dataclass
class Form:
    actions: list
    fields: dict = field(default_factory=dict)


class _FormReader(HTMLParser):
    """The POST forms of a page and the htmx endpoints inside them."""

    def __init__(self, page_url):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms: list[Form] = []
        self.form: Form | None = None
        self.select: Field | None = None
        self.textarea: Field | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            method = (attrs.get("method") or "get").lower()
            actions = []
            if method == "post":
                actions.append(attrs.get("action") or self.page_url)
            if attrs.get("data-hx-post"):
                actions.append(attrs["data-hx-post"])
            self.form = Form(actions=actions)
            self.forms.append(self.form)
            return
        if self.form is None:
            return
        if attrs.get("data-hx-post") and attrs["data-hx-post"] not in self.form.actions:
            self.form.actions.append(attrs["data-hx-post"])
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset"):
                if kind == "submit" and name not in self.form.fields:
                    self.form.fields[name] = Field(name, "choice", attrs.get("value", ""))
                return
            if kind == "file":
                self.form.fields[name] = Field(name, "file")
                return
            if kind in ("radio", "checkbox"):
                existing = self.form.fields.get(name) or Field(name, "choice", multiple=True)
                existing.options.append(attrs.get("value", "on"))
                if "checked" in attrs:
                    existing.value = existing.value or attrs.get("value", "on")
                self.form.fields[name] = existing
                return
            mapped = {
                "email": "email",
                "number": "number",
                "date": "date",
                "hidden": "hidden",
            }.get(kind, "text")
            if attrs.get("inputmode") == "decimal":
                mapped = "decimal"
            self.form.fields[name] = Field(name, mapped, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self.textarea = Field(name, "text")
            self.form.fields[name] = self.textarea
        elif tag == "select" and name:
            self.select = Field(name, "choice", multiple="multiple" in attrs)
            self.form.fields[name] = self.select
        elif tag == "option" and self.select is not None:
            value = attrs.get("value", "")
            self.select.options.append(value)
            if "selected" in attrs:
                self.select.value = value

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def _hostile_file(which):
    """A new upload each time (a posted file is read to its end)."""
    if which == "huge csv field":
        content = b"Indicateur;Date;Valeur\n" + b"x" * 140_000 + b";31/01/2026;1\n"
        return SimpleUploadedFile("mesures.csv", content, "text/csv")
    if which == "polyglot":
        content = b"%PDF-1.4\n<html><script>alert(1)</script></html>"
        return SimpleUploadedFile("convention.pdf", content, "application/pdf")
    return SimpleUploadedFile("a\u202e" + "n" * 300 + "fdp.csv", b"\x00\xff\xfe", "text/csv")


def _baseline(form: Form) -> dict:
    """A plausible valid value for every field: the page's own, else one of its type."""
    data = {}
    for item in form.fields.values():
        value = item.value
        if not value and item.kind == "choice":
            value = next((option for option in item.options if option), "")
        if not value:
            value = VALID_BY_TYPE[item.kind]
        if value:
            data[item.name] = value
    return data


def _variants(form: Form, baseline: dict):
    """(label, data): one field hostile at a time, then the whole form empty or doubled."""
    for item in form.fields.values():
        if item.name in ("csrfmiddlewaretoken",) or item.name.endswith(
            ("-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS")
        ):
            continue
        for value in HOSTILE_BY_TYPE[item.kind]:
            hostile = _hostile_file(value) if item.kind == "file" else value
            yield f"{item.name}={value[:12]!r}", {**baseline, item.name: hostile}
    texts = {f.name: RTL for f in form.fields.values() if f.kind == "text"}
    if texts:
        yield "every text with RTL marks", {**baseline, **texts}
    yield "empty", {}
    yield "every field twice", {name: [value, "autre"] for name, value in baseline.items()}


def _writer_of(route, statuses):
    for role in WRITERS:
        if route.expect.get(role) in statuses:
            return role
    for role, status in route.expect.items():
        if status in statuses:
            return role
    return None


def _targets():
    """(route, role) pairs: the matrix's pages that show forms, and its POST routes."""
    targets = []
    for route in ROUTES:
        if route.method == "get":
            role = _writer_of(route, (200,))
        else:
            role = _writer_of(route, (200, 302, 400, 409))
        if role is not None and route.name not in SKIPPED_ACTIONS:
            targets.append((route, role))
    # The pages first: a POST route whose form was already read from a page is not posted
    # again (the run stays within a few minutes).
    return sorted(targets, key=lambda target: target[0].method != "get")


TARGETS = _targets()


@pytest.fixture(scope="module")
def hostile_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            world = build_world()
            for extend in EXTENDERS:
                extend(world)
            yield world
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def valid_data(hostile_world):
    """{path: data} the matrix posts and the view accepts: a better baseline than the page's
    own values for its forms (a target change must change the target, say)."""
    known = {}
    for route in ROUTES:
        if route.method != "post" or not route.data or route.setup:
            continue
        path = reverse(route.name, kwargs=route.kwargs(hostile_world))
        known.setdefault(path, route.data(hostile_world))
    return known


def _post(client, user, url, data):
    """The status of one POST, rolled back after; an exception is a 500."""
    if user is not None:
        client.force_login(user)
    try:
        with transaction.atomic():
            response = client.post(url, data)
            transaction.set_rollback(True)
    except Exception as error:  # noqa: BLE001 - a view's exception is what we look for
        return f"500 ({type(error).__name__}: {str(error)[:120]})"
    return response.status_code


def _project_path(url):
    path = urlsplit(url).path
    try:
        match = resolve(path)
    except Resolver404:
        return None, None
    return path, match.view_name


SEEN: dict = defaultdict(set)
POSTED_PATHS: set = set()


@pytest.mark.parametrize(
    ("route", "role"), TARGETS, ids=[f"{route.id}-{role}" for route, role in TARGETS]
)
def test_no_hostile_post_gives_a_500(route, role, db, hostile_world, valid_data):
    world = copy.deepcopy(hostile_world)
    if route.setup:
        route.setup(world)
    user = world.users[role]
    client = Client(raise_request_exception=True)
    url = reverse(route.name, kwargs=route.kwargs(world))
    if route.query:
        url = f"{url}?{route.query}"
    failures = []
    if route.method == "post":
        if urlsplit(url).path in POSTED_PATHS:
            return
        baseline = route.data(world) if route.data else {}
        form = Form(actions=[url], fields={k: Field(k, "hidden") for k in baseline})
        forms = [(form, baseline)]
    else:
        if user is not None:
            client.force_login(user)
        response = client.get(url)
        if "html" not in response.get("Content-Type", ""):
            return
        reader = _FormReader(url)
        reader.feed(response.content.decode())
        forms = [(form, _baseline(form)) for form in reader.forms if form.actions]
    for form, baseline in forms:
        for action in form.actions:
            path, view_name = _project_path(action)
            if path is None or view_name in SKIPPED_ACTIONS:
                continue
            signature = (path, tuple(sorted(form.fields)))
            if signature in SEEN[role]:
                continue  # the same form on another page (the header's, a panel's)
            SEEN[role].add(signature)
            POSTED_PATHS.add(path)
            known = valid_data.get(path, {})
            if known:
                form.fields.update(
                    {name: Field(name, "hidden") for name in known if name not in form.fields}
                )
            for label, data in _variants(form, {**baseline, **known}):
                status = _post(client, user, path, data)
                if not isinstance(status, int) or status >= 500:
                    failures.append(f"{role} POST {path} [{label}]: {status}")
    assert not failures, "\n".join(failures[:30])
