"""Rehab protocol templates, one JSON file per protocol (rules-spec.md section 4 shape)."""
