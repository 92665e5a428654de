"""The command's entry point: --version without loading the stages, and a Ctrl-C at any
moment of start-up ends in the coded error, never a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from helpers import CASES
from pagemend.launch import main


def test_version_loads_no_stage():
    code = ("import sys; from pagemend.launch import main; main(['--version']); "
            "print('pagemend.stages' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.splitlines() == [result.stdout.split()[0] + " " +
                                          result.stdout.split()[1], "False"]


def test_ctrl_c_while_starting_up_is_a_coded_error():
    """SIGINT at moments spread over pagemend's start-up (its modules loading), once the
    interpreter and the entry point are up (before that, Python's own start-up answers)."""
    source = str(CASES / "seed" / "input.pages.txt")
    # the harness holds SIGINT back from its own lines (the moment between its 'up' and the
    # call is the harness's, not pagemend's); main releases it once its handlers stand
    code = ("import signal, sys; from pagemend.launch import main; "
            "signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}); "
            "sys.stdout.write('up\\n'); sys.stdout.flush(); "
            f"sys.exit(main([{source!r}]))")
    seen = []
    for delay in (0.01, 0.02, 0.05, 0.1, 0.2, 0.4):
        process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        assert process.stdout is not None
        assert process.stdout.readline() == "up\n"
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        assert "Traceback" not in err, err
        seen.append(process.returncode)
        if process.returncode == 130:
            assert "[PM510] interrupted" in err
    assert set(seen) <= {0, 130}
    assert 130 in seen


def test_the_entry_point_runs_the_command_line(capsys):
    assert main([str(CASES / "seed" / "input.pages.txt")]) == 0
    assert capsys.readouterr().out.strip()


def test_a_one_page_mend_imports_neither_wordfreq_nor_the_metrics(tmp_path):
    """Start-up of a short mend: word frequencies come from pagemend's cache file (written by
    the first run), never through wordfreq's import; the command line needs no metrics."""
    code = ("import sys; from pagemend.launch import main; "
            f"main([{str(CASES / 'seed' / 'input.pages.txt')!r}, '-o', "
            f"{str(tmp_path / 'out.md')!r}]); "
            "print(*(name in sys.modules for name in "
            "('wordfreq', 'pagemend.eval.metrics', 'rapidfuzz')))")
    environment = {**os.environ, "PAGEMEND_CACHE": str(tmp_path / "cache")}
    for _ in range(2):  # the first run writes the cache
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True, env=environment)
    assert result.stdout.split() == ["False", "False", "False"]
