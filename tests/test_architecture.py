"""Import contracts, checked on the source (every import, also inside functions; imports under
`if TYPE_CHECKING:` are for annotations only and do not count):

- nothing in orglint/ imports the rule pack (the engine knows no rule);
- only the CLI imports typer;
- formatters (orglint/report/) open and read no file;
- orglint's modules import each other without a cycle.

Each checker is also shown to catch a violation, on a made-up module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "orglint"
RULES = ROOT / "rules"


def module_name(path: Path) -> str:
    if path.is_relative_to(RULES):
        parts = ["orglint", "rules", *path.relative_to(RULES).with_suffix("").parts]
    else:
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_blocks(tree: ast.AST) -> set[int]:
    """Line numbers inside `if TYPE_CHECKING:` blocks."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def imports(source: str, name: str) -> set[str]:
    """Every module ``source`` (the module ``name``) imports at run time."""
    tree = ast.parse(source)
    skipped = _type_checking_blocks(tree)
    found: set[str] = set()
    package = name if source and name.endswith("__init__") else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def reads_files(source: str) -> list[str]:
    """Calls in ``source`` that open or read a file."""
    calls = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        if isinstance(function, ast.Name) and function.id == "open":
            calls.append(f"open() at line {node.lineno}")
        elif isinstance(function, ast.Attribute) and function.attr in ("open", "read_text", "read_bytes", "fdopen", "read"):
            calls.append(f".{function.attr}() at line {node.lineno}")
    return calls


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles among the modules of ``graph`` (each found once, from its first module)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1 visiting, 2 done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                found.append(path[path.index(target) :] + [target])
            elif target not in state and target in graph:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    return found


def sources() -> dict[str, tuple[Path, str]]:
    files = [*PACKAGE.rglob("*.py"), *RULES.rglob("*.py")]
    return {module_name(path): (path, path.read_text(encoding="utf-8")) for path in files}


SOURCES = sources()


def test_nothing_in_orglint_imports_the_rule_pack():
    offenders = {
        name: sorted(
            target
            for target in imports(text, name)
            if target == "orglint.rules" or target.startswith(("orglint.rules.", "rules"))
        )
        for name, (path, text) in SOURCES.items()
        if path.is_relative_to(PACKAGE)
    }
    assert {name: targets for name, targets in offenders.items() if targets} == {}


def test_only_the_cli_imports_typer():
    users = sorted(
        name for name, (_path, text) in SOURCES.items() if any(t.split(".")[0] == "typer" for t in imports(text, name))
    )
    assert users == ["orglint.cli"]


def test_formatters_read_no_file():
    offenders = {name: reads_files(text) for name, (path, text) in SOURCES.items() if path.is_relative_to(PACKAGE / "report")}
    assert {name: calls for name, calls in offenders.items() if calls} == {}


def test_orglint_modules_import_each_other_without_a_cycle():
    names = set(SOURCES)

    def related(a: str, b: str) -> bool:
        """A module and a package above it: importing `from orglint import x` is how packages work."""
        return a == b or a.startswith(b + ".") or b.startswith(a + ".")

    graph = {
        name: {target for target in imports(text, name) if target in names and not related(name, target)}
        for name, (_path, text) in SOURCES.items()
    }
    assert cycles(graph) == []


# ---------------------------------------------------------------- each checker can fail


def test_the_checkers_catch_violations():
    engine = "from orglint.rules.s001_reporting_cycle import check\nimport typer\n"
    assert {"orglint.rules.s001_reporting_cycle", "typer"} <= imports(engine, "orglint.engine")
    hidden = "def later():\n    from orglint.rules import _liaison\n"
    assert "orglint.rules._liaison" in imports(hidden, "orglint.engine")
    annotations_only = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import typer\n"
    assert "typer" not in imports(annotations_only, "orglint.api")
    formatter = "from pathlib import Path\ndef render(report):\n    return Path('x').read_text() + open('y').read()\n"
    assert sorted(reads_files(formatter)) == [".read() at line 3", ".read_text() at line 3", "open() at line 3"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


@pytest.mark.parametrize("relative", ["from . import json_format", "from .ci import repo_path"])
def test_relative_imports_resolve(relative):
    assert imports(relative, "orglint.report.sarif") & {"orglint.report.json_format", "orglint.report.ci.repo_path"}
