"""Executors: how many books run where. Stages know nothing of them.

``local``: a process pool on one machine, atomic writes, one record per book.
"""

from pagemend.executors.local import BookResult, run_local

__all__ = ["BookResult", "run_local"]
