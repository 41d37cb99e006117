"""Settings in one place: defaults < ``claimtrack.toml`` < ``CLAIMTRACK_*`` environment variables.

Nested keys use ``__`` in the environment, e.g. ``CLAIMTRACK_CLUSTERING__THRESHOLD=0.7``.
The config file path itself comes from ``--config`` or ``CLAIMTRACK_CONFIG``
(default: ``claimtrack.toml`` in the working directory, optional).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict
from pydantic_settings.exceptions import SettingsError

from claimtrack.errors import ConfigError

DEFAULT_CONFIG_FILE = "claimtrack.toml"
SOURCE_KINDS = ("folder", "jsonl", "rss", "urls", "sitemap")
URL_KINDS = ("rss", "sitemap")  # the location is an http(s) URL


class SourceConfig(BaseModel):
    """One input: ``kind`` is a source module, ``location`` a path (folder, jsonl, urls)
    or an http(s) URL (rss, sitemap)."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["folder", "jsonl", "rss", "urls", "sitemap"]
    location: str
    name: str | None = Field(None, description="Outlet name when the articles do not carry one.")

    @model_validator(mode="after")
    def _url_kinds_need_a_url(self) -> "SourceConfig":
        if self.kind in URL_KINDS and not _is_http_url(self.location):
            raise ValueError(
                f"{self.kind} source '{self.location}' is not an http(s) URL; use e.g. "
                f"{self.kind}:https://example.org/{'feed.xml' if self.kind == 'rss' else 'sitemap.xml'}"
            )
        return self

    @property
    def spec(self) -> str:
        return f"{self.kind}:{self.location}"


class EmbeddingConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # torch = SentenceTransformer fp32 (reference); onnx = ONNX Runtime fp32 (same vectors,
    # faster); onnx-int8 = dynamically quantised (fastest, moves cosines). See README.
    backend: Literal["torch", "onnx", "onnx-int8"] = "onnx"
    # Most texts per batch; ONNX batches are also capped by token_budget (padded tokens).
    batch_size: int = Field(64, ge=1, le=4096)
    token_budget: int = Field(4096, ge=16, le=1_048_576)
    # auto = CUDA when the backend's runtime sees a GPU (the [gpu] extra), else CPU.
    device: str = "auto"
    # Intra-op threads; 0 = the cores this process may use.
    threads: int = Field(0, ge=0, le=1024)
    # Where ONNX exports are built and kept; "" = ~/.cache/claimtrack/onnx ($XDG_CACHE_HOME).
    cache_dir: str = ""


class ClusteringConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Retrieval floor: candidate pairs below this cosine are never compared; the same-claim
    # verifier decides the rest (see docs/BENCHMARKS.md, benchmarks/train_verifier.py).
    threshold: float = Field(0.5, gt=0.0, le=1.0)
    # The verifier's decision threshold (probability); empty = the one trained with the model.
    verifier_threshold: float | None = Field(None, gt=0.0, lt=1.0)
    # A contradiction needs the pair to be the same claim but for the conflicting fields
    # with at least this probability (stricter than "same": a false contradiction costs trust).
    contradiction_threshold: float = Field(0.8, gt=0.0, lt=1.0)
    # Claim kinds stored but not clustered: background descriptors ("Sen. John McCain is
    # R-Ariz.") recur across unrelated stories and would pass for cross-source agreement.
    background_kinds: list[str] = Field(default_factory=lambda: ["appositive", "title"])


class StoriesConfig(BaseModel):
    """How articles are grouped into stories (claimtrack/stories.py; fit on BASIL dev and
    ECB+ dev, see docs/BENCHMARKS.md)."""

    model_config = ConfigDict(extra="forbid")

    w_vector: float = Field(1.0, ge=0.0, le=100.0)    # weight of the title+lead vectors' cosine
    w_names: float = Field(1.5, ge=0.0, le=100.0)     # weight of the Jaccard of the articles' name words
    w_claims: float = Field(0.2, ge=0.0, le=100.0)    # bonus when the articles share a verified claim cluster
    threshold: float = Field(0.75, gt=0.0, le=1000.0)  # average affinity needed to join a story
    window_days: float = Field(7.0, gt=0.0, le=36_500.0)  # articles further apart never join one story


class ExtractionConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min_tokens: int = Field(4, ge=1, le=1000)
    batch_size: int = Field(64, ge=1, le=100_000)
    # What one stored claim is: "clause" (one per proposition-bearing clause; measured to
    # serve cross-outlet matching best, docs/BENCHMARKS.md "Granularity") or "atomic" (each
    # clause also split into its core and one claim per optional modifier, grouped by
    # claims.parent_claim_id). Changing it re-extracts every article on the next run.
    granularity: Literal["clause", "atomic"] = "clause"
    # The claim extractor is English-only: articles detected as another language are kept
    # but skipped (and counted) unless this is true.
    non_english: bool = False


