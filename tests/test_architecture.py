"""The layout rules of DESIGN.md, checked on the source: ui → core → db, core never imports Qt, db imports
neither core nor ui, and no module imports another that imports it back (directly or round a cycle)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("desktop", "db")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for package in PACKAGES for path in (ROOT / package).rglob("*.py")
            if "migrations" not in path.parts}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Every module named by an import anywhere in the file (functions too), except TYPE_CHECKING ones."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in modules else node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(path, modules) for name, path in modules.items()}


def test_layers_point_one_way() -> None:
    forbidden = {"desktop.core": ("PySide6", "desktop.ui", "desktop.cli"), "db": ("desktop", "PySide6")}
    wrong = [f"{module} imports {target}" for module, imported in _graph().items() for target in imported
             for layer, targets in forbidden.items()
             if (module == layer or module.startswith(layer + ".")) and target.startswith(targets)]
    assert wrong == []


def test_no_import_cycles() -> None:
    graph = {module: {target for target in targets if target in _modules()}
             for module, targets in _graph().items()}
    # Tarjan's strongly connected components: any component of more than one module is a cycle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def connect(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in graph[module]:
            if target not in index:
                connect(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            # A package's __init__ importing its own submodules is not a cycle of ideas.
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            connect(module)
    assert cycles == []


def test_every_package_says_what_lives_there() -> None:
    silent = [name for name, path in _modules().items()
              if path.name == "__init__.py" and name.startswith("desktop.")
              and not ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))]
    assert silent == []
