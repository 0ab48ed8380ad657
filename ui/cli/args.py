"""Checks of a command's options that several commands share (no command module imports
another's: ``commands`` and ``whatif`` both use these)."""

from __future__ import annotations

from planner.errors import InputError


def only_one(command: str, options: list[tuple[str, object]], each: bool = True) -> None:
    """Refuse ``command`` given more than one of ``options``, each its usage (``"--delete NAME"``)
    and its value (given unless None or False): all but one were left out without a word (a
    delete not done, a scenario not re-planned, an athlete not explained) and the command said
    success."""
    given = [usage.split()[0] for usage, value in options if value is not None and value is not False]
    if len(given) > 1:
        usages = [usage for usage, _ in options]
        raise InputError(command, [f"give one of {', '.join(usages[:-1])} or {usages[-1]}, not "
                                   f"{' and '.join(given)}"
                                   + ("; run the command once for each" if each else "")])
