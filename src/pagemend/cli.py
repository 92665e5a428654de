"""The command line: thin wrappers over the library. Only this module prints.

    pagemend INPUT [-o OUT] [--to md|txt|json] [--page-markers]
    pagemend explain INPUT [--rule ID] [--stage NAME] [--page LABEL|#N] [--flagged] [--json]
    pagemend verify INPUT [--output OUT.json]
    pagemend batch INPUT... -d OUT_DIR [--to md|txt|json] [--jobs N] [--resume]
    pagemend eval CASES_DIR [--input pages|pdf|pdfium|pdftotext|ocr] [--json] [--rules] [--gate]
    pagemend cite INPUT "a passage" [--json]
    pagemend review INPUT -o REVIEW.html [--no-images]

Options go before or after the input, in any order; ``-q`` keeps stderr to errors, ``-v``
adds timings (and, for a bug, the traceback). Exit codes: 0 success, 1 bad input, an output
that cannot be written, a failed check (for a batch, any failed book), 2 bad usage or
configuration, 130 interrupted (Ctrl-C). Every error is one line with a code
(docs/errors.md), never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pagemend import __version__
from pagemend.config import PipelineConfig, check_language, load_toml, raw
from pagemend.errors import (
    BookFailedError,
    BookTooLargeForMemoryError,
    ConfigError,
    InputListError,
    InputNotFoundError,
    Interrupted,
    PagemendError,
    UnknownSuffixError,
    UnreadableInputError,
    output_error,
)
from pagemend.eval.ocr_cache import CACHE_INPUTS
from pagemend.model import Document
from pagemend.pipeline import DEFAULT_ORDER, mend
from pagemend.readers import read_path
from pagemend.readers.registry import OcrSettings
from pagemend.readers.tesseract import DEFAULT_LANG
from pagemend.readers.text import MAX_INPUT_BYTES
from pagemend.writers import FORMATS, SUFFIXES, WRITERS
from pagemend.writers.registry import pieces

if TYPE_CHECKING:
    from pagemend.executors.local import Runner
    from pagemend.writers.review import PageImage

__all__ = ["main"]

T = TypeVar("T")

COMMANDS = ("convert", "explain", "verify", "batch", "eval", "cite", "review")
#: the options that take a value (the value is no input and no command)
_VALUED = frozenset({"-o", "--output", "--to", "--config", "--password", "--lang", "--set",
                     "--rule", "--stage", "--page", "--inputs-from", "-d", "--out-dir",
                     "--jobs", "--input", "--max-input-mb", "--timeout", "--memory-mb",
                     "--granularity", "--executor", "--ocr-lang"})
#: the code printed for an error that is no PagemendError: a bug in pagemend
INTERNAL_ERROR = "PM900"


def _config_options() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--config", type=Path, help="a TOML file of settings, one table per "
                         "stage (e.g. [join_hyphenated_words])")
    options.add_argument("--password", help="the password of an encrypted PDF")
    options.add_argument("--lang", help="the document's language (ISO 639-1: en, de, fr, nl, "
                         "...) instead of detecting it; sets detect_language.lang")
    options.add_argument("--set", action="append", default=[], metavar="STAGE.KEY=VALUE",
                         help="one setting, e.g. join_hyphenated_words.policy=always_join; "
                         "repeatable")
    options.add_argument("--ocr", action="store_true",
                         help="read a PDF's pages with Tesseract (scans: PDFs of page images)")
    options.add_argument("--ocr-lang", default=DEFAULT_LANG, metavar="LANG",
                         help="Tesseract's language(s) for page images and --ocr, e.g. deu, "
                         f"frk (Fraktur), eng+fra (default {DEFAULT_LANG})")
    options.add_argument("--max-input-mb", type=int, default=MAX_INPUT_BYTES // 2**20,
                         metavar="MB", help="refuse an input larger than this (default "
                         f"{MAX_INPUT_BYTES // 2**20}, far above real books)")
    options.add_argument("-q", "--quiet", action="store_true",
                         help="print nothing on stderr but errors")
    options.add_argument("-v", "--verbose", action="store_true",
                         help="print timings; for a bug in pagemend, its traceback")
    return options


def _limits(parser: argparse.ArgumentParser, where: str) -> None:
    parser.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                        help=f"{where}stop a book that takes longer (default 3600; 0: none)")
    parser.add_argument("--memory-mb", type=int, default=None, metavar="MB",
                        help=f"{where}the memory cap of each book's worker (default 8192; "
                        "0: none)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pagemend", description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", action="version", version=f"pagemend {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    common = [_config_options()]
    convert = commands.add_parser("convert", parents=common,
                                  help="mend a page dump (the default command)")
    convert.add_argument("input", help="a page dump (pages split by form feeds), a folder of "
                         "page files, or - for stdin")
    convert.add_argument("-o", "--output", default="-", help="output file, or - for stdout")
    convert.add_argument("--to", choices=sorted(FORMATS), help="output format (default: from "
                         "the output suffix, else md)")
    convert.add_argument("--granularity", choices=("document", "page", "block"),
                         default="document", help="JSONL: one record per document, page or block")
    convert.add_argument("--page-markers", action="store_true",
                         help="write <!-- page N --> provenance markers into Markdown")
    _limits(convert, "a PDF is mended in a worker process: ")
    explain = commands.add_parser("explain", parents=common,
                                  help="list every edit and decision with its rule and reason")
    explain.add_argument("input")
    explain.add_argument("--flagged", action="store_true", help="only the flagged edits")
    explain.add_argument("--rule", metavar="ID", help="only the decisions of this rule "
                         "(e.g. detect_headings.numbered_division)")
    explain.add_argument("--stage", metavar="NAME", help="only this stage's edits and decisions")
    explain.add_argument("--page", metavar="LABEL|#N", help="only this page: its printed label, "
                         "or #N for physical page N (0-based, as in the JSON output)")
    explain.add_argument("--json", action="store_true", help="the records as a JSON array")
    _limits(explain, "a PDF is mended in a worker process: ")
    verify = commands.add_parser("verify", parents=common, help="rebuild the input from the "
                                 "output and its edits; fail on any difference")
    verify.add_argument("input")
    verify.add_argument("--output", metavar="OUT.json", help="check this written JSON output "
                        "(its blocks, spans and edits) instead of mending the input again")
    _limits(verify, "a PDF is mended in a worker process: ")
    batch = commands.add_parser("batch", parents=common, help="mend many books into a folder; "
                                "a book that fails is recorded and the batch goes on")
    batch.add_argument("inputs", nargs="*", help="books: page dumps, PDFs, folders of pages")
    batch.add_argument("--inputs-from", type=Path, metavar="FILE",
                       help="a file of book paths, one per line (for more than a shell holds)")
    batch.add_argument("-d", "--out-dir", type=Path, required=True,
                       help="the folder for the outputs, the report and the settings")
    batch.add_argument("--to", choices=sorted(FORMATS), default="md", help="output format")
    batch.add_argument("--jobs", type=int, default=1, help="books mended at once (processes)")
    batch.add_argument("--executor", choices=("local", "ray"), default="local",
                       help="where the books are mended: worker processes here (local), or "
                       "tasks on a Ray cluster (ray: RAY_ADDRESS names an existing one, else "
                       "a local Ray with --jobs CPUs; needs pagemend[ray])")
    batch.add_argument("--resume", action="store_true",
                       help="skip the books whose output is already there (outputs are "
                       "written whole or not at all)")
    batch.add_argument("--page-markers", action="store_true",
                       help="write <!-- page N --> provenance markers into Markdown")
    _limits(batch, "")
    evaluate = commands.add_parser("eval", parents=common,
                                   help="mend and score every corpus case")
    evaluate.add_argument("cases", type=Path, help="a folder of case folders")
    evaluate.add_argument("--input", default="pages",
                          choices=("pages", "pdf", "pdfium", "pdftotext", "ocr", *CACHE_INPUTS),
                          help="the cases' input to read; tess, hocr, alto, tsv (and -200d, "
                          "degraded): Tesseract's OCR of the cases' PDFs, made by "
                          "scripts/make_ocr_data.py")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    evaluate.add_argument("--rules", action="store_true",
                          help="instead of the scores: how often each rule fired in each case, "
                          "and the rules that fired in only one case or none")
    evaluate.add_argument("--gate", action="store_true",
                          help="fail (exit 1) if a mean falls below its pinned floor")
    evaluate.add_argument("--update-floors", action="store_true",
                          help="raise the pinned floors to what was measured (never lowers)")
    cite = commands.add_parser("cite", parents=common, help="the printed pages a passage "
                               "spans, at every place it occurs")
    cite.add_argument("input")
    cite.add_argument("passage", help="the words (case, line breaks, hyphens, quotes and "
                      "dashes do not matter)")
    cite.add_argument("--json", action="store_true", help="the occurrences as a JSON array")
    _limits(cite, "a PDF is mended in a worker process: ")
    review = commands.add_parser("review", parents=common, help="one HTML page that shows "
                                 "every edit and decision beside the page it came from")
    review.add_argument("input")
    review.add_argument("-o", "--output", default="-", help="the HTML file, or - for stdout")
    review.add_argument("--no-images", action="store_true", help="for a PDF, leave out the "
                        "page images (the line boxes are still drawn, on blank pages)")
    _limits(review, "a PDF is mended in a worker process: ")
    return parser


def _review(args: argparse.Namespace) -> int:
    """The review page of one book (a PDF with its page images, see page_images)."""
    from pagemend.writers.review import write_review

    started = time.perf_counter()
    images: dict[int, PageImage] = {}
    if _is_pdf(args.input):  # its pages read, mended and rendered in a worker process
        doc, images = _in_worker(args, functools.partial(
            _review_pdf, args.input, password=args.password, max_bytes=_max_bytes(args),
            ocr=_ocr(args), config=_config(args), render=not args.no_images))
    else:
        doc = _mended(args)
    output = write_review(doc, images)
    if args.output == "-":
        _to_stdout(output)
    else:
        _write_output(Path(args.output), output)
    _note(args, f"{args.input}: review of {len(doc.pages)} pages, {len(doc.edits)} edits, "
          f"{len(doc.decisions)} decisions in {time.perf_counter() - started:.2f} s",
          verbose=True)
    return 0


def _cite(args: argparse.Namespace) -> int:
    """One line per occurrence: ``pp. 142–143 (#149–#150)``; exit 1 (PM120) if none."""
    from pagemend.cite import cite_or_raise, format_citation

    found = cite_or_raise(_mended(args), args.passage)
    if args.json:
        print(json.dumps([{"pages": list(c.pages), "labels": list(c.labels),
                           "start": list(c.start), "end": list(c.end),
                           "citation": format_citation(c)} for c in found],
                         ensure_ascii=False, indent=1))
    else:
        for citation in found:
            print(format_citation(citation))
    return 0


def _read(args: argparse.Namespace) -> Document:
    return read_path(args.input, args.password, _max_bytes(args), _ocr(args))


def _ocr(args: argparse.Namespace) -> OcrSettings:
    return OcrSettings(lang=args.ocr_lang, force=args.ocr)


def _max_bytes(args: argparse.Namespace) -> int:
    if args.max_input_mb < 1:
        raise ConfigError(f"--max-input-mb must be at least 1, not {args.max_input_mb}",
                          "pass a size in MiB")
    return int(args.max_input_mb) * 2**20


def _config(args: argparse.Namespace) -> PipelineConfig:
    """The settings of --config, then each --set on top."""
    sections: dict[str, Any] = {}
    if args.config is not None:
        sections = load_toml(args.config)
    for setting in args.set:
        name, sep, value = setting.partition("=")
        section, dot, key = name.partition(".")
        if not sep or not dot:
            raise ConfigError(f"--set {setting!r} is not STAGE.KEY=VALUE",
                              "write it like join_hyphenated_words.policy=always_join")
        sections.setdefault(section, {})[key] = raw(value)
    if args.lang:
        sections.setdefault("detect_language", {})["lang"] = args.lang.strip().lower()
    config = PipelineConfig.resolve(sections)
    check_language(config.detect_language.lang)
    return config


def _format(args: argparse.Namespace) -> str:
    """--to, else the format of the output's suffix; no suffix (or stdout) is Markdown, an
    unknown suffix is refused."""
    if args.to:
        return str(args.to)
    if args.output == "-":
        return "md"
    name = Path(args.output).name.lower()
    known = [suffix for suffix in SUFFIXES if name.endswith(suffix)]
    if known:
        return SUFFIXES[max(known, key=len)]  # the longest: `.tei.xml` before `.xml`
    suffix = Path(args.output).suffix.lower()
    if not suffix:
        return "md"
    raise UnknownSuffixError(
        f"-o {args.output}: {suffix!r} is no output format pagemend writes",
        "name the file " + ", ".join(sorted(SUFFIXES)) + ", or pass --to "
        + "|".join(WRITERS))


def _convert(args: argparse.Namespace) -> int:
    fmt = _format(args)
    if args.output != "-" and Path(args.output).is_dir():
        raise output_error(args.output, IsADirectoryError(21, "Is a directory"))
    started = time.perf_counter()
    output: str | bytes | Iterator[bytes]
    if _is_pdf(args.input):
        output, pages = _convert_isolated(args, fmt)
    else:  # a PDF on stdin is mended in a worker too
        doc = _mended(args)
        output = pieces(doc, fmt, page_markers=args.page_markers, granularity=args.granularity)
        pages = len(doc.pages)
    if args.output == "-":
        _to_stdout(output)
    else:
        _write_output(Path(args.output), output)
    _note(args, f"{args.input}: {pages} pages in {time.perf_counter() - started:.2f} s",
          verbose=True)
    return 0


def _is_pdf(source: str) -> bool:
    """A PDF file (by suffix or signature): read in a worker process."""
    path = Path(source)
    if source == "-" or not path.is_file():
        return False
    if path.suffix.lower() == ".pdf":
        return True
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False


def _convert_isolated(args: argparse.Namespace, fmt: str) -> tuple[bytes, int]:
    """Mend a PDF in a worker process with a memory cap and a time limit, as a batch does: a
    PDF that crashes pdfium or runs away is a coded error (PM120, PM121, PM122)."""
    import tempfile

    from pagemend.executors.local import (
        BOOK_TIMEOUT,
        WORKER_MEMORY_MB,
        BookTask,
        mend_isolated,
    )

    with tempfile.TemporaryDirectory(prefix="pagemend-") as folder:
        output = Path(folder) / f"out.{fmt}"
        task = BookTask(args.input, str(output), fmt, _config(args), args.password,
                        args.page_markers, _max_bytes(args), args.granularity, _ocr(args))
        result = mend_isolated(
            task, BOOK_TIMEOUT if args.timeout is None else args.timeout,
            WORKER_MEMORY_MB if args.memory_mb is None else args.memory_mb)
        if result.status != "ok":
            raise BookFailedError(result.code or INTERNAL_ERROR, result.message or "failed",
                                  result.remedy or "")
        return output.read_bytes(), result.pages


def _to_stdout(output: str | bytes | Iterator[bytes]) -> None:
    try:
        sys.stdout.flush()
        for piece in _encoded(output):
            sys.stdout.buffer.write(piece)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        _silence_stdout()
        raise output_error("<stdout>", error) from None


def _silence_stdout() -> None:
    """After a failed write to stdout, point it at /dev/null so that Python's own flush at
    exit does not fail again (and print a traceback of its own)."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _encoded(output: str | bytes | Iterator[bytes]) -> Iterator[bytes]:
    """A whole output, or its pieces, as bytes."""
    if isinstance(output, str):
        yield output.encode("utf-8")
    elif isinstance(output, bytes):
        yield output
    else:
        yield from output


def _write_output(path: Path, output: str | bytes | Iterator[bytes]) -> None:
    """Write an output (whole, or in pieces): a regular file through a temporary file beside
    it, moved into place (nothing half-written is left on a full disk); a device or pipe
    directly."""
    if path.exists() and not path.is_file():  # /dev/null, /dev/full, a named pipe
        try:
            with path.open("wb") as handle:
                for piece in _encoded(output):
                    handle.write(piece)
        except OSError as error:
            raise output_error(path, error) from None
        return
    from pagemend.executors.local import _write_atomically

    _write_atomically(path, output)


def _note(args: argparse.Namespace, message: str, verbose: bool = False) -> None:
    """A line on stderr: not with -q; a verbose one only with -v."""
    if not args.quiet and (args.verbose or not verbose):
        print(message, file=sys.stderr)


def _explain(args: argparse.Namespace) -> int:
    from pagemend.explain import explain, format_record

    doc = _mended(args)
    records = explain(doc, rule=args.rule, stage=args.stage, page=args.page,
                      flagged=args.flagged)
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=1))
        return 0
    for record in records:
        print(format_record(record))
    return 0


def _verify(args: argparse.Namespace) -> int:
    """Text input must come back byte for byte (decoded); a PDF as its reader extracted it;
    a folder as its page files joined by form feeds. With --output, the written JSON is
    rebuilt instead of a new mending."""
    from pagemend.verify import document_from_json, verify

    if args.output is None:
        mended, text = _mended_with_text(args, DEFAULT_ORDER)
    else:
        repaired, text = _mended_with_text(args, ("repair_layout",))
        mended = document_from_json(_load_json(args.output), repaired)
    verify(mended, text)
    if not args.quiet:
        print(f"{args.input}: verified, {len(mended.pages)} pages rebuild exactly")
    return 0


def _read_by_registry(args: argparse.Namespace) -> bool:
    """OCR files, page images, and PDFs given with --ocr: what they stand for is what their
    reader extracted."""
    from pagemend.readers.registry import format_of_path, ocr_folder_files
    from pagemend.readers.text import page_files

    path = Path(args.input)
    if args.input == "-" or not path.exists():
        return False
    if path.is_dir():
        return ocr_folder_files(page_files(path)) is not None
    return bool(format_of_path(path)) or (args.ocr and _is_pdf(args.input))


def _mended_with_text(args: argparse.Namespace,
                      order: Sequence[str]) -> tuple[Document, str]:
    """The input read and mended (the stages of ``order``), and the text the mended document
    must rebuild: a page dump decoded, a folder's page files joined by form feeds, a PDF as
    its reader extracted it (a PDF read and mended in a worker process)."""
    from pagemend.readers.text import _read_file, decode, folder_text, read_limited, read_text
    from pagemend.verify import extracted

    limit, config = _max_bytes(args), _config(args)
    path = Path(args.input)
    if _is_pdf(args.input):  # with --ocr too: Tesseract's text is what it stands for
        return _pdf_in_worker(args, order)
    if _read_by_registry(args):
        doc = _read(args)
        return mend(doc, config, order), extracted(doc)
    if args.input != "-" and path.is_dir():
        text = folder_text(path, limit)
        return mend(read_text(text, args.input), config, order), text
    if args.input == "-":
        data = read_limited(sys.stdin.buffer, "<stdin>", limit)
    elif not os.path.lexists(path):
        raise InputNotFoundError(args.input)
    else:
        data = _read_file(path, limit)
    if args.input == "-" and _is_pdf_data(data):
        return _pdf_in_worker(args, order, data)
    from pagemend.readers import read_bytes

    source = "<stdin>" if args.input == "-" else args.input
    return mend(read_bytes(data, source), config, order), decode(data, source)[0]


def _mended(args: argparse.Namespace) -> Document:
    """The input read and mended: a PDF (a file, or on stdin) in a worker process."""
    if _is_pdf(args.input):
        return _pdf_in_worker(args, DEFAULT_ORDER)[0]
    if args.input != "-":
        return mend(_read(args), _config(args))
    from pagemend.readers import read_bytes
    from pagemend.readers.text import read_limited

    data = read_limited(sys.stdin.buffer, "<stdin>", _max_bytes(args))
    if _is_pdf_data(data):
        return _pdf_in_worker(args, DEFAULT_ORDER, data)[0]
    return mend(read_bytes(data, "<stdin>"), _config(args))


def _is_pdf_data(data: bytes) -> bool:
    from pagemend.readers.text import PDF_SIGNATURE

    return data[:5] == PDF_SIGNATURE


def _pdf_in_worker(args: argparse.Namespace, order: Sequence[str],
                   data: bytes | None = None) -> tuple[Document, str]:
    """A PDF (its file, or its bytes from stdin) read and mended in a worker process."""
    return _in_worker(args, functools.partial(
        _mend_pdf, args.input, data=data, password=args.password, max_bytes=_max_bytes(args),
        ocr=_ocr(args), config=_config(args), order=tuple(order)))


def _in_worker(args: argparse.Namespace, function: Callable[[], T]) -> T:
    """``function()`` in a worker process with the memory cap and time limit of
    ``--memory-mb`` and ``--timeout``: a PDF that crashes pdfium or runs away is a coded
    error (PM120, PM121, PM122), as in a batch."""
    from pagemend.executors.local import BOOK_TIMEOUT, WORKER_MEMORY_MB, call_isolated

    value: T = call_isolated(
        args.input, function, BOOK_TIMEOUT if args.timeout is None else args.timeout,
        WORKER_MEMORY_MB if args.memory_mb is None else args.memory_mb)
    return value


def _mend_pdf(source: str, *, data: bytes | None, password: str | None, max_bytes: int,
              ocr: OcrSettings, config: PipelineConfig,
              order: Sequence[str]) -> tuple[Document, str]:
    """In a worker process: a PDF read (its file, or its bytes from stdin) and mended, and
    the text it stood for as read."""
    from pagemend.readers.text import _read_pdf_bytes
    from pagemend.verify import extracted

    doc = (read_path(source, password, max_bytes, ocr) if data is None
           else _read_pdf_bytes(data, "<stdin>", password))
    text = extracted(doc)
    return mend(doc, config, order), text


def _review_pdf(source: str, *, password: str | None, max_bytes: int, ocr: OcrSettings,
                config: PipelineConfig, render: bool) -> tuple[Document, dict[int, PageImage]]:
    """In a worker process: a PDF mended, and its page images (rendered by pdfium)."""
    from pagemend.page_images import page_images

    doc = _mend_pdf(source, data=None, password=password, max_bytes=max_bytes, ocr=ocr,
                    config=config, order=DEFAULT_ORDER)[0]
    return doc, page_images(source, password, render=render)


def _load_json(name: str) -> Any:
    path = Path(name)
    if not path.exists():
        raise InputNotFoundError(name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise UnreadableInputError(name, f"not a JSON output of pagemend ({error})") from None


def _batch(args: argparse.Namespace) -> int:
    """Mend every book; one line per book on stderr, a summary, exit 1 if any failed."""
    from pagemend.executors.local import REPORT_FILE, run_batch
    from pagemend.progress import open_progress

    sources = list(args.inputs)
    if args.inputs_from is not None:
        sources += _listed(args.inputs_from)
    if not sources:
        raise ConfigError("no books given", "name them, or list them in a file for "
                          "--inputs-from")
    counts = {"ok": 0, "failed": 0, "skipped": 0}
    pages, started = 0, time.perf_counter()
    limits: dict[str, Any] = {}
    if args.timeout is not None:
        limits["timeout"] = args.timeout
    if args.memory_mb is not None:
        limits["memory_mb"] = args.memory_mb
    progress = open_progress(len(sources), sys.stderr, live=False if args.quiet else None)
    try:
        for result in run_batch(
                sources, args.out_dir, args.to, _config(args), _runner(args.executor),
                jobs=args.jobs, resume=args.resume, password=args.password,
                page_markers=args.page_markers, max_bytes=_max_bytes(args), **limits):
            counts[result.status] += 1
            pages += result.pages
            detail = (f"[{result.code}] {result.message}; {result.remedy}" if result.code
                      else f"{result.pages} pages -> {result.output}" if result.status == "ok"
                      else "output already there")
            # a failure is an error: shown even with -q
            progress.advance(result.pages, f"{result.status} {result.source}: {detail}",
                             shown=result.status == "failed" or not args.quiet)
    finally:
        progress.close()
    seconds = time.perf_counter() - started
    _note(args, f"{len(sources)} books: {counts['ok']} ok, {counts['failed']} failed, "
          f"{counts['skipped']} skipped; {pages} pages in {seconds:.1f} s; report: "
          f"{args.out_dir / REPORT_FILE}")
    return 1 if counts["failed"] else 0


def _runner(executor: str) -> Runner:
    """The runner of an executor (Ray is imported only when asked for)."""
    if executor == "ray":
        from pagemend.executors.ray_executor import run_on_ray

        return run_on_ray
    from pagemend.executors.local import run_workers

    return run_workers


def _listed(path: Path) -> list[str]:
    """The book paths of an --inputs-from list, one a line; names that are not UTF-8 are
    kept as the file system's bytes (as a shell passes them)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputListError(f"{path} cannot be read: {error.strerror}",
                             "check the path") from None
    if b"\0" in data:
        raise InputListError(f"{path} is not a list of paths (it holds NUL bytes)",
                             "write one path a line, e.g. `find DIR -name '*.pdf' > list`")
    lines = (os.fsdecode(line).strip() for line in data.splitlines())
    return [line for line in lines if line]


