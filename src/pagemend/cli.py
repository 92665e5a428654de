"""The command line: thin wrappers over the library. Only this module prints.

    pagemend INPUT [-o OUT] [--to md|txt|json] [--page-markers]
    pagemend explain INPUT [--rule ID] [--stage NAME] [--page LABEL|#N] [--flagged] [--json]
    pagemend verify INPUT
    pagemend batch INPUT... -d OUT_DIR [--to md|txt|json] [--jobs N] [--resume]
    pagemend eval CASES_DIR [--input pages|pdf|pdfium|pdftotext|ocr] [--json] [--rules] [--gate]
    pagemend cite INPUT "a passage" [--json]

Exit codes: 0 success, 1 bad input (or a failed check; for a batch, any failed book), 2 bad
usage or configuration.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pagemend import __version__
from pagemend.config import PipelineConfig, load_toml
from pagemend.errors import ConfigError, PagemendError
from pagemend.model import Document
from pagemend.pipeline import mend
from pagemend.readers import read_path
from pagemend.writers import FORMATS, write_file, writer_for

__all__ = ["main"]

COMMANDS = ("convert", "explain", "verify", "batch", "eval", "cite")


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
    convert.add_argument("--granularity", choices=("document", "page", "block"),
                         default="document", help="JSONL: one record per document, page or block")
    convert.add_argument("--page-markers", action="store_true",
                         help="write <!-- page N --> provenance markers into Markdown")
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
    verify = commands.add_parser("verify", parents=common, help="rebuild the input from the "
                                 "output and its edits; fail on any difference")
    verify.add_argument("input")
    batch = commands.add_parser("batch", parents=common, help="mend many books into a folder; "
                                "a book that fails is recorded and the batch goes on")
    batch.add_argument("inputs", nargs="*", help="books: page dumps, PDFs, folders of pages")
    batch.add_argument("--inputs-from", type=Path, metavar="FILE",
                       help="a file of book paths, one per line (for more than a shell holds)")
    batch.add_argument("-d", "--out-dir", type=Path, required=True,
                       help="the folder for the outputs, the report and the settings")
    batch.add_argument("--to", choices=sorted(FORMATS), default="md", help="output format")
    batch.add_argument("--jobs", type=int, default=1, help="books mended at once (processes)")
    batch.add_argument("--resume", action="store_true",
                       help="skip the books whose output is already there (outputs are "
                       "written whole or not at all)")
    batch.add_argument("--page-markers", action="store_true",
                       help="write <!-- page N --> provenance markers into Markdown")
    evaluate = commands.add_parser("eval", parents=common,
                                   help="mend and score every corpus case")
    evaluate.add_argument("cases", type=Path, help="a folder of case folders")
    evaluate.add_argument("--input", default="pages",
                          choices=("pages", "pdf", "pdfium", "pdftotext", "ocr"))
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
    return parser


def _cite(args: argparse.Namespace) -> int:
    """One line per occurrence: ``pp. 142–143 (#149–#150)``; exit 1 (PM120) if none."""
    from pagemend.cite import cite_or_raise, format_citation

    found = cite_or_raise(mend(_read(args.input, args.password), _config(args)), args.passage)
    if args.json:
        print(json.dumps([{"pages": list(c.pages), "labels": list(c.labels),
                           "start": list(c.start), "end": list(c.end),
                           "citation": format_citation(c)} for c in found],
                         ensure_ascii=False, indent=1))
    else:
        for citation in found:
            print(format_citation(citation))
    return 0


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
    fmt = writer_for(args.to, None if args.to else args.output).name
    write_file(mend(_read(args.input, args.password), _config(args)), fmt, args.output,
               page_markers=args.page_markers, granularity=args.granularity)
    return 0


def _explain(args: argparse.Namespace) -> int:
    from pagemend.explain import explain, format_record

    doc = mend(_read(args.input, args.password), _config(args))
    records = explain(doc, rule=args.rule, stage=args.stage, page=args.page,
                      flagged=args.flagged)
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=1))
        return 0
    for record in records:
        print(format_record(record))
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


def _batch(args: argparse.Namespace) -> int:
    """Mend every book; one line per book on stderr, a summary, exit 1 if any failed."""
    from pagemend.executors.local import REPORT_FILE, run_local

    sources = list(args.inputs)
    if args.inputs_from is not None:
        try:
            listed = args.inputs_from.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise ConfigError(f"{args.inputs_from} cannot be read: {error.strerror}",
                              "check the path") from None
        sources += [line.strip() for line in listed if line.strip()]
    if not sources:
        raise ConfigError("no books given", "name them, or list them in a file for "
                          "--inputs-from")
    counts = {"ok": 0, "failed": 0, "skipped": 0}
    pages, started = 0, time.perf_counter()
    for done, result in enumerate(run_local(
            sources, args.out_dir, args.to, _config(args), jobs=args.jobs, resume=args.resume,
            password=args.password, page_markers=args.page_markers), start=1):
        counts[result.status] += 1
        pages += result.pages
        detail = (f"[{result.code}] {result.message}; {result.remedy}" if result.code
                  else f"{result.pages} pages -> {result.output}" if result.status == "ok"
                  else "output already there")
        print(f"[{done}/{len(sources)}] {result.status} {result.source}: {detail}",
              file=sys.stderr)
    seconds = time.perf_counter() - started
    print(f"{len(sources)} books: {counts['ok']} ok, {counts['failed']} failed, "
          f"{counts['skipped']} skipped; {pages} pages in {seconds:.1f} s; report: "
          f"{args.out_dir / REPORT_FILE}", file=sys.stderr)
    return 1 if counts["failed"] else 0


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
    elif args.rules:
        from pagemend.eval.rules import format_rules
        from pagemend.rules import RULES

        print(format_rules(report, RULES))
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


_HANDLERS = {"convert": _convert, "explain": _explain, "verify": _verify, "batch": _batch,
             "eval": _eval, "cite": _cite}


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
