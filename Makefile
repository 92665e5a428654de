# The quick start: `make demo` and `make test` work on a fresh clone (they create .venv).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev

.PHONY: demo test lint eval bench bench-pdf bench-scale readme fuzz clean formats compiled \
	clean-compiled test-compiled bench-compiled bench-stages

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	@echo "--- the seed page, as extracted (tests/cases/seed/input.pages.txt) ---"
	@cat tests/cases/seed/input.pages.txt; echo
	@echo "--- mended by pagemend ---"
	@$(BIN)/pagemend tests/cases/seed/input.pages.txt

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

# the property tests at 10,000 examples each (make test runs them at 2,000: the ci profile)
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest tests/test_properties.py -p no:cacheprovider

eval: $(STAMP)
	$(BIN)/pagemend eval tests/corpus --gate

readme: $(STAMP)
	$(BIN)/python scripts/update_readme.py

# issue 20's report (bench/bench_book.py: page text, pure and compiled, against the baseline
# commit and the naive joiner, linearity, peak memory, batch, start-up, PDF beside pdftotext), then the corpus
# throughput and the cost of recording decisions (bench/bench_corpus.py)
bench: $(STAMP)
	command -v pdftotext >/dev/null || (apt-get update -qq && apt-get install -y -qq poppler-utils)
	$(BIN)/python -c "import mypyc.build, setuptools" 2>/dev/null \
		|| $(BIN)/python -m pip install --quiet -e '.[dev,compiled]'
	$(BIN)/python bench/bench_book.py
	$(BIN)/python bench/bench_corpus.py

# linearity: 2,000 and 20,000 pages of distinct text, each in a fresh process (time, peak memory)
bench-scale: $(STAMP)
	$(BIN)/python bench/bench_scale.py --sizes 2000 20000

bench-pdf: $(STAMP)
	command -v pdftotext >/dev/null || (apt-get update -qq && apt-get install -y -qq poppler-utils)
	$(BIN)/python bench/bench_pdf.py

# where the mending time goes: CPU seconds per stage on the benchmark book and the corpus PDFs
bench-stages: $(STAMP)
	$(BIN)/python bench/bench_stages.py --input pages
	$(BIN)/python bench/bench_stages.py --input pdf

# the seed page in every output format (out/formats/), TEI and EPUB validated when jing and
# epubcheck are installed (.ci/run installs them)
formats: $(STAMP)
	mkdir -p out/formats
	for suffix in md txt json jsonl html tei.xml epub; do \
		$(BIN)/pagemend tests/cases/seed/input.pages.txt -o out/formats/seed.$$suffix || exit 1; \
	done
	! command -v jing >/dev/null || jing tests/writers/schemas/teisimple.rng out/formats/seed.tei.xml
	! command -v epubcheck >/dev/null || java -jar "$$(command -v epubcheck)" out/formats/seed.epub

# The optional compiled build (docs/compiled.md): the hot modules compiled in place with mypyc
# (scripts/build_compiled.py lists them; needs a C compiler and the Python headers); the
# default install and `make test` stay pure Python. clean-compiled brings the pure path back.
compiled: $(STAMP)
	$(BIN)/python -c "import mypyc.build, setuptools" 2>/dev/null \
		|| $(BIN)/python -m pip install --quiet -e '.[dev,compiled]'
	$(BIN)/python scripts/build_compiled.py

clean-compiled:
	$(PYTHON) scripts/build_compiled.py --clean

# the compiled build gives the same outputs: build, check that the compiled modules are the
# ones in use, run the pinned digests, the golden cases and a batch through worker processes
# against them, clean (even on failure)
test-compiled: compiled
	PAGEMEND_EXPECT_COMPILED=1 $(BIN)/pytest -p no:cacheprovider tests/test_compiled.py \
		tests/test_same_output.py tests/test_golden.py tests/executors/test_local.py; \
		status=$$?; \
		$(PYTHON) scripts/build_compiled.py --clean; exit $$status

# pure against compiled on the 2,000-page book (paired fresh processes; built in a copy)
bench-compiled: $(STAMP)
	$(BIN)/python -c "import mypyc.build, setuptools" 2>/dev/null \
		|| $(BIN)/python -m pip install --quiet -e '.[dev,compiled]'
	$(BIN)/python scripts/build_compiled.py --bench 3

clean: clean-compiled
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
