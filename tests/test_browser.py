"""tools/browser.py's closing line of a browser check (the browser itself is tested by `make slides`
and `make site`)."""

from __future__ import annotations

from browser import report


def test_report_prints_the_counts_and_the_problems_and_gives_the_exit_code(capsys):
    assert report("3 decks, 40 slides", 0) == 0
    assert report("3 decks, 40 slides", 2) == 1
    assert capsys.readouterr().out == "3 decks, 40 slides, 0 problems\n3 decks, 40 slides, 2 problems\n"
