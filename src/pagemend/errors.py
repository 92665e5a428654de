"""Errors with stable codes and remedies. The library raises; only the CLI prints.

Codes: PM1xx input, PM2xx configuration and usage, PM3xx stages and verification,
PM4xx missing optional dependencies, PM5xx the environment (where outputs go: folders,
permissions, a full disk, a lock, an interruption), PM9xx a bug in pagemend. Every code is
explained, with its cause and remedy, in ``docs/errors.md``.

    >>> str(EmptyInputError("book.txt"))
    '[PM102] book.txt is empty: there are no pages to mend; check that the right file was given'
    >>> EmptyInputError("book.txt").exit_code
    1
"""

from __future__ import annotations

import errno

__all__ = [
    "BatchLockedError",
    "BinaryInputError",
    "BookFailedError",
    "BookTooLargeForMemoryError",
    "ConfigError",
    "DiskFullError",
    "EmptyInputError",
    "EncodingError",
    "HostileXmlError",
    "InputError",
    "InputListError",
    "InputNotFoundError",
    "InputTooLargeError",
    "Interrupted",
    "MissingDependencyError",
    "MissingProgramError",
    "OcrEngineError",
    "OcrFormatError",
    "OutputError",
    "OutputFolderMissingError",
    "OutputIsFolderError",
    "OutputNotWritableError",
    "PagemendError",
    "PdfWhereTextExpectedError",
    "RequiredStageError",
    "ResumeMismatchError",
    "SettingTypeError",
    "SymlinkRefusedError",
    "UnknownLanguageError",
    "UnknownSuffixError",
    "UnreadableInputError",
    "Utf16InputError",
    "VerificationError",
    "output_error",
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


class Utf16InputError(InputError):
    """UTF-16 that could not be decoded as UTF-16 (odd length, broken pairs)."""

    code = "PM104"

    def __init__(self, source: str) -> None:
        super().__init__(
            f"{source} looks like UTF-16 (a UTF-16 byte-order mark or every other byte NUL) "
            "but does not decode as UTF-16",
            "convert it to UTF-8 first, e.g. `iconv -f utf-16 -t utf-8 FILE > FILE.utf8`",
        )


class BinaryInputError(InputError):
    """The input is neither page text nor a PDF (NUL bytes: an image, an archive, a device)."""

    code = "PM105"

    def __init__(self, source: str, what: str = "") -> None:
        super().__init__(
            f"{source} is not text{what}: it holds NUL bytes, which page text never does",
            "pass a page dump (UTF-8 text, pages split by form feeds), a folder of page files "
            "or a PDF",
        )


class InputTooLargeError(InputError):
    """The input is larger than the size limit (a named setting, far above real books)."""

    code = "PM106"

    def __init__(self, source: str, limit: int) -> None:
        super().__init__(
            f"{source} is larger than the input size limit of {limit // 2**20} MiB",
            "split the book, or raise the limit with --max-input-mb if it really is one book",
        )


class UnreadableInputError(InputError):
    """The input (or a page file of a folder) exists but cannot be read."""

    code = "PM107"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source} cannot be read: {reason}",
                         "check its permissions, or that it is a file and not a device")


class PdfWhereTextExpectedError(InputError):
    """A PDF among the page files of a folder."""

    code = "PM108"

    def __init__(self, source: str) -> None:
        super().__init__(f"{source} is a PDF, not a page file of text",
                         "pass the PDF itself, not the folder, or take it out of the folder")


class OcrFormatError(InputError):
    """An OCR file (hOCR, ALTO, PAGE-XML, Tesseract TSV) that cannot be read as one."""

    code = "PM130"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source} {reason}",
                         "check that it is hOCR, ALTO v2-v4, PAGE-XML or Tesseract TSV, and "
                         "whole (not cut short)")


class HostileXmlError(InputError):
    """XML that would expand entities, reach out to the network, or exhaust memory."""

    code = "PM131"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source} {reason}, which OCR XML never needs",
                         "it is refused unread; export the OCR again from its tool")


class OcrEngineError(InputError):
    """Tesseract failed on a page image (a missing language, an unreadable image)."""

    code = "PM132"

    def __init__(self, source: str, reason: str, remedy: str) -> None:
        super().__init__(f"Tesseract could not read {source}: {reason}", remedy)


class BookTooLargeForMemoryError(InputError):
    """Mending the book needed more memory than there is (or than the worker's cap)."""

    code = "PM121"

    def __init__(self) -> None:
        super().__init__("the book needs more memory than pagemend may use",
                         "raise the cap (batch: --memory-mb), or split the book")


class BookFailedError(PagemendError):
    """A book mended in a worker process failed: the worker's record, with its code."""

    def __init__(self, code: str, problem: str, remedy: str) -> None:
        self.code = code
        super().__init__(problem, remedy)


class ConfigError(PagemendError):
    """A setting or a command line is wrong (exit code 2)."""

    code = "PM200"
    exit_code = 2


