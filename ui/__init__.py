"""User interfaces, side by side: ``ui.cli`` (the ``periodize`` command line: no Qt, no OR-Tools
at import) and ``ui.desktop`` (the PySide6 app, the only package that imports Qt)."""
