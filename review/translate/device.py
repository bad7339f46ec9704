"""Where the models run: the CPU, or a CUDA GPU when asked for (``--device``) or when one is there (``auto``).

``auto`` is decided by the library that runs the model, when it loads: torch for
the Marian engine and the masked LM (``torch.cuda.is_available()``), CTranslate2
for its engine (``ctranslate2.get_cuda_device_count()``).  Asking for ``cuda``
where the library sees no GPU is a :class:`~review.errors.ModelError` that says
so, never a fall back to the CPU behind the user's back.  CTranslate2 counts a GPU
before it knows it can use it (its wheels need CUDA 12's cuBLAS at the first
decode), so its engine tries one token there at load: ``auto`` then takes the
CPU, ``cuda`` says why in one line (:func:`review.translate.ct2.settle_gpu`).
Torch and CTranslate2 are imported only inside these functions, when a model is
about to load.
"""

from __future__ import annotations

DEVICES = ("auto", "cpu", "cuda")
ENV = "REVIEW_DEVICE"


def check_name(device: str) -> str:
    """``device`` if it is one of :data:`DEVICES`; a :class:`ModelError` naming the choices otherwise."""
    if device not in DEVICES:
        from review.errors import ModelError  # noqa: PLC0415

        msg = f"unknown device {device!r} (--device or ${ENV}): choose one of {', '.join(DEVICES)}"
        raise ModelError(msg)
    return device


def torch_device(device: str) -> str:
    """The torch device ``device`` stands for: ``cuda`` when asked and there, or for ``auto`` when there."""
    import torch  # noqa: PLC0415

    return _decide(check_name(device), available=bool(torch.cuda.is_available()), library="torch")


def ct2_device(device: str) -> str:
    """The CTranslate2 device ``device`` stands for (CTranslate2 counts the GPUs it can use itself)."""
    import ctranslate2  # noqa: PLC0415

    return _decide(check_name(device), available=ctranslate2.get_cuda_device_count() > 0, library="CTranslate2")


def _decide(device: str, *, available: bool, library: str) -> str:
    if device == "auto":
        return "cuda" if available else "cpu"
    if device == "cuda" and not available:
        from review.errors import ModelError  # noqa: PLC0415

        msg = (f"--device cuda: {library} sees no CUDA GPU on this machine (no driver, no device visible, or a "
               f"CPU-only build): use --device cpu, or auto to take a GPU only when there is one")
        raise ModelError(msg)
    return device
