# Two commands on a fresh machine: `make demo` and `make test`.
# Everything is installed into .venv from pyproject.toml; nothing by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck imports bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The main job: Wiltshire's 2022-23 Q4 scorecard from the built-in plug-in and the
# example readings, printed as the panel's exception report and written as HTML.
demo: $(STAMP)
	$(BIN)/corpparent scorecard examples/data/wiltshire_readings_2022-23.csv \
		--authority wiltshire --period "2022-23 Q4" --format terminal
	$(BIN)/corpparent scorecard examples/data/wiltshire_readings_2022-23.csv \
		--authority wiltshire --period "2022-23 Q4" --format html \
		--output out/wiltshire-2022-23-Q4.html
	$(BIN)/corpparent benchmark --authority Wiltshire --measure LAC_LongStable% \
		--measure LACStable_2016on --measure CareLeaverAcc --format terminal
	$(BIN)/corpparent benchmark --authority Wiltshire --format html \
		--output out/wiltshire-national-benchmark.html

lint: $(STAMP)
	$(BIN)/ruff check src tests examples benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy --strict src

# The layer contracts of docs/architecture.md, kept in pyproject.toml.
imports: $(STAMP)
	$(BIN)/lint-imports --no-cache

test: lint typecheck imports
	$(BIN)/pytest

bench: $(STAMP)
	for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
