"""``python -m bench.case`` says a wrong case or ``--help`` in words, not a traceback."""

import subprocess
import sys


def _case(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bench.case", *args], capture_output=True, text=True,
                          timeout=120)


def test_help_prints_the_cases_and_a_wrong_case_is_said_in_one_line():
    shown = _case("--help")
    assert shown.returncode == 0 and "40l" in shown.stdout and "Traceback" not in shown.stderr
    wrong = _case("forty")
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert "case 'forty': give demo or a squad size" in wrong.stderr
