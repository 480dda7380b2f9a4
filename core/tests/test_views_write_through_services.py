"""Every write goes through a named service: a view validates, checks access and calls one.

This test reads the code of every view module of the project and fails when a view writes
itself: a call of `.save()`, `.delete()`, `.create()`, `.update()` (or their bulk and
many-to-many kin) on anything, a model, a queryset or a form alike.
"""

import ast
from pathlib import Path

import pytest

from core.apps import project_app_configs

WRITES = {
    "save",
    "delete",
    "create",
    "update",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
    "save_m2m",
    "create_user",
    "create_superuser",
    "set",
    "add",
    "remove",
    "clear",
}


def view_modules():
    for config in project_app_configs():
        root = Path(config.path)
        yield from sorted(root.glob("views.py"))
        yield from sorted(root.glob("views_*.py"))
        yield from sorted((root / "views").glob("*.py"))


def writes_in(path: Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in WRITES
        ):
            yield f"{path}:{node.lineno}: .{node.func.attr}()"


def test_there_are_view_modules_to_read():
    assert len(list(view_modules())) >= 10


@pytest.mark.parametrize("path", list(view_modules()), ids=str)
def test_views_write_only_through_services(path):
    found = list(writes_in(path))
    assert not found, "A view writes itself; call a service instead:\n" + "\n".join(found)


def test_the_check_sees_a_view_that_saves_a_form(tmp_path):
    view = tmp_path / "views.py"
    view.write_text("def edit(request):\n    form.save()\n    qs.filter(a=1).update(b=2)\n")
    assert [line.rsplit(": ", 1)[1] for line in writes_in(view)] == [".save()", ".update()"]
