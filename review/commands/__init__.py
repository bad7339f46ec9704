"""One module per ``review`` sub-command, each with ``register(subparsers)``."""
