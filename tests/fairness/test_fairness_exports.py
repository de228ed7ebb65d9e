"""The package's lazy exports give the functions, whatever was imported before."""

from __future__ import annotations

import subprocess
import sys


def test_fairness_redact_is_the_function_after_its_module_was_imported() -> None:
    # a fresh interpreter: in this one the import order depends on the tests run before
    code = ("import skillmix.fairness.redact, skillmix.fairness.log\n"
            "from skillmix.fairness import DecisionLog, redact\n"
            "assert callable(redact) and redact.__name__ == 'redact', redact\n"
            "assert isinstance(DecisionLog, type)\n"
            "print(redact('Jane Doe, jane@example.com').document.text)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert "jane@example.com" not in out.stdout
