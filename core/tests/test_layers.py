"""The layout shows the architecture: each app imports only from the apps below it (their
order in INSTALLED_APPS, lowest first), and no two modules import each other, even through
others. Tests and migrations are left out: they may use any app."""

import ast
from pathlib import Path

from django.conf import settings

from core.apps import project_app_configs

ROOT = Path(settings.BASE_DIR)
LAYERS = [config.name for config in project_app_configs()]


def _modules():
    for app in LAYERS:
        for path in sorted((ROOT / app).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "tests" in parts or "migrations" in parts:
                continue
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            yield name, path


MODULES = dict(_modules())


def _imports(name, path):
    """The project modules `name` imports, at module level or in a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                yield target


GRAPH = {name: set(_imports(name, path)) for name, path in MODULES.items()}


def _layer(module):
    return LAYERS.index(module.split(".")[0])


def test_no_app_imports_from_an_app_above_it():
    upward = sorted(
        f"{module} -> {target}"
        for module, targets in GRAPH.items()
        for target in targets
        if _layer(target) > _layer(module)
    )
    assert not upward, "Imports from a higher layer:\n" + "\n".join(upward)


def test_alliances_imports_nothing_of_diagnostics_evaluation_or_networks():
    above = {"diagnostics", "evaluation", "networks"}
    found = sorted(
        f"{module} -> {target}"
        for module, targets in GRAPH.items()
        if module.split(".")[0] == "alliances"
        for target in targets
        if target.split(".")[0] in above
    )
    assert not found, "\n".join(found)


def _cycles():
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in GRAPH[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_between_modules():
    # A package importing its own submodules (models/__init__.py) is not a cycle by itself.
    cycles = [
        cycle
        for cycle in _cycles()
        if not all(member.startswith(min(cycle, key=len)) for member in cycle)
    ]
    assert not cycles, "Modules importing each other: " + "; ".join(map(" <-> ".join, cycles))


def test_the_check_sees_an_upward_import():
    assert _layer("networks.members") > _layer("alliances.models")
    assert "alliances.models" in GRAPH["networks.members"]


def test_every_apps_tests_are_part_of_the_suite():
    """An app missing from pytest.ini's testpaths has tests that `make test` never runs."""
    import configparser

    ini = configparser.ConfigParser()
    ini.read(ROOT / "pytest.ini")
    testpaths = set(ini["pytest"]["testpaths"].split())
    with_tests = {app for app in LAYERS if (ROOT / app / "tests").is_dir()}
    assert with_tests - testpaths == set()
