"""Shared fixtures: one embedding model, one spaCy pipeline, one Prefect test server and one
seeded warehouse per session (loading each is the slow part)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
# as in the repository's claimtrack.toml
SEED_GROUPS = {"Wire services": ["Civic Wire", "Unnamed wire service (real seed)"],
               "Newspapers": ["Harbor Daily", "The Meridian Post", "Northfield Courier"]}

# Isolate Prefect's home and keep everything offline before anything imports Prefect.
_PREFECT_HOME = tempfile.mkdtemp(prefix="claimtrack-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ.pop("PREFECT_API_URL", None)
os.environ.pop("CLAIMTRACK_CONFIG", None)
for key in list(os.environ):
    if key.startswith("CLAIMTRACK_"):
        del os.environ[key]

from claimtrack import runtime_env  # noqa: E402

runtime_env.apply()


@pytest.fixture(scope="session")
def embedder():
    from claimtrack.embed import Embedder

    emb = Embedder()
    emb.encode(["warm up"])  # load once per session
    return emb


@pytest.fixture(scope="session")
def nlp():
    from claimtrack.claims.nlp import get_nlp

    return get_nlp()


@pytest.fixture()
def chdir_tmp(tmp_path, monkeypatch):
    """Run in an empty folder so no claimtrack.toml of the repo is picked up."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_stages(settings, embedder=None) -> dict:
    """The pipeline's stages without Prefect (what the flow's tasks call)."""
    from claimtrack import pipeline

    run_id = pipeline.start_run(settings)
    counts = {}
    counts.update(pipeline.ingest(settings, run_id))
    counts.update(pipeline.extract(settings, run_id))
    emb = pipeline.embed(settings, run_id, embedder=embedder)
    counts.update(emb)
    counts.update(pipeline.cluster(settings, run_id, emb["model"]))
    pipeline.compare(settings)
    pipeline.finish_run(settings, run_id, "completed", counts)
    return counts


@pytest.fixture(scope="session")
def seeded_warehouse(tmp_path_factory, embedder) -> Path:
    """A warehouse built from seeds/ by the core stages (shared, treat as read-only)."""
    from claimtrack.config import Settings, SourceConfig

    path = tmp_path_factory.mktemp("seeded") / "claimtrack.duckdb"
    settings = Settings(warehouse=path, sources=[SourceConfig(kind="folder", location=str(SEEDS))],
                        groups=SEED_GROUPS)
    run_stages(settings, embedder)
    return path


@pytest.fixture(scope="session")
def prefect_server():
    """One Prefect test server for the whole session (60 s start-up: this machine is slow)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_PREFECT_HOME, ignore_errors=True)
