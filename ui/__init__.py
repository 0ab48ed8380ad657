"""User interfaces: the command line (ui/cli.py) and the PySide6 desktop app (ui/app.py)."""
