"""The command line: thin wrappers over the library. Only this module prints.

    pagemend INPUT [-o OUT] [--to md|txt|json] [--page-markers]
    pagemend explain INPUT
    pagemend verify INPUT
    pagemend eval CASES_DIR [--input pages|pdf|pdfium|pdftotext|ocr] [--json] [--gate]

Exit codes: 0 success, 1 bad input (or a failed check), 2 bad usage or configuration.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pagemend import __version__
from pagemend.config import PipelineConfig, load_toml
from pagemend.errors import ConfigError, PagemendError
from pagemend.model import Document
from pagemend.pipeline import mend
from pagemend.readers import read_path
from pagemend.writers import FORMATS, SUFFIXES, write

__all__ = ["main"]

COMMANDS = ("convert", "explain", "verify", "eval")


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
    return options


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
    convert.add_argument("--page-markers", action="store_true",
                         help="write <!-- page N --> provenance markers into Markdown")
    explain = commands.add_parser("explain", parents=common,
                                  help="list every edit with its stage and reason")
    explain.add_argument("input")
    explain.add_argument("--flagged", action="store_true", help="only the flagged edits")
    verify = commands.add_parser("verify", parents=common, help="rebuild the input from the "
                                 "output and its edits; fail on any difference")
    verify.add_argument("input")
    evaluate = commands.add_parser("eval", parents=common,
                                   help="mend and score every corpus case")
    evaluate.add_argument("cases", type=Path, help="a folder of case folders")
    evaluate.add_argument("--input", default="pages",
                          choices=("pages", "pdf", "pdfium", "pdftotext", "ocr"))
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    evaluate.add_argument("--gate", action="store_true",
                          help="fail (exit 1) if a mean falls below its pinned floor")
    evaluate.add_argument("--update-floors", action="store_true",
                          help="raise the pinned floors to what was measured (never lowers)")
    return parser


def _read(path: str, password: str | None = None) -> Document:
    return read_path(path, password)


def _value(text: str) -> object:
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


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
        sections.setdefault(section, {})[key] = _value(value)
    if args.lang:
        sections.setdefault("detect_language", {})["lang"] = args.lang
    return PipelineConfig.resolve(sections)


def _convert(args: argparse.Namespace) -> int:
    fmt = args.to or SUFFIXES.get(Path(args.output).suffix.lower(), "md")
    text = write(mend(_read(args.input, args.password), _config(args)), fmt,
                 page_markers=args.page_markers)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


def _explain(args: argparse.Namespace) -> int:
    doc = mend(_read(args.input, args.password), _config(args))
    for edit in doc.edits:
        if args.flagged and not edit.flagged:
            continue
        label = doc.pages[edit.page].label
        where = f"p{edit.page + 1}" + (f" [{label}]" if label else "") + f" l{edit.line + 1}"
        flag = " FLAGGED" if edit.flagged else ""
        print(f"{where}\t{edit.stage}\t{edit.action}\t{edit.before!r} -> {edit.after!r}\t"
              f"{edit.reason}{flag}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    """Text input must come back byte for byte (decoded); a PDF as its reader extracted it."""
    from pagemend.readers.text import decode
    from pagemend.verify import extracted, verify

    data = sys.stdin.buffer.read() if args.input == "-" else Path(args.input).read_bytes()
    if data[:5] == b"%PDF-":
        doc = read_path(args.input, args.password)
        text = extracted(doc)
    else:
        doc = _read_bytes(data) if args.input == "-" else read_path(args.input)
        text = decode(data, args.input)[0]
    verify(mend(doc, _config(args)), text)
    print(f"{args.input}: verified, {len(doc.pages)} pages rebuild exactly")
    return 0


def _read_bytes(data: bytes) -> Document:
    from pagemend.readers import read_bytes

    return read_bytes(data, "<stdin>")


def _eval(args: argparse.Namespace) -> int:
    from pagemend.eval.gate import FLOORS_PATH, check, corpus_digest, load_floors, raise_floors
    from pagemend.eval.runner import evaluate
    from pagemend.eval.table import format_table

    config = _config(args)
    report = evaluate(args.cases, args.input, lambda doc: mend(doc, config))
    if not report.cases:
        raise ConfigError(f"no case in {args.cases} has an {args.input!r} input",
                          "point to a folder of corpus cases (each with truth.json)")
    if args.json:
        print(json.dumps(report.to_dict(), indent=1))
    else:
        print(format_table(report))
        rate = report.pages / report.seconds if report.seconds else 0.0
        print(f"\n{len(report.cases)} cases, {report.pages} pages, {rate:.0f} pages/s in one "
              f"cold pass, word lists loading included (input: {args.input}); `make bench` "
              "measures throughput")
    digest = corpus_digest(args.cases, args.input)
    if args.update_floors and (args.set or args.config or args.lang):
        raise ConfigError("--update-floors pins the default pipeline only",
                          "drop --set/--config when raising floors")
    if args.update_floors:
        floors = raise_floors(report, load_floors(), digest)
        FLOORS_PATH.write_text(json.dumps(floors, indent=1) + "\n", encoding="utf-8")
    if args.gate:
        failures = check(report, load_floors(), digest)
        for failure in failures:
            print(f"gate: {failure}", file=sys.stderr)
        return 1 if failures else 0
    return 0


_HANDLERS = {"convert": _convert, "explain": _explain, "verify": _verify, "eval": _eval}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    first = args_list[0] if args_list else ""
    if first == "-" or (first and first not in COMMANDS and not first.startswith("-")):
        args_list.insert(0, "convert")
    args = _parser().parse_args(args_list)
    try:
        return _HANDLERS[args.command](args)
    except PagemendError as error:
        print(f"pagemend: error: {error}", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
