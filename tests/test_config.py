import pytest

from claimtrack.config import load_settings, parse_source_spec
from claimtrack.errors import ConfigError


def test_defaults_without_a_config_file(chdir_tmp):
    s = load_settings()
    assert str(s.warehouse) == "warehouse/claimtrack.duckdb"
    assert [x.spec for x in s.sources] == ["folder:seeds"]


def test_toml_then_env_then_flags(chdir_tmp, monkeypatch):
    (chdir_tmp / "claimtrack.toml").write_text(
        'warehouse = "a.duckdb"\n[clustering]\nthreshold = 0.8\n[[sources]]\nkind = "jsonl"\nlocation = "x.jsonl"\n'
    )
    s = load_settings()
    assert str(s.warehouse) == "a.duckdb" and s.clustering.threshold == 0.8
    assert s.sources[0].spec == "jsonl:x.jsonl"
    monkeypatch.setenv("CLAIMTRACK_CLUSTERING__THRESHOLD", "0.75")
    monkeypatch.setenv("CLAIMTRACK_WAREHOUSE", "b.duckdb")
    s = load_settings()
    assert s.clustering.threshold == 0.75 and str(s.warehouse) == "b.duckdb"
    s = load_settings(warehouse="c.duckdb", sources=["folder:seeds"])
    assert str(s.warehouse) == "c.duckdb" and s.sources[0].spec == "folder:seeds"


def test_unknown_key_is_one_clear_sentence(chdir_tmp):
    (chdir_tmp / "claimtrack.toml").write_text("[clustering]\nthreshhold = 0.8\n")
    with pytest.raises(ConfigError, match="Unknown setting 'clustering.threshhold'"):
        load_settings()


def test_wrong_type_and_bad_toml(chdir_tmp):
    (chdir_tmp / "claimtrack.toml").write_text("[clustering]\nthreshold = 'high'\n")
    with pytest.raises(ConfigError, match="clustering.threshold"):
        load_settings()
    (chdir_tmp / "claimtrack.toml").write_text("[clustering\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings()


def test_missing_explicit_config(chdir_tmp):
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings("nope.toml")


@pytest.mark.parametrize("spec", ["seeds", "rss", "ftp:x", "folder:"])
def test_bad_source_specs(spec):
    with pytest.raises(ConfigError):
        parse_source_spec(spec)


def test_source_spec_keeps_colons_in_location():
    assert parse_source_spec("jsonl:C:/data/a.jsonl").location == "C:/data/a.jsonl"


def test_web_source_kinds_need_urls(chdir_tmp):
    assert parse_source_spec("rss:https://example.org/feed.xml").kind == "rss"
    assert parse_source_spec("urls:lists/a.txt").location == "lists/a.txt"
    with pytest.raises(ConfigError, match="needs an http"):
        parse_source_spec("sitemap:sitemap.xml")
    (chdir_tmp / "claimtrack.toml").write_text('[[sources]]\nkind = "rss"\nlocation = "feed.xml"\n')
    with pytest.raises(ConfigError, match="sources.0.*not an http"):
        load_settings()
    (chdir_tmp / "claimtrack.toml").write_text("[http]\ntimeout = 0\n")
    with pytest.raises(ConfigError, match="http.timeout"):
        load_settings()


def test_environment_mistakes_are_one_sentence(chdir_tmp, monkeypatch):
    # A list setting that is not JSON: pydantic-settings' own error is rewritten.
    monkeypatch.setenv("CLAIMTRACK_SOURCES", "not json")
    with pytest.raises(ConfigError, match="CLAIMTRACK_SOURCES is not valid JSON"):
        load_settings()
    monkeypatch.delenv("CLAIMTRACK_SOURCES")
    # One underscore instead of two would otherwise be ignored without a word.
    monkeypatch.setenv("CLAIMTRACK_HTTP_TIMEOUT", "3")
    with pytest.raises(ConfigError, match="CLAIMTRACK_HTTP_TIMEOUT is not a claimtrack setting"):
        load_settings()
    monkeypatch.delenv("CLAIMTRACK_HTTP_TIMEOUT")
    monkeypatch.setenv("CLAIMTRACK_HTTP__TIMEUOT", "3")
    with pytest.raises(ConfigError, match="not a claimtrack setting"):
        load_settings()
    monkeypatch.delenv("CLAIMTRACK_HTTP__TIMEUOT")
    monkeypatch.setenv("CLAIMTRACK_HTTP__TIMEOUT", "3")
    assert load_settings().http.timeout == 3


def test_numeric_settings_have_sane_bounds(chdir_tmp, monkeypatch):
    # 1e-300 requests per second once passed and then overflowed time.sleep.
    monkeypatch.setenv("CLAIMTRACK_HTTP__PER_HOST_RATE", "1e-300")
    with pytest.raises(ConfigError, match="http.per_host_rate"):
        load_settings()
