"""Write data/japanese_vowels.npz, the Japanese Vowels set of notebook 09, from sktime's wheel.

    pip download sktime==1.2.0 --no-deps -d /tmp/sk     # the wheel only; nothing is installed
    python tools/japanese_vowels_data.py /tmp/sk/sktime-1.2.0-py3-none-any.whl

The wheel ships the UEA/UCR archive's copy of the UCI set (Kudo, Toyama & Shimbo,
1999) as two text files in the archive's ``.ts`` format. This script reads them
straight from the wheel (a zip file), checks what the set's documentation says
(270 training and 370 test utterances, 12 channels, 7 to 29 frames, speakers 1-9,
no missing values) and stores them in one compressed NumPy file that
``numpy.load`` reads, with no other package, offline and on Colab:

* ``train_frames``, ``test_frames``: every frame of every utterance, one after
  the other, shape (frames, 12), float32 (the text holds 6 decimals, and every
  value rounded back to 6 decimals equals the text: the script checks it);
* ``train_lengths``, ``test_lengths``: frames per utterance, in the same order;
* ``train_speakers``, ``test_speakers``: the speaker of each utterance, 1 to 9;
* ``source``: where the values come from (this docstring's facts, the SHA-256 of
  the two ``.ts`` files and of the wheel).

Utterance ``i`` is ``frames[start:start + lengths[i]]`` with ``start`` the sum
of the lengths before it. The licence (CC BY 4.0, UCI) is stated in data/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "japanese_vowels.npz"
MEMBER = "sktime/datasets/data/JapaneseVowels/JapaneseVowels_{part}.ts"
EXPECTED = {"TRAIN": (270, [30] * 9), "TEST": (370, [31, 35, 88, 44, 29, 24, 40, 50, 29])}


def parse_ts(text: str) -> tuple[list[np.ndarray], list[int]]:
    """Utterances (each (frames, channels)) and labels from a multivariate ``.ts`` file.

    After the ``@data`` line, each line is one utterance: the channels separated
    by ``:``, each a comma-separated series of values, then the class label.
    """
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().lower() == "@data") + 1
    utterances, labels = [], []
    for line in lines[start:]:
        if not line.strip():
            continue
        *channels, label = line.split(":")
        series = [np.array([float(v) for v in channel.split(",")]) for channel in channels]
        if len({len(s) for s in series}) != 1:
            raise ValueError(f"utterance {len(utterances)}: channels of different lengths")
        utterances.append(np.stack(series, axis=1))
        labels.append(int(label))
    return utterances, labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wheel", type=Path, help="sktime-1.2.0-py3-none-any.whl")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    arrays, digests = {}, {"wheel " + args.wheel.name: hashlib.sha256(args.wheel.read_bytes()).hexdigest()}
    with zipfile.ZipFile(args.wheel) as wheel:
        for part, (count, per_speaker) in EXPECTED.items():
            raw = wheel.read(MEMBER.format(part=part))
            digests[Path(MEMBER.format(part=part)).name] = hashlib.sha256(raw).hexdigest()
            utterances, labels = parse_ts(raw.decode("utf-8"))
            lengths = np.array([len(u) for u in utterances])
            speakers = np.array(labels)
            assert len(utterances) == count, (part, len(utterances))
            assert all(u.shape[1] == 12 for u in utterances)
            assert 7 <= lengths.min() and lengths.max() <= 29
            assert np.bincount(speakers, minlength=10)[1:].tolist() == per_speaker
            frames = np.concatenate(utterances)
            assert np.isfinite(frames).all()
            compact = frames.astype(np.float32)  # half the size, and nothing lost:
            assert np.array_equal(np.round(compact.astype(np.float64), 6), frames)
            name = part.lower()
            arrays[f"{name}_frames"] = compact
            arrays[f"{name}_lengths"] = lengths.astype(np.int16)
            arrays[f"{name}_speakers"] = speakers.astype(np.int8)
    source = (
        "Japanese Vowels (Kudo, Toyama & Shimbo, 1999; UCI Machine Learning Repository, "
        "doi:10.24432/C5NS47, CC BY 4.0), as copied in the UEA/UCR time series classification "
        "archive and shipped in the sktime 1.2.0 wheel; written by tools/japanese_vowels_data.py. "
        "SHA-256: " + "; ".join(f"{k} {v}" for k, v in digests.items())
    )
    np.savez_compressed(args.out, source=np.array(source), **arrays)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)")
    print(source)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
