"""Where models live and which revision of one is in use.

A model is named by a hub id (``Helsinki-NLP/opus-mt-fr-en``) or a local
folder.  A hub id already pulled into the models folder is used from there.
Resolving a name is cheap (no torch): it finds the files and a revision string
that keys the rendering cache, so a fully cached article needs no model load.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from review.errors import ModelError
from review.terminal import escape_controls

DEFAULT_MODEL = "Helsinki-NLP/opus-mt-fr-en"
BACK_MODEL = "Helsinki-NLP/opus-mt-en-fr"


def models_dir() -> Path:
    """The folder ``review models pull`` writes to.

    ``$REVIEW_MODELS`` if set; else the ``models/`` folder of a source checkout;
    else the user's data folder.
    """
    if env := os.environ.get("REVIEW_MODELS"):
        return Path(env)
    checkout = Path(__file__).resolve().parents[2] / "models"
    if checkout.is_dir():
        return checkout
    return Path.home() / ".local" / "share" / "review" / "models"


# The hub's own rule for repository ids: an optional owner and a name, each of letters, digits, "-", "_"
# and ".", not starting or ending with "-" or ".", with no "--" or "..", at most 96 characters in all.
_HUB_PART = r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?"
_HUB_ID = re.compile(rf"(?:{_HUB_PART}/)?{_HUB_PART}")


def check_hub_id(model_id: str) -> str:
    """``model_id`` if it can name a hub repository, else a :class:`ModelError` showing what one looks like."""
    if (not _HUB_ID.fullmatch(model_id) or "--" in model_id or ".." in model_id or len(model_id) > 96
            or model_id.endswith(".git")):
        shown = escape_controls(model_id)[:100]
        msg = (f"{shown!r} is not a hub model id: give OWNER/NAME of letters, digits, '-', '_' and '.' "
               f"(e.g. {DEFAULT_MODEL}), or a local folder starting with ./ or /")
        raise ModelError(msg)
    return model_id


def folder_name(model_id: str) -> str:
    """``Helsinki-NLP/opus-mt-fr-en`` -> ``Helsinki-NLP--opus-mt-fr-en``."""
    return model_id.replace("/", "--")


@dataclass(frozen=True, slots=True)
class ModelRef:
    """A model as the user named it and where its files are.

    name: what the user gave (hub id or folder).
    path: a local folder holding the files, or None for a hub id to fetch.
    revision: what keys cached renderings; None until the files are known.
    """

    name: str
    path: Path | None
    revision: str | None

    @property
    def short(self) -> str:
        return Path(self.name.rstrip("/")).name

    @property
    def source(self) -> str:
        """What transformers' ``from_pretrained`` is given."""
        return str(self.path) if self.path is not None else self.name


def _fingerprint(folder: Path) -> str:
    """A revision for a local folder: config text plus weights' sizes and times."""
    digest = hashlib.sha256()
    for name in sorted(os.listdir(folder)):
        file = folder / name
        if not file.is_file():
            continue
        if name.endswith(".json"):
            digest.update(name.encode() + file.read_bytes())
        else:
            stat = file.stat()
            digest.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return "local-" + digest.hexdigest()[:16]


def _hub_cache_revision(model_id: str) -> str | None:
    """The commit of a hub model already in the Hugging Face cache, if any."""
    try:
        from huggingface_hub import try_to_load_from_cache  # noqa: PLC0415
    except ImportError:
        return None
    found = try_to_load_from_cache(model_id, "config.json")
    if isinstance(found, str):
        return Path(found).parent.name
    return None


def _check_config(path: Path) -> None:
    """A config.json that is not a JSON object is said as such, not as whatever the loader trips on later."""
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        msg = f"{path} cannot be read as JSON ({error}): fetch the model again, or fix the file"
        raise ModelError(msg) from None
    if not isinstance(config, dict):
        msg = f"{path} is not a JSON object: fetch the model again, or fix the file"
        raise ModelError(msg)


def resolve_model(name: str) -> ModelRef:
    """Find a model's files without loading it."""
    candidate = Path(name).expanduser()
    if candidate.exists() or name.startswith((".", "/", "~")):
        if not candidate.is_dir():
            what = "is a file, not a model folder" if candidate.exists() else "does not exist"
            msg = f"model folder {candidate} {what}: give a folder with config.json, or a hub id"
            raise ModelError(msg)
        if not (candidate / "config.json").is_file():
            msg = (
                f"{candidate} holds no config.json, so it is not a model folder: "
                f"fetch one with `review models pull {DEFAULT_MODEL}`"
            )
            raise ModelError(msg)
        _check_config(candidate / "config.json")
        return ModelRef(name=str(candidate), path=candidate, revision=_fingerprint(candidate))
    check_hub_id(name)
    pulled = models_dir() / folder_name(name)
    if (pulled / "config.json").is_file():
        return ModelRef(name=name, path=pulled, revision=_fingerprint(pulled))
    return ModelRef(name=name, path=None, revision=_hub_cache_revision(name))


def model_on_disk(model: str) -> bool:
    """Whether ``model`` can load without the network (pulled, in the hub cache, or a model folder); no loading."""
    try:
        ref = resolve_model(model)
    except ModelError:
        return False
    return ref.path is not None or ref.revision is not None


def missing_model_message(name: str) -> str:
    return (
        f"model {name} is not downloaded yet: run `review models pull {name}` "
        "(needs the network once), or pass --model with a local model folder"
    )


def quiet_transformers() -> None:
    """Silence transformers' own progress bars and warnings: callers show their own status, and a bar would
    tear the TUI."""
    from transformers.utils import logging  # noqa: PLC0415

    logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    logging.set_verbosity_error()  # type: ignore[no-untyped-call]