class UnknownSuffixError(ConfigError):
    """``-o`` names a file whose suffix is no output format, and ``--to`` was not given."""

    code = "PM201"


class UnknownLanguageError(ConfigError):
    """``--lang`` (``detect_language.lang``) is no language pagemend has evidence for."""

    code = "PM202"


class SettingTypeError(ConfigError):
    """A setting's value has the wrong type (a word where a number or a boolean belongs)."""

    code = "PM203"


class RequiredStageError(ConfigError):
    """A stage the output needs was switched off."""

    code = "PM204"


class ResumeMismatchError(ConfigError):
    """``--resume`` with other settings than the outputs in the folder were written with."""

    code = "PM205"


class InputListError(ConfigError):
    """The ``--inputs-from`` list cannot be read as a list of paths."""

    code = "PM206"


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
            f"install it with `pip install {package}` (or, in pagemend's repository, "
            f"`pip install '.[{extra}]'`)",
        )


class MissingProgramError(MissingDependencyError):
    """A program pagemend runs (Tesseract, for page images) is not installed (exit code 2)."""

    code = "PM402"

    def __init__(self, program: str, package: str) -> None:
        PagemendError.__init__(
            self, f"this needs the program {program!r}, which is not on the PATH",
            f"install it, e.g. `apt-get install {package}` (Debian, Ubuntu) or "
            f"`brew install {program}` (macOS)",
        )


class OutputError(PagemendError):
    """An output cannot be written: the environment, not the input (exit code 1)."""

    code = "PM500"


class OutputFolderMissingError(OutputError):
    code = "PM501"


class OutputNotWritableError(OutputError):
    code = "PM502"


class OutputIsFolderError(OutputError):
    code = "PM503"


class DiskFullError(OutputError):
    code = "PM504"


class BatchLockedError(OutputError):
    """Another batch is writing into the same output folder."""

    code = "PM505"

    def __init__(self, folder: str) -> None:
        super().__init__(f"another pagemend batch is writing into {folder}",
                         "wait for it to end, or give this batch another folder with -d")


class SymlinkRefusedError(OutputError):
    """A file pagemend writes in the output folder is a symbolic link."""

    code = "PM506"

    def __init__(self, path: str) -> None:
        super().__init__(f"{path} is a symbolic link: pagemend does not write through links",
                         "remove the link, or give the batch another folder with -d")


class Interrupted(PagemendError):  # noqa: N818 - it is what happened, not an error of input
    """Ctrl-C (SIGINT) or SIGTERM: the run stopped on request (exit code 130)."""

    code = "PM510"
    exit_code = 130

    def __init__(self) -> None:
        super().__init__("interrupted", "run it again (a batch: with --resume to keep the "
                         "books already written)")


#: errno -> (the error class, what is wrong, how to fix it); any other OSError is PM500
_OUTPUT_FAULTS: dict[int, tuple[type[OutputError], str, str]] = {
    errno.ENOENT: (OutputFolderMissingError, "its folder does not exist",
                   "create the folder first, or write somewhere else"),
    errno.ENOTDIR: (OutputFolderMissingError, "a part of its path is a file, not a folder",
                    "check the path"),
    errno.EACCES: (OutputNotWritableError, "permission denied",
                   "write into a folder you may write to"),
    errno.EPERM: (OutputNotWritableError, "operation not permitted",
                  "write into a folder you may write to"),
    errno.EROFS: (OutputNotWritableError, "the file system is read-only",
                  "write somewhere else"),
    errno.EISDIR: (OutputIsFolderError, "it is a folder",
                   "name a file inside it, e.g. FOLDER/book.md"),
    errno.ENOSPC: (DiskFullError, "the disk is full", "free some space, or write elsewhere"),
    errno.EDQUOT: (DiskFullError, "the disk quota is exhausted",
                   "free some space, or write elsewhere"),
}


def output_error(path: object, error: OSError) -> OutputError:
    """The coded error for an OSError met while writing ``path``: a missing folder, no
    permission, a folder in the way, a full disk...

    >>> import errno
    >>> str(output_error("/x/out.md", OSError(errno.ENOSPC, "No space left on device")))
    '[PM504] /x/out.md cannot be written: the disk is full; free some space, or write elsewhere'
    """
    if error.errno == errno.ELOOP:
        return SymlinkRefusedError(str(path))
    if error.errno == errno.ENOENT and _parent_is_folder(path):  # a folder such as /proc
        return OutputNotWritableError(f"{path} cannot be written: its folder does not accept "
                                      "new files", "write into a folder you may write to")
    found = _OUTPUT_FAULTS.get(error.errno or 0)
    if found is None:
        return OutputError(f"{path} cannot be written: {error.strerror or error}",
                           "check the path and the disk")
    kind, problem, remedy = found
    return kind(f"{path} cannot be written: {problem}", remedy)


def _parent_is_folder(path: object) -> bool:
    from pathlib import Path

    try:
        return Path(str(path)).parent.is_dir()
    except OSError:
        return False
