"""review: read machine-translated French beside a model's English, fix it, export it."""

__version__ = "0.1.0"
