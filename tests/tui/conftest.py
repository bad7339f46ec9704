from tui_helpers import open_app  # noqa: F401 - the fixture, shared by the TUI tests
