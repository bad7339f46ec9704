"""Fetch a model from the Hugging Face hub into the models folder.

Only what inference needs is fetched (config, tokenizer files, safetensors).
A repository that still ships only ``pytorch_model.bin`` is converted to
safetensors on arrival, reading it with ``weights_only=True`` so no pickled
code can run.
"""

from __future__ import annotations

from pathlib import Path

from review.errors import ModelError
from review.translate.models import check_hub_id, folder_name, models_dir

WANTED = ["*.json", "*.spm", "*.model", "*.txt", "*.safetensors"]


def _to_safetensors(folder: Path) -> None:
    import torch  # noqa: PLC0415
    from safetensors.torch import save_file  # noqa: PLC0415

    weights = folder / "pytorch_model.bin"
    state = torch.load(weights, map_location="cpu", weights_only=True)
    # tied embeddings share storage; safetensors wants each tensor on its own
    save_file({name: tensor.contiguous().clone() for name, tensor in state.items()},
              str(folder / "model.safetensors"), metadata={"format": "pt"})
    weights.unlink()


def pull(model_id: str, destination: Path | None = None) -> Path:
    """Download ``model_id`` (with a progress bar) and return its folder."""
    from huggingface_hub import snapshot_download  # noqa: PLC0415
    from huggingface_hub.errors import HfHubHTTPError, LocalEntryNotFoundError  # noqa: PLC0415

    check_hub_id(model_id)
    target = destination or models_dir() / folder_name(model_id)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        msg = f"cannot fetch {model_id}: {target.parent} cannot be written ({error.strerror}): set REVIEW_MODELS"
        raise ModelError(msg) from None
    try:
        snapshot_download(model_id, local_dir=target, allow_patterns=WANTED)
        if not any(target.glob("*.safetensors")):
            snapshot_download(model_id, local_dir=target, allow_patterns=["pytorch_model.bin"])
            _to_safetensors(target)
    except LocalEntryNotFoundError:
        msg = f"cannot reach the hub to fetch {model_id}: connect to the network (and unset HF_HUB_OFFLINE)"
        raise ModelError(msg) from None
    except HfHubHTTPError as error:
        msg = f"the hub refused {model_id}: {str(error).splitlines()[0]}"
        raise ModelError(msg) from None
    except OSError as error:
        msg = f"cannot fetch {model_id} into {target}: {error}"
        raise ModelError(msg) from None
    if not (target / "config.json").is_file():
        msg = f"{model_id} has no config.json: is it a transformers model?"
        raise ModelError(msg)
    return target
