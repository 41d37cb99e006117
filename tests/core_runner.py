"""Run the pipeline's core stages once, as the flow does (lock, stages, finish, publish),
without Prefect: ``python tests/core_runner.py SOURCE_SPEC WAREHOUSE``. Used by the
crash-safety and reader/writer tests, which need a separate process to kill or race."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimtrack import pipeline, runtime_env  # noqa: E402
from claimtrack.config import load_settings  # noqa: E402
from claimtrack.warehouse import publish_snapshot, writer_lock  # noqa: E402


def main(spec: str, warehouse: str) -> None:
    runtime_env.apply()
    settings = load_settings(None, sources=[spec], warehouse=warehouse)
    with writer_lock(settings.warehouse):
        run_id = pipeline.start_run(settings)
        counts = {}
        counts.update(pipeline.ingest(settings, run_id))
        counts.update(pipeline.extract(settings, run_id))
        emb = pipeline.embed(settings, run_id)
        counts.update(emb)
        counts.update(pipeline.cluster(settings, run_id, emb["model"]))
        pipeline.compare(settings)
        pipeline.finish_run(settings, run_id, "completed", counts)
        publish_snapshot(settings.warehouse)
    print("done", counts.get("claims_new"), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
