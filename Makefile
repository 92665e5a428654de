# The quick start: `make demo` and `make test` work on a fresh clone (they create .venv).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev

.PHONY: demo test lint eval bench bench-pdf bench-scale readme fuzz clean

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

bench: $(STAMP)
	$(BIN)/python bench/bench_corpus.py

# linearity: 2,000 and 20,000 pages of distinct text, each in a fresh process (time, peak memory)
bench-scale: $(STAMP)
	$(BIN)/python bench/bench_scale.py --sizes 2000 20000

bench-pdf: $(STAMP)
	command -v pdftotext >/dev/null || (apt-get update -qq && apt-get install -y -qq poppler-utils)
	$(BIN)/python bench/bench_pdf.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