def _eval(args: argparse.Namespace) -> int:
    from pagemend.eval.gate import (
        FLOORS_PATH,
        check,
        corpus_digest,
        floors_key,
        load_floors,
        raise_floors,
    )
    from pagemend.eval.runner import evaluate
    from pagemend.eval.table import format_emphasis, format_table

    config = _config(args)
    report = evaluate(args.cases, args.input, lambda doc: mend(doc, config))
    if not report.cases:
        raise ConfigError(f"no case in {args.cases} has an {args.input!r} input",
                          "point to a folder of corpus cases (each with truth.json)")
    if args.json:
        print(json.dumps(report.to_dict(), indent=1))
    elif args.rules:
        from pagemend.eval.rules import format_rules
        from pagemend.rules import RULES

        print(format_rules(report, RULES))
    else:
        print(format_table(report))
        print(format_emphasis(report))
        rate = report.pages / report.seconds if report.seconds else 0.0
        print(f"\n{len(report.cases)} cases, {report.pages} pages, {rate:.0f} pages/s in one "
              f"cold pass, word lists loading included (input: {args.input}); `make bench` "
              "measures throughput")
    digest = corpus_digest(args.cases, args.input)
    if args.update_floors and (args.set or args.config or args.lang):
        raise ConfigError("--update-floors pins the default pipeline only",
                          "drop --set/--config when raising floors")
    if args.update_floors:
        floors = raise_floors(report, load_floors(), digest, floors_key(args.cases, args.input))
        FLOORS_PATH.write_text(json.dumps(floors, indent=1) + "\n", encoding="utf-8")
    if args.gate:
        failures = check(report, load_floors(), digest, floors_key(args.cases, args.input))
        for failure in failures:
            print(f"gate: {failure}", file=sys.stderr)
        return 1 if failures else 0
    return 0


