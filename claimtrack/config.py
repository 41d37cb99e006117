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

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from claimtrack.errors import ConfigError

DEFAULT_CONFIG_FILE = "claimtrack.toml"
SOURCE_KINDS = ("folder", "jsonl")


class SourceConfig(BaseModel):
    """One input: ``kind`` is a source module, ``location`` a path (later: a URL)."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["folder", "jsonl"]
    location: str
    name: str | None = Field(None, description="Outlet name when the articles do not carry one.")

    @property
    def spec(self) -> str:
        return f"{self.kind}:{self.location}"


class EmbeddingConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    backend: Literal["torch"] = "torch"
    batch_size: int = Field(64, ge=1, le=4096)
    device: str = "cpu"


class ClusteringConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Calibrated on MRPC train (see docs/BENCHMARKS.md, benchmarks/calibrate_threshold.py).
    threshold: float = Field(0.7, gt=0.0, le=1.0)


class ExtractionConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min_tokens: int = Field(4, ge=1)
    batch_size: int = Field(64, ge=1)


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
    extraction: ExtractionConfig = Field(default_factory=ExtractionConfig)

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
    return SourceConfig(kind=kind, location=location)


def _humanise(err: ValidationError, origin: str) -> str:
    first = err.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "(top level)"
    if first["type"] == "extra_forbidden":
        return f"Unknown setting '{where}' in {origin}; remove it or check its spelling (see README, Configuration)."
    return f"Setting '{where}' in {origin} is invalid: {first['msg']}; fix it and run again."


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
    try:
        settings = Settings(**data)
    except ValidationError as exc:
        raise ConfigError(_humanise(exc, f"{origin} or CLAIMTRACK_* variables")) from exc
    # Command-line flags win over everything; they arrive already typed.
    clean = {k: v for k, v in overrides.items() if v is not None}
    if "warehouse" in clean:
        clean["warehouse"] = Path(clean["warehouse"])
    if "sources" in clean:
        clean["sources"] = [
            s if isinstance(s, SourceConfig) else parse_source_spec(s) for s in clean["sources"]
        ]
    return settings.model_copy(update=clean) if clean else settings
