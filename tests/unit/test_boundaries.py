"""The core stays importable without the TUI or the model libraries (harlequin's rule)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

CORE = ["review.model", "review.errors", "review.document", "review.store", "review.session", "review.export",
        "review.translate", "review.translate.render", "review.translate.marian", "review.cli",
        "review.flags", "review.articles"]


@pytest.mark.parametrize("forbidden", ["textual", "torch", "transformers", "spacy", "ctranslate2"])
def test_core_does_not_import(forbidden: str) -> None:
    code = (
        "import sys\n"
        f"for name in {CORE!r}: __import__(name)\n"
        "from review.cli import build_parser; build_parser()\n"
        f"print({forbidden!r} in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"


def test_import_linter_contracts_hold() -> None:
    # the interpreter's own scripts folder: the tests may run without the virtual environment activated
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter) if linter.exists() else "lint-imports"], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_command_imports_its_own_module_only() -> None:
    """`review open` starts quicker when the parser is built for it alone: no other command's imports."""
    code = (
        "import sys\n"
        "from review.cli import build_parser\n"
        "args = build_parser('open').parse_args(['open', 'article.txt', '--model', 'm'])\n"
        "print(args.article, sorted(name for name in sys.modules if name.startswith('review.commands.')))\n"
        "print(any(name in sys.modules for name in ('review.scoring', 'review.batch', 'review.variants')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.splitlines() == ["article.txt ['review.commands.common', 'review.commands.open']", "False"]