_HANDLERS = {"convert": _convert, "explain": _explain, "verify": _verify, "batch": _batch,
             "eval": _eval, "cite": _cite, "review": _review}


def _with_command(args: list[str]) -> list[str]:
    """The arguments with the command first: ``convert`` when none is named (``pagemend
    --to json book.txt``), the named one moved to the front when options come before it.

    >>> _with_command(["--to", "json", "book.txt"])
    ['convert', '--to', 'json', 'book.txt']
    >>> _with_command(["-q", "verify", "book.txt"])
    ['verify', '-q', 'book.txt']
    >>> _with_command(["--version"])
    ['--version']
    """
    if not args or args[0] in COMMANDS or args[0] in ("-h", "--help", "--version"):
        return args
    expects_value = False
    for i, arg in enumerate(args):
        if expects_value:
            expects_value = False
            continue
        if arg.startswith("-") and arg != "-":
            expects_value = arg in _VALUED
            continue
        if arg in COMMANDS:
            return [arg, *args[:i], *args[i + 1:]]
        break  # the first positional is the input
    return ["convert", *args]


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    with contextlib.suppress(AttributeError, ValueError):
        sys.stderr.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    args_list = _with_command(list(sys.argv[1:] if argv is None else argv))
    args = _parser().parse_args(args_list)
    previous = None
    with contextlib.suppress(ValueError):  # not in the main thread
        previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        return _HANDLERS[args.command](args)
    except PagemendError as error:
        return _fail(error)
    except KeyboardInterrupt:
        return _fail(Interrupted())
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except MemoryError:
        return _fail(BookTooLargeForMemoryError())
    except Exception as error:  # a bug: one coded line, the traceback with -v
        if args.verbose:
            import traceback

            traceback.print_exc()
        print(f"pagemend: error: [{INTERNAL_ERROR}] {type(error).__name__}: {error}; a bug in "
              "pagemend: please report it with the input (-v shows the traceback)",
              file=sys.stderr)
        return 1
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _fail(error: PagemendError) -> int:
    print(f"pagemend: error: {error}", file=sys.stderr)
    return error.exit_code


if __name__ == "__main__":
    sys.exit(main())
