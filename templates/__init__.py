"""Data only: rehab protocols, the demo season and the Excel import template."""

from importlib.resources import files


def path(name: str):
    """A resource of this package (a Traversable usable with ``open``/``read_text``)."""
    return files(__name__).joinpath(name)
