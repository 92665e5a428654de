"""The ``pagemend`` command's entry point: answers ``--version`` before loading any stage,
and turns a Ctrl-C during start-up (while the stages load) into the coded error every other
interruption gets, instead of a traceback.

    >>> import io, contextlib
    >>> out = io.StringIO()
    >>> with contextlib.redirect_stdout(out):
    ...     code = main(["--version"])
    >>> code, out.getvalue().startswith("pagemend ")
    (0, True)
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable, Sequence

from pagemend.version import __version__

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line (:func:`pagemend.cli.main`); returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args in (["--version"], ["-V"]):
        sys.stdout.write(f"pagemend {__version__}\n")
        return 0
    run = _load()
    if run is None:
        return _interrupted()
    try:
        return run(args)
    except KeyboardInterrupt:  # between the command line's own handlers
        return _interrupted()
    finally:  # the work is done: a Ctrl-C now must not print a traceback on the way out
        with contextlib.suppress(ValueError):
            signal.signal(signal.SIGINT, signal.SIG_IGN)


def _load() -> Callable[[Sequence[str]], int] | None:
    """The command line's ``main``, imported with SIGINT held back (where the system can);
    None when a Ctrl-C came meanwhile. Held back, it cannot land inside an import (where
    Python reports it as an ignored exception with a traceback and goes on)."""
    held = hasattr(signal, "pthread_sigmask")
    try:
        if held:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        from pagemend.cli import main as run
    except KeyboardInterrupt:
        return None
    finally:
        if held:
            pending = signal.SIGINT in signal.sigpending()
            if pending:
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # consume it quietly
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    return None if held and pending else run


def _interrupted() -> int:
    from pagemend.errors import Interrupted

    error = Interrupted()
    sys.stderr.write(f"pagemend: error: {error}\n")
    return error.exit_code