class HttpConfig(BaseModel):
    """How rss, urls and sitemap sources talk to web servers (see README, Feeds)."""

    model_config = ConfigDict(extra="forbid")

    # Says who is fetching; add a contact (URL or e-mail) for your deployment.
    user_agent: str = Field("claimtrack/0.1 (news claim tracker)", min_length=3, max_length=500)
    # seconds one request may take in all: connect, headers and body (wall clock, per try)
    timeout: float = Field(15.0, gt=0, le=600)
    retries: int = Field(2, ge=0, le=10)  # extra tries on 5xx, 429, timeouts and connection errors
    backoff: float = Field(1.0, ge=0, le=300)  # seconds before the first retry, doubled each time
    per_host_rate: float = Field(1.0, ge=0.001, le=1000)  # requests per second to one host
    per_host_concurrency: int = Field(2, ge=1, le=64)  # requests in flight to one host
    concurrency: int = Field(8, ge=1, le=256)  # requests in flight in all
    # larger responses are refused; counted after decompression, while streaming
    max_bytes: int = Field(5_000_000, ge=1024, le=500_000_000)
    max_redirects: int = Field(10, ge=0, le=50)
    max_items: int = Field(200, ge=1, le=100_000)  # new entries fetched per source and run (newest first)
    respect_robots: bool = True
    failing_runs: int = Field(3, ge=1, le=1000)  # `claimtrack status` reports sources failing this many runs in a row
    # Loopback, private, link-local (cloud metadata), CGNAT and other non-public addresses are
    # refused, for every hop and after DNS resolution (SSRF); true only for tests and intranets.
    allow_private_addresses: bool = False


class DaskConfig(BaseModel):
    """Distributed execution of claim extraction and embedding (prefect-dask)."""

    model_config = ConfigDict(extra="forbid")

    address: str | None = Field(None, description="A running Dask scheduler, e.g. tcp://10.0.0.5:8786.")
    workers: int | None = Field(None, ge=1, le=512, description="Start a LocalCluster of this many processes.")
    batch_articles: int = Field(16, ge=1, le=100_000, description="Articles per extraction task.")
    batch_texts: int = Field(512, ge=1, le=1_000_000, description="Claim texts per embedding task.")


class LakeConfig(BaseModel):
    """A DuckLake warehouse (``warehouse = "ducklake:<catalog>"``): where its Parquet files go,
    and its maintenance (docs/SCALING.md)."""

    model_config = ConfigDict(extra="forbid")

    # Folder (local or shared by every writer) or object-store URL for the Parquet files; needed
    # when the lake is created (a file catalog defaults to <catalog>.files/), recorded in the catalog.
    data_path: str | None = None
    # `claimtrack lake compact` (and the automatic one) expires snapshots older than this;
    # `query --as-of` reaches back this far. The newest completed run's snapshot is always kept.
    keep: str = Field("7 days", pattern=r"^\s*\d+\s*(second|minute|hour|day|week)s?\s*$")
    # Compact after every N-th completed run (merge small files, expire, delete unused files); 0 = only by hand.
    compact_every: int = Field(0, ge=0, le=1_000_000)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="CLAIMTRACK_", env_nested_delimiter="__", extra="forbid"
    )

    warehouse: Path = Path("warehouse/claimtrack.duckdb")
    sources: list[SourceConfig] = Field(
        default_factory=lambda: [SourceConfig(kind="folder", location="seeds")]
    )
    embedding: EmbeddingConfig = Field(default_factory=EmbeddingConfig)
    clustering: ClusteringConfig = Field(default_factory=ClusteringConfig)
    stories: StoriesConfig = Field(default_factory=StoriesConfig)
    extraction: ExtractionConfig = Field(default_factory=ExtractionConfig)
    http: HttpConfig = Field(default_factory=HttpConfig)
    dask: DaskConfig = Field(default_factory=lambda: DaskConfig())
    lake: LakeConfig = Field(default_factory=LakeConfig)
    # Outlet groups for blindspot views and the report: {"Wire services": ["Civic Wire", ...]}
    groups: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("warehouse")
    @classmethod
    def _warehouse_is_file(cls, v: Path) -> Path:
        if str(v).endswith(("/", os.sep)):
            raise ValueError("must be a file path such as warehouse/claimtrack.duckdb")
        return v

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The environment overrides the TOML file, which arrives as init kwargs.
        return (env_settings, init_settings)


