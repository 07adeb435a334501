"""Run the notebooks and the model answers with oneDNN switched on, under nbval-lax.

    python tools/run_onednn.py                      # every notebook and lecture/model_answers.ipynb
    python tools/run_onednn.py notebooks/04_rnn_vs_lstm_long_gaps.ipynb

The notebooks switch oneDNN off (helpers/notebook_setup.py) so that stored
outputs match on every CPU. Some CPUs switch it on by default, and it changes
results at about 1e-7, so every assert on a trained model must hold with it on
too. This runs each notebook in a fresh kernel with TF_ENABLE_ONEDNN_OPTS=1
(the set-up cell keeps a value that is already set) and fails on any error or
failed assert; outputs are not compared (`--nbval-lax`), since they differ in
the last digits by design. Exit status: pytest's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CELL_TIMEOUT = 180  # as tools/execute_notebooks.py


def main(argv: list[str]) -> int:
    targets = argv or [*sorted(str(p.relative_to(ROOT)) for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")),
                       "lecture/model_answers.ipynb"]
    env = {**os.environ, "TF_ENABLE_ONEDNN_OPTS": "1"}
    command = [sys.executable, "-m", "pytest", "--nbval-lax", "--nbval-current-env",
               f"--nbval-cell-timeout={CELL_TIMEOUT}", "-p", "no:cacheprovider", *targets]
    print("TF_ENABLE_ONEDNN_OPTS=1", " ".join(command[1:]), flush=True)
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
