"""The package version, in a module of its own so that writers can name it without importing
the package's public face (:mod:`pagemend`); and which modules are compiled (the optional
mypyc build, ``make compiled``: docs/compiled.md).

    >>> __version__.count(".")
    2
    >>> all(name.startswith("pagemend.") for name in compiled_modules())
    True
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

__all__ = ["__version__", "compiled_modules"]

__version__ = "0.1.0"


def compiled_modules() -> list[str]:
    """The pagemend modules compiled in place (sorted dotted names; empty for the pure-Python
    install). Python imports an extension module before the source file beside it, so these
    are the modules in use as compiled code; the mypyc group's shared library is not one."""
    package = Path(__file__).resolve().parent
    found = []
    for ending in {suffix.rsplit(".", 1)[-1] for suffix in EXTENSION_SUFFIXES}:
        for path in package.rglob(f"*.{ending}"):
            suffix = next((s for s in EXTENSION_SUFFIXES if path.name.endswith(s)), None)
            if suffix is None:
                continue
            source = path.with_name(path.name[: -len(suffix)] + ".py")
            if source.exists():
                parts = source.relative_to(package.parent).with_suffix("").parts
                found.append(".".join(parts))
    return sorted(set(found))
