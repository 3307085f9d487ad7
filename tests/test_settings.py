"""Settings: the environment, overridden by a component's config while it runs."""
from __future__ import annotations

import threading

import pytest

from dateline import settings


def test_setting_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("DATELINE_TRIGGERS", "/from/env.tsv")
    assert settings.get("triggers") == "/from/env.tsv"
    monkeypatch.setenv("DATELINE_TRIGGERS", "")
    assert settings.get("triggers") is None  # an empty variable is no setting


def test_override_wins_inside_its_block_only(monkeypatch):
    monkeypatch.setenv("DATELINE_CACHE", "/env/cache")
    with settings.overriding(cache="/config/cache"):
        assert settings.get("cache") == "/config/cache"
        with settings.overriding(cache=None):  # None keeps what is there
            assert settings.get("cache") == "/config/cache"
    assert settings.get("cache") == "/env/cache"


def test_override_in_one_thread_is_not_seen_by_another(monkeypatch):
    monkeypatch.delenv("DATELINE_KB_DIR", raising=False)
    seen = []
    with settings.overriding(kb_dir="/mine"):
        thread = threading.Thread(target=lambda: seen.append(settings.get("kb_dir")))
        thread.start()
        thread.join()
        assert settings.get("kb_dir") == "/mine"
    assert seen == [None]


def test_unknown_setting_is_an_error():
    with pytest.raises(KeyError, match="unknown settings"):
        with settings.overriding(trigger="x.tsv"):
            pass


def test_db_default_and_environment(monkeypatch):
    monkeypatch.delenv("DATELINE_DB", raising=False)
    assert settings.db() == settings.DEFAULT_DB
    monkeypatch.setenv("DATELINE_DB", "postgresql://u@h/db")
    assert settings.db() == "postgresql://u@h/db"


def test_choose_model_prefers_the_argument_then_the_environment(monkeypatch):
    monkeypatch.setenv("DATELINE_MODEL", "some_model")
    assert settings.choose_model("other_model") == "other_model"
    assert settings.choose_model() == "some_model"

