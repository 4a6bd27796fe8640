"""The layers of the code, read from the imports of every module (module-level and inside functions):

- orientation/language is the ground floor: it reads French text and knows no call, no place, no
  booking, no reply; what it needs of them (call names, limits) is handed to it from above;
- orientation/ is the product without Rasa: it runs in the CLI, the advisors' agenda and the tests;
- the packages of orientation/ do not import each other in a circle, so each can be read, tested
  and changed from the ones below it;
- actions/ (the action server) loads nothing of addons/ (Rasa's own process).
"""
from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, Iterator, List, Set, Tuple

ROOT = Path(__file__).resolve().parent.parent
RASA = ("rasa", "rasa_sdk", "addons")
# What the ground floor may not lean on: the packages and modules above it.
ABOVE_LANGUAGE = ("orientation.eligibility", "orientation.booking", "orientation.territories",
                  "orientation.entities", "orientation.advisors_web", "orientation.database", "actions", "addons",
                  "rasa", "rasa_sdk")
WITHOUT_RASA = ("orientation",)  # the whole product, not only eligibility, booking and territories


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> Iterator[Tuple[int, str, Tuple[str, ...]]]:
    """(line, the import as written, the modules it may load) for every import of the file, wherever
    it stands (module level, in a function, under `if`); `from a import b` may load a and a.b, since
    b may be a module. Relative imports are resolved against the file's package."""
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package.pop()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, f"import {alias.name}", (alias.name,)
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            names = [alias.name for alias in node.names]
            yield node.lineno, f"from {module} import {', '.join(names)}", (module, *(f"{module}.{n}" for n in names))


def _files(folder: str) -> List[Path]:
    return sorted(p for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts)


def _is_in(module: str, prefixes: Tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _violations(folder: str, forbidden: Tuple[str, ...]) -> List[str]:
    """« file:line: the import » for each import of the folder's modules that may load a forbidden one."""
    return [f"{path.relative_to(ROOT)}:{line}: {statement}" for path in _files(folder)
            for line, statement, targets in _imports(path) if any(_is_in(t, forbidden) for t in targets)]


def _package(module: str) -> str:
    """The part of orientation/ a module belongs to: orientation.booking.store -> orientation.booking;
    a module right under orientation/ (orientation.entities) is a part of its own."""
    return ".".join(module.split(".")[:2])


def _parts() -> Set[str]:
    return {_package(_module_name(p)) for p in _files("orientation") if _module_name(p) != "orientation"}


def _package_graph() -> Dict[str, Dict[str, List[str]]]:
    """part -> {part it imports: ["file:line imports module", …]}."""
    parts = _parts()
    graph: Dict[str, Dict[str, List[str]]] = {part: {} for part in parts}
    for path in _files("orientation"):
        source = _package(_module_name(path))
        for line, statement, modules in _imports(path):
            for target in dict.fromkeys(_package(module) for module in modules):
                if target in parts and target != source:
                    graph[source].setdefault(target, []).append(f"{path.relative_to(ROOT)}:{line}: {statement}")
    return graph


def _cycles(graph: Dict[str, Dict[str, List[str]]]) -> List[List[str]]:
    """One cycle per strongly connected component of more than one part (Tarjan)."""
    index: Dict[str, int] = {}
    low: Dict[str, int] = {}
    stack: List[str] = []
    components: List[List[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def _explain(graph: Dict[str, Dict[str, List[str]]], component: List[str]) -> str:
    edges = [f"  {source} -> {target}:\n" + "\n".join(f"    {place}" for place in graph[source][target])
             for source in component for target in sorted(graph[source]) if target in component]
    return "import cycle between " + ", ".join(component) + ":\n" + "\n".join(edges)


def test_the_language_package_leans_on_nothing_above_it():
    violations = _violations("orientation/language", ABOVE_LANGUAGE)
    violations += [f"{path.relative_to(ROOT)}:{line}: {statement}" for path in _files("orientation/language")
                   for line, statement, modules in _imports(path)
                   if any(module.split(".")[-1] == "replies" for module in modules)]  # wherever replies live
    assert not violations, "orientation/language must not import the layers above it:\n" + "\n".join(violations)


def test_the_product_imports_nothing_of_rasa():
    violations = [v for folder in WITHOUT_RASA for v in _violations(folder, RASA)]
    assert not violations, "orientation/ runs without Rasa:\n" + "\n".join(violations)


def test_the_packages_of_orientation_import_each_other_without_a_cycle():
    graph = _package_graph()
    cycles = _cycles(graph)
    assert not cycles, "\n".join(_explain(graph, component) for component in cycles)


def test_the_actions_import_nothing_of_the_rasa_extensions():
    violations = _violations("actions", ("addons",))
    assert not violations, "actions/ runs in the action server, without addons/:\n" + "\n".join(violations)


def _loaded(path: Path) -> Set[str]:
    return {module for _, _, modules in _imports(path) for module in modules}


def test_the_checks_see_imports_inside_functions_and_relative_ones():
    """The reader of imports itself: a late import in a function and a relative one are seen."""
    source = ROOT / "orientation" / "language" / "lexicon.py"
    assert "orientation.language.fold" in _loaded(source)
    assert "orientation.eligibility.vocabulary" in _loaded(ROOT / "orientation" / "eligibility" / "profile.py")
    late = ROOT / "orientation" / "advisors_web" / "__main__.py"
    assert "orientation.booking.store" in _loaded(late)  # inside a function
