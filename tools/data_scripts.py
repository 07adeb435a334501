"""What the scripts in tools/ that make the data/*.json files share.

Each starts TensorFlow as quietly as the notebooks do, times its run and writes a
record that opens with a description and a provenance block: the command, the script's
version number, its SETTINGS, the package versions, the machine, when the run started
and how long it took (run_and_record, save). Its test compares the version and SETTINGS
with the script's, so stale data fail.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SHARED_MACHINE = "shared with other jobs: compare times within this file only"
#: The packages whose versions a data file made with Keras records.
KERAS_PACKAGES = ("numpy", "tensorflow", "keras")


def start_tensorflow() -> None:
    """Make helpers/ importable and set TensorFlow up as the notebooks do (oneDNN off, no
    start-up messages); must run before TensorFlow is imported."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from helpers.notebook_setup import quiet_tensorflow

    quiet_tensorflow()
    import absl.logging

    absl.logging.set_verbosity(absl.logging.ERROR)


def arguments(doc: str, out: Path) -> argparse.ArgumentParser:
    """The command line every data script takes: ``--out``, by default its data file."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--out", type=Path, default=out,
                        help=f"data file (default {out.relative_to(ROOT)})")
    return parser


def as_json(record: dict) -> str:
    """The record as indented JSON, ending with a newline."""
    return json.dumps(record, indent=1, ensure_ascii=False) + "\n"


def save(path: Path, record: dict, dumps: Callable[[dict], str] = as_json) -> None:
    """Write ``record`` to its data file (making the folder when ``--out`` names a new one)
    and say so, with the run's time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(record))
    print(f"wrote {path} in {record['provenance']['total_seconds']} s")


def started_utc() -> str:
    """The time now, in UTC to the second, as an ISO 8601 string."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def package_versions(packages: tuple[str, ...]) -> dict[str, str]:
    """Python's version and each named package's ``__version__``."""
    return {"python": platform.python_version(),
            **{name: importlib.import_module(name).__version__ for name in packages}}


def provenance(script: str, version: tuple[str, int], settings: dict, packages: tuple[str, ...],
               started: str, seconds: float, machine_note: str | None = None) -> dict:
    """The provenance block; ``version`` is the key and number, e.g. ``("run_version", 2)``."""
    machine: dict = {"system": platform.system(), "machine": platform.machine(),
                     "cpu_count": os.cpu_count()}
    if machine_note is not None:
        machine["note"] = machine_note
    return {"command": f"python tools/{script}", version[0]: version[1], "settings": settings,
            "versions": package_versions(packages), "machine": machine,
            "started_utc": started, "total_seconds": round(seconds, 1)}


def run_and_record(script: str, version: tuple[str, int], settings: dict, description: str,
                   compute: Callable[[], dict], *, packages: tuple[str, ...] = KERAS_PACKAGES,
                   machine_note: str | None = None) -> dict:
    """Run ``compute()``, timed, and return the data file's record: ``description``, the
    provenance (see :func:`provenance`), then the results ``compute`` returns, by name."""
    started, begin = started_utc(), time.perf_counter()
    results = compute()
    seconds = time.perf_counter() - begin
    return {"description": description,
            "provenance": provenance(script, version, settings, packages, started, seconds, machine_note),
            **results}


def provenance_problems(recorded: dict, version: tuple[str, int], settings: dict) -> list[str]:
    """What in a data file's provenance no longer matches the code; empty when up to date."""
    key, number = version
    problems = []
    if recorded.get(key) != number:
        problems.append(f"{key.upper()} is {number}, the data were made by "
                        f"version {recorded.get(key)}")
    if recorded.get("settings") != json.loads(json.dumps(settings)):  # tuples read back as lists
        problems.append("SETTINGS changed since the data were made")
    return problems
