"""tools/data_scripts.py: the record a data script writes (description, provenance, results)."""

from __future__ import annotations

import json

import data_scripts


def test_run_and_record_times_the_run_and_puts_description_and_provenance_first():
    calls = []

    def compute():
        calls.append(1)
        return {"runs": [{"seed": 0}], "ensembles": {}}

    record = data_scripts.run_and_record("some_script.py", ("run_version", 3), {"seeds": (0, 1)},
                                         "What the file holds.", compute, packages=("numpy",),
                                         machine_note="a note")
    assert calls == [1] and list(record) == ["description", "provenance", "runs", "ensembles"]
    provenance = record["provenance"]
    assert record["description"] == "What the file holds." and record["runs"] == [{"seed": 0}]
    assert provenance["command"] == "python tools/some_script.py" and provenance["run_version"] == 3
    assert set(provenance["versions"]) == {"python", "numpy"} and provenance["machine"]["note"] == "a note"
    assert provenance["total_seconds"] >= 0
    stored = json.loads(data_scripts.as_json(record))["provenance"]  # as the test reads it back
    assert data_scripts.provenance_problems(stored, ("run_version", 3), {"seeds": (0, 1)}) == []


def test_save_writes_the_record_into_a_new_folder_and_says_so(tmp_path, capsys):
    record = {"description": "d", "provenance": {"total_seconds": 1.5}, "runs": [1, 2]}
    path = tmp_path / "new" / "data.json"
    data_scripts.save(path, record)
    assert json.loads(path.read_text()) == record and path.read_text().endswith("\n")
    assert capsys.readouterr().out == f"wrote {path} in 1.5 s\n"
    data_scripts.save(path, record, dumps=lambda r: "custom\n")
    assert path.read_text() == "custom\n"
