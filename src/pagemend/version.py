"""The package version, in a module of its own so that writers can name it without importing
the package's public face (:mod:`pagemend`).

    >>> __version__.count(".")
    2
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
