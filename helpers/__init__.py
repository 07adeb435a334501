"""Shared code for the RNN-to-LSTM course.

Every function here is first written out in full in a notebook; the table
below names the notebook that teaches each one (its docstring says so too).
Notebooks import with ``from helpers import name``. Importing this package
does not import TensorFlow: the modules import it inside the functions that
need it.
"""

# The public names, in the order the course teaches them, and where.
# ruff: noqa: I001, F401 - kept in the course's order; re-exported through __all__
from types import ModuleType as _Module

from helpers.notebook_setup import setup_notebook, COURSE_ROOT  # every notebook (set-up cell)
from helpers.figures import page  # every notebook
from helpers.palette import CELL_COLOURS, BASELINE_COLOUR, TRUTH_COLOUR  # every plot
from helpers.cells import simple_rnn_forward  # 01
from helpers.gradients import first_input_gradient_norms  # 02
from helpers.cells import lstm_forward  # 03
from helpers.gate_explorer import constant_gate_run, plot_constant_gate_run, explore_gates  # 03
from helpers.memory_task import make_memory_task, build_memory_model, run_memory_experiment  # 04
from helpers.cells import lstm_gate_trace  # 04
from helpers.sweep_claims import assert_sweep_claims, sweep_accuracies  # 04
from helpers.forget_task import make_overwrite_task, build_overwrite_model, train_overwrite_model, gate_levels  # 04
from helpers.sequences import split_sequence  # 05
from helpers.model_plot import show_model  # 05, then every model drawing
from helpers.forecasting import train_course_forecaster, recursive_forecast  # 05
from helpers.sequences import make_windows  # 07
from helpers.evaluation import mase, diebold_mariano  # 06
from helpers.hybrid import box_cox, inverse_box_cox, aicc_ar_order, ar_one_step  # 06
from helpers.hybrid import residual_network, fit_with_early_stopping, fit_for_updates  # 06
from helpers.evaluation import conformal_interval, interval_coverage  # 08
from helpers.diagnostics import echo_report  # 08
from helpers.baselines import baseline_report, seasonal_naive_drift  # 08
from helpers.ragged import pad_ragged, split_by_lengths  # 09

# Every name imported above except the submodules (which importing them binds here too).
__all__ = [name for name, value in dict(globals()).items()
           if not name.startswith("_") and not isinstance(value, _Module)]
