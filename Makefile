# Two commands on a fresh machine: `make demo` and `make test`.
# Everything is installed into .venv from pyproject.toml; nothing by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The demo needs corpparent alone; the tests need the project's tooling and the docs site's.
DEMO_STAMP := $(VENV)/.installed-demo

.PHONY: demo test lint typecheck imports docs bench fuzz clean validator-903

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	touch $@

$(DEMO_STAMP): pyproject.toml $(VENV)/.created
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP): pyproject.toml $(VENV)/.created
	$(BIN)/python -m pip install --quiet -e '.[dev,docs]'
	touch $@ $(DEMO_STAMP)

# The main job: Wiltshire's 2022-23 Q4 scorecard from the built-in plug-in and the
# example readings, printed as the panel's exception report and written as HTML.
demo: $(DEMO_STAMP)
	$(BIN)/corpparent scorecard examples/data/wiltshire_readings_2022-23.csv \
		--authority wiltshire --period "2022-23 Q4" --format terminal
	$(BIN)/corpparent scorecard examples/data/wiltshire_readings_2022-23.csv \
		--authority wiltshire --period "2022-23 Q4" --format html \
		--output out/wiltshire-2022-23-Q4.html
	$(BIN)/corpparent benchmark --la Wiltshire --measure LAC_LongStable% \
		--measure LACStable_2016on --measure CareLeaverAcc --format terminal
	$(BIN)/corpparent benchmark --la Wiltshire --format html \
		--output out/wiltshire-national-benchmark.html

lint: $(STAMP)
	$(BIN)/ruff check src tests examples benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy --strict src

# The layer contracts of docs/architecture.md, kept in pyproject.toml.
imports: $(STAMP)
	$(BIN)/lint-imports --no-cache

# The documentation site: the guides in docs/ and the API reference from the docstrings,
# built with every warning an error.
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir build/site

# The sector's validator of the SSDA903 return (the DfE's rules, csc-validator-be-903), in a
# virtual environment of its own: it pins pandas < 2 and NumPy < 1.25, which the project's
# own environment cannot hold. The synthetic returns' tests run it as a separate process.
VENV_903 := .venv-903
# Python 3.11: the validator's pinned NumPy has no wheels for later versions.
PYTHON_903 ?= python3.11
VALIDATOR_903 := 0.1.17
STAMP_903 := $(VENV_903)/.installed-$(VALIDATOR_903)

$(STAMP_903):
	$(PYTHON_903) -m venv $(VENV_903)
	$(VENV_903)/bin/python -m pip install --quiet --upgrade pip
	$(VENV_903)/bin/python -m pip install --quiet 'csc-validator-be-903==$(VALIDATOR_903)'
	touch $@

validator-903: $(STAMP_903)

test: lint typecheck imports docs validator-903
	$(BIN)/pytest

bench: $(STAMP)
	for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) $(VENV_903) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis

# The thorough fuzzing run: 10,000 mutated inputs per kind and workbook format and 3,000
# per in-memory table route, read in batches in forked processes (an input that does not
# end well is read again in a process of its own); the figures of every route, its wall
# time and inputs per second among them, go to build/fuzz-report.json. Measured whole on
# two otherwise idle cores, with the DfE's files beside the checkout: 37 minutes for 83
# routes and 486,059 inputs (.xls 14 minutes, .ods 8, .xlsx 7, the other files and the
# tables 8), 0 failures, 0 rows lost. The 1 GiB zip bombs are made once per seed, 1 s
# each. An .xls far cell (16.7 million cells) or 20,000 cells of one column is read
# under a lowered cells or rows limit, one input in a hundred whole (tests/fuzz_xls.py
# says why). The SSDA903 return's two routes (its CSV tables, its XML), read in the
# test process, take 10,000 inputs each too: 3,000 of each took 70 s, 0 failures.
# CORPPARENT_FUZZ_INPUTS, _WORKBOOKS and _TABLES set other numbers.
fuzz: $(STAMP)
	mkdir -p build
	rm -f build/fuzz-report.json
	CORPPARENT_FUZZ=thorough CORPPARENT_FUZZ_REPORT=build/fuzz-report.json \
		$(BIN)/pytest -q -p no:cacheprovider tests/test_fuzz_inputs.py tests/test_fuzz_tables.py \
		tests/test_fuzz_ssda903.py
