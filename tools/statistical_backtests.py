"""The rolling-origin backtests of the statistical baselines behind notebook 08.

    python tools/statistical_backtests.py         # about 4 minutes on 2 busy cores
    python tools/statistical_backtests.py --out /tmp/backtests.json

Runs helpers.baselines.rolling_origin on two series that ship with statsmodels:
monthly CO₂ at Mauna Loa (notebook 08's series, horizons 1 to 12) and the monthly
El Niño sea-surface temperatures (the "second series" that notebook 08 ends with,
through baseline_report). Each refits ETS and SARIMA every 12 origins, which is
what makes it too slow to run inside the notebook (about 20 model fits).

The file records its provenance: RUN_VERSION, the settings, the package
versions, the date and the machine. tests/test_data_files.py fails when
RUN_VERSION or SETTINGS no longer match the file: bump RUN_VERSION whenever a
change alters what the runs compute, then rerun this script and commit the data.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import data_scripts

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "statistical_backtests.json"
# Bump when a change alters what the runs compute (not for comments or refactoring).
RUN_VERSION = 1

SETTINGS = {
    "co2": {"season": 12, "horizons": list(range(1, 13)), "n_test": 48, "refit_every": 12,
            "interval_horizons": [1, 12]},
    "elnino": {"season": 12, "horizons": [1, 12], "n_test": 48, "refit_every": 12},
}


def provenance_problems(recorded: dict) -> list[str]:
    """What in a data file's provenance no longer matches the code; empty when up to date."""
    return data_scripts.provenance_problems(recorded, ("run_version", RUN_VERSION), SETTINGS)


def load_co2():
    """Notebook 08's series: weekly CO₂ averaged by month, the 5 empty months interpolated."""
    import statsmodels.api as sm

    weekly = sm.datasets.co2.load_pandas().data["co2"]
    return weekly.resample("MS").mean().interpolate(method="time")


def load_elnino():
    """Monthly sea-surface temperature (°C) off South America, 1950–2010, as one Series."""
    import pandas as pd
    import statsmodels.api as sm

    table = sm.datasets.elnino.load_pandas().data.set_index("YEAR")
    values = table.to_numpy().ravel()
    months = pd.period_range(f"{int(table.index[0])}-01", periods=len(values), freq="M")
    return pd.Series(values, index=months, name="sea surface temperature")


def _rounded(values) -> list[float]:
    return [round(float(v), 4) for v in values]


def run(settings: dict) -> dict:
    from helpers.baselines import rolling_origin

    results = {}
    for name, loader in (("co2", load_co2), ("elnino", load_elnino)):
        options = settings[name]
        start = time.perf_counter()
        backtest = rolling_origin(loader(), options["season"], options["horizons"],
                                  n_test=options["n_test"], refit_every=options["refit_every"])
        entry = {
            "seconds": round(time.perf_counter() - start, 1),
            "sarima_order": list(backtest.choices["SARIMA order"]),
            "ets_damped_trend": backtest.choices["ETS damped trend"],
            "aicc_table": [{"order": list(row["order"]), "parameters": int(row["parameters"]),
                            "AICc": round(float(row["AICc"]), 2), "converged": bool(row["converged"])}
                           for _, row in backtest.choices["SARIMA AICc table"].iterrows()],
            "table": {model: {k: round(float(v), 4) for k, v in row.items()}
                      for model, row in backtest.table().iterrows()},
        }
        if name == "co2":
            entry["forecasts"] = {f"{model}|{h}": _rounded(f) for (model, h), f in backtest.forecasts.items()}
            entry["intervals"] = {f"{model}|{h}|{coverage}": [_rounded(lower), _rounded(upper)]
                                  for (model, h, coverage), (lower, upper) in backtest.intervals.items()
                                  if h in options["interval_horizons"]}
        results[name] = entry
        print(f"{name}: {entry['seconds']} s", flush=True)
    return results


def main(argv: list[str] | None = None) -> None:
    args = data_scripts.arguments(__doc__, OUT).parse_args(argv)
    sys.path.insert(0, str(ROOT))
    record = data_scripts.run_and_record(
        "statistical_backtests.py", ("run_version", RUN_VERSION), SETTINGS,
        "Rolling-origin forecasts of naive, seasonal naive with drift, ETS and SARIMA (refitted "
        "every 12 origins) on monthly CO2 (notebook 08) and El Nino sea-surface temperatures, made "
        "by helpers.baselines.rolling_origin.", lambda: run(SETTINGS),
        packages=("numpy", "pandas", "scipy", "statsmodels"), machine_note=data_scripts.SHARED_MACHINE)
    data_scripts.save(args.out, record)


if __name__ == "__main__":
    main()
