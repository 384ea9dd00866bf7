# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Facts of the bundled corpus, explored with pandas
#
# Runs vnfacts on `corpus/` (or reads any results file: `RESULTS` below), turns the
# results into tables (`to_frames`) and looks at poverty rates by locality and year,
# officials by province, and the checks that failed.

# %% tags=["parameters"]
RESULTS = None  # a results file of `vnfacts extract` (e.g. "out/corpus.jsonl"); None: corpus/

# %%
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no screen needed; figures are saved next to the notebook run
import matplotlib.pyplot as plt
from vnfacts import extract_paths
from vnfacts.export import to_frames

ROOT = Path.cwd() if (Path.cwd() / "corpus").is_dir() else Path.cwd().parent
frames = to_frames(RESULTS if RESULTS else list(extract_paths([ROOT / "corpus"])))
{name: len(frame) for name, frame in frames.items()}

# %% [markdown]
# ## Poverty rates by locality and year
# Rates of the whole unit only: facts about a sub-population (`subgroup`) and targets are left out.

# %%
facts = frames["facts"]
rates = facts[
    facts["indicator"].isin(["poverty_rate", "multidim_poverty_rate", "near_poverty_rate"])
    & facts["subgroup"].isna()
    & (facts["status"] == "actual")
]
table = rates.pivot_table(
    index=["locality_name", "locality_level", "indicator"],
    columns="year",
    values="value",
    aggfunc="first",
)
table

# %%
fig, ax = plt.subplots(figsize=(7, 3.5))
for (place, _level, indicator), row in table.iterrows():
    series = row.dropna()
    ax.plot(series.index.astype(int), series.values, marker="o", label=f"{place} – {indicator}")
ax.set_xlabel("year")
ax.set_ylabel("% of households")
ax.set_title("Poverty rates stated in the corpus")
ax.legend(fontsize=7)
fig.tight_layout()
fig.savefig("poverty_rates.png", dpi=100)

# %% [markdown]
# ## Falls in the poverty rate, in points

# %%
falls = facts[facts["indicator"] == "poverty_rate_reduction"][
    ["locality_name", "year", "value", "unit", "status", "subgroup", "evidence"]
]
falls.sort_values(["locality_name", "year"])

# %% [markdown]
# ## Officials by province

# %%
officials = frames["officials"]
by_province = (
    officials.assign(province=officials["locality_province"].fillna(officials["locality_name"]))
    .drop_duplicates(["doc_id", "name", "title"])
    .groupby("province")[["name", "title", "organization", "locality_name"]]
    .agg(lambda s: sorted(set(s.dropna())))
)
by_province

# %% [markdown]
# ## Checks that failed, with their evidence

# %%
checks = frames["checks"]
failed = checks[checks["status"] == "inconsistent"][
    ["doc_id", "kind", "stated", "computed", "message"]
]
print(f"{len(checks)} checks, {len(failed)} inconsistent")
failed
