"""Loading a script of benchmarks/ as a module, and writing the small annotated files its tests read."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def load_script(name: str) -> ModuleType:
    """benchmarks/NAME.py as the module NAME (the scripts import each other by that name)."""
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def write_annotated(path: Path, documents: list[list[dict[str, Any]]]) -> Path:
    """One JSON line a segment in the WMT20 QE layout: document ``docN``, its segments in order, no English."""
    with path.open("w", encoding="utf-8") as lines:
        for number, segments in enumerate(documents):
            for index, segment in enumerate(segments):
                lines.write(json.dumps({"doc": f"doc{number}", "seg": index, "src": "", **segment}) + "\n")
    return path
