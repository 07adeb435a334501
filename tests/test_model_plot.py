"""show_model: draws with shapes, writes nothing here, and survives a missing or broken dot."""

from __future__ import annotations

import os

import pytest

from helpers import model_plot, show_model


def tiny_model():
    import keras

    return keras.Sequential([keras.Input((3, 1)), keras.layers.LSTM(2), keras.layers.Dense(1)])


def test_draws_and_leaves_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    if model_plot.shutil.which("dot") is None:
        pytest.skip("Graphviz is not installed")
    image = show_model(tiny_model())
    assert image is not None and image.data[:4] == b"\x89PNG"
    assert os.listdir(tmp_path) == []


def test_missing_dot_prints_a_notice(monkeypatch, capsys):
    monkeypatch.setattr(model_plot.shutil, "which", lambda name: None)
    assert show_model(tiny_model()) is None
    assert "Graphviz" in capsys.readouterr().out


def test_broken_dot_prints_a_notice(monkeypatch, capsys, tmp_path):
    fake = tmp_path / "dot"
    fake.write_text("#!/bin/sh\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    assert show_model(tiny_model()) is None
    assert "failed" in capsys.readouterr().out


def test_rejects_what_is_not_a_model():
    with pytest.raises(TypeError, match="model"):
        show_model("lstm")
