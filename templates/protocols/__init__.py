"""Rehab protocol templates, one JSON file per protocol (its fields: docs/architecture.md,
"Where a new protocol goes")."""
