"""Errors with stable codes and remedies. The library raises; only the CLI prints.

Codes: PM1xx input, PM2xx configuration and usage, PM3xx stages and verification,
PM4xx missing optional dependencies.

    >>> str(EmptyInputError("book.txt"))
    '[PM102] book.txt is empty: there are no pages to mend; check that the right file was given'
    >>> EmptyInputError("book.txt").exit_code
    1
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "EmptyInputError",
    "EncodingError",
    "InputError",
    "InputNotFoundError",
    "MissingDependencyError",
    "PagemendError",
    "VerificationError",
]


class PagemendError(Exception):
    """Base of every error pagemend raises on purpose: a code, what is wrong, how to fix it."""

    code = "PM000"
    exit_code = 1

    def __init__(self, problem: str, remedy: str) -> None:
        self.problem = problem
        self.remedy = remedy
        super().__init__(f"[{self.code}] {problem}; {remedy}")


class InputError(PagemendError):
    """The input cannot be read as what it claims to be (exit code 1)."""

    code = "PM100"


class InputNotFoundError(InputError):
    code = "PM101"

    def __init__(self, source: str) -> None:
        super().__init__(f"{source} does not exist", "check the path, or pass - to read stdin")


class EmptyInputError(InputError):
    code = "PM102"

    def __init__(self, source: str) -> None:
        super().__init__(
            f"{source} is empty: there are no pages to mend", "check that the right file was given"
        )


class EncodingError(InputError):
    code = "PM103"

    def __init__(self, source: str, offset: int, byte: int) -> None:
        self.offset = offset
        super().__init__(
            f"{source} is not UTF-8: byte 0x{byte:02x} at offset {offset} cannot be decoded",
            "convert it first, e.g. `iconv -f latin1 -t utf-8 FILE > FILE.utf8`",
        )


class ConfigError(PagemendError):
    """A setting or a command line is wrong (exit code 2)."""

    code = "PM200"
    exit_code = 2


class VerificationError(PagemendError):
    """The output and its edits do not rebuild the input: something was lost (exit code 1)."""

    code = "PM301"


class MissingDependencyError(PagemendError):
    """An optional library is needed for what was asked (exit code 2)."""

    code = "PM401"
    exit_code = 2

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"this needs the optional package {package!r}",
            f"install it with `pip install 'pagemend[{extra}]'`",
        )
