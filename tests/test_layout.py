"""The package layout as a contract (DESIGN.md): imports only point down the data flow, and no
module grows past a screenful of responsibilities.

Like import-linter's layers contract, but on the ast of every module, lazy imports inside
functions included.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Lowest first: a module may import from its own layer and the layers before it.
LAYERS = (
    "pipeline.core",
    "pipeline.readers",
    "pipeline.sections",
    "extractors",
    "pipeline.store",
    "pipeline.align",
    "pipeline.checks",
    "pipeline.run",
    "pipeline.report",
    "pipeline.evaluate",
    "pipeline.cli",
    "pipeline",  # the package root: `from pipeline import load`
)
# Extractors of one fact never import another's: what one needs of another comes through
# the context the runner passes along.
FACTS = ("metadata", "budgets", "scores", "indicators", "counts", "problems")
MAX_LINES = 400
# Story data of the sample-archive generator: tables of departments, projects and figures.
LONG_DATA = {"corpus/story.py"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> int | None:
    for index in range(len(LAYERS) - 1, -1, -1):
        layer = LAYERS[index]
        if module == layer or module.startswith(layer + "."):
            # "pipeline" matches everything; only the root module itself sits on that layer.
            if layer == "pipeline" and module != "pipeline":
                continue
            return index
    return None


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import of our own packages, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # `from pipeline import store` imports the module pipeline.store.
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return [(line, name) for line, name in found if name.split(".")[0] in ("pipeline", "extractors")]


def _sources(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _sources("pipeline", "extractors"), ids=lambda p: str(p.relative_to(ROOT)))
def test_layout_imports_point_down_the_data_flow(path):
    own = _layer(_module_name(path))
    assert own is not None, f"{path}: module outside every layer of LAYERS"
    upward = [f"line {line}: {name}" for line, name in _imports(path)
              if (_layer(name) or 0) > own]
    assert not upward, f"{_module_name(path)} ({LAYERS[own]}) imports a later layer: {upward}"


@pytest.mark.parametrize("fact", FACTS)
def test_layout_extractors_of_one_fact_do_not_import_another(fact):
    others = tuple(f"extractors.{other}" for other in FACTS if other != fact)
    crossing = [f"{path.relative_to(ROOT)} line {line}: {name}"
                for path in _sources(f"extractors/{fact}") for line, name in _imports(path)
                if name == others or name.startswith(others)]
    assert not crossing


@pytest.mark.parametrize("path", _sources("pipeline", "extractors", "corpus", "scripts", "tests"),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_layout_modules_stay_small(path):
    if str(path.relative_to(ROOT)) in LONG_DATA:
        pytest.skip("story data")
    n_lines = len(path.read_text(encoding="utf-8").splitlines())
    assert n_lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {n_lines} lines: split it by responsibility"


def test_layout_layer_of_a_module():
    assert _layer("pipeline.core.document") == LAYERS.index("pipeline.core")
    assert _layer("pipeline.cli") == LAYERS.index("pipeline.cli")
    assert _layer("pipeline") == LAYERS.index("pipeline")
    assert _layer("extractors.budgets.tables") == LAYERS.index("extractors")
    assert _layer("pipeline.runner") is None  # not a layer: a module there would fail the walk