def parse_source_spec(spec: str) -> SourceConfig:
    """``KIND:LOCATION`` from the CLI (``folder:seeds``, ``jsonl:data/a.jsonl``)."""
    kind, sep, location = spec.partition(":")
    if not sep or not location:
        raise ConfigError(
            f"Source '{spec}' is not KIND:LOCATION; use e.g. --source folder:seeds "
            f"or --source jsonl:data/articles.jsonl (kinds: {', '.join(SOURCE_KINDS)})."
        )
    if kind not in SOURCE_KINDS:
        raise ConfigError(
            f"Source kind '{kind}' in '{spec}' is unknown; use one of: {', '.join(SOURCE_KINDS)}."
        )
    if kind in URL_KINDS and not _is_http_url(location):
        raise ConfigError(
            f"Source '{spec}' needs an http(s) URL; use e.g. --source {kind}:https://example.org/"
            f"{'feed.xml' if kind == 'rss' else 'sitemap.xml'}."
        )
    return SourceConfig(kind=kind, location=location)


def _is_http_url(location: str) -> bool:
    from urllib.parse import urlsplit

    parts = urlsplit(location.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _humanise(err: ValidationError, origin: str) -> str:
    first = err.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "(top level)"
    if first["type"] == "extra_forbidden":
        return f"Unknown setting '{where}' in {origin}; remove it or check its spelling (see README, Configuration)."
    return f"Setting '{where}' in {origin} is invalid: {first['msg']}; fix it and run again."


# CLAIMTRACK_* variables that are not settings: the config path, test and benchmark seams.
_NON_SETTING_VARIABLES = {"CONFIG", "FAULT", "FAULT_LOG", "CHROMIUM", "BENCH_DIR"}


def _check_environment_names() -> None:
    """A misspelt override (``CLAIMTRACK_HTTP_TIMEOUT`` for ``CLAIMTRACK_HTTP__TIMEOUT``) is an error, not silence."""
    for name in os.environ:
        if not name.upper().startswith("CLAIMTRACK_"):
            continue
        rest = name.upper()[len("CLAIMTRACK_"):]
        if rest in _NON_SETTING_VARIABLES:
            continue
        top, _, sub = rest.lower().partition("__")
        field = Settings.model_fields.get(top)
        known = field is not None
        if known and sub:
            annotation = field.annotation
            nested = getattr(annotation, "model_fields", None)
            known = nested is not None and sub.split("__")[0] in nested
        if not known:
            raise ConfigError(
                f"Environment variable {name} is not a claimtrack setting; "
                f"use CLAIMTRACK_<SECTION>__<KEY> with two underscores (e.g. CLAIMTRACK_HTTP__TIMEOUT) or unset it."
            )


def load_settings(
    config_path: str | Path | None = None, **overrides: Any
) -> Settings:
    """Read the TOML file (if any), apply the environment, then explicit overrides (CLI flags)."""
    explicit = config_path is not None or "CLAIMTRACK_CONFIG" in os.environ
    path = Path(config_path or os.environ.get("CLAIMTRACK_CONFIG", DEFAULT_CONFIG_FILE))
    data: dict[str, Any] = {}
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"Config file {path} is not valid TOML ({exc}); fix it and run again.") from exc
    elif explicit:
        raise ConfigError(f"Config file {path} does not exist; create it or drop --config.")
    origin = str(path) if data else "the environment"
    _check_environment_names()
    try:
        settings = Settings(**data)
    except ValidationError as exc:
        raise ConfigError(_humanise(exc, f"{origin} or CLAIMTRACK_* variables")) from exc
    except SettingsError as exc:
        # pydantic-settings raises this when a CLAIMTRACK_* value for a list/table is not JSON.
        field = str(exc).split('"')[1] if '"' in str(exc) else "a setting"
        raise ConfigError(
            f"Environment variable CLAIMTRACK_{field.upper()} is not valid JSON; "
            f"write it as JSON (e.g. CLAIMTRACK_SOURCES='[{{\"kind\": \"folder\", \"location\": \"seeds\"}}]') or unset it."
        ) from exc
    # Command-line flags win over everything; they arrive already typed.
    clean = {k: v for k, v in overrides.items() if v is not None}
    if "warehouse" in clean:
        clean["warehouse"] = Path(clean["warehouse"])
    if "lake_data" in clean:  # --lake-data
        clean["lake"] = settings.lake.model_copy(update={"data_path": str(clean.pop("lake_data"))})
    if "sources" in clean:
        clean["sources"] = [
            s if isinstance(s, SourceConfig) else parse_source_spec(s) for s in clean["sources"]
        ]
    settings = settings.model_copy(update=clean) if clean else settings
    if str(settings.warehouse).startswith("ducklake:"):
        from claimtrack import lake

        lake.configure(settings.warehouse, settings.lake.data_path, settings.lake)
    return settings
