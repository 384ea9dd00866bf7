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
# # How did the poverty rate of each province move from 2016 to 2024? Which fell fastest?
#
# Reads the poverty articles of the 2017 news archive (in place, never copied) and the
# bundled corpus, extracts their facts, and consolidates them into the `series` table:
# one row per locality, indicator, year, status, subgroup and poverty standard, the value
# most sources state, copies of one wire story counted once, and conflicts marked.
#
# Parameters: `RESULTS`, a results file of `vnfacts extract` to read instead (then nothing
# is extracted); `ARCHIVE`, the archive to select poverty articles from (skipped when
# absent); `CUES`, what selects an article.

# %% tags=["parameters"]
# a results file (e.g. "out/corpus.jsonl"); None: extract the corpus and the archive's articles
RESULTS = None
ARCHIVE = "../shared/archive/baomoi-2017.jsonl.gz"
CUES = r"hộ nghèo|giảm nghèo|tỷ lệ nghèo"

# %%
import gzip
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import pandas as pd
from vnfacts.export import read_series
from vnfacts.series import plot

ROOT = Path.cwd() if (Path.cwd() / "corpus").is_dir() else Path.cwd().parent
started = time.perf_counter()
if RESULTS is None:
    work = Path(tempfile.mkdtemp())
    inputs = [str(ROOT / "corpus")]
    archive = Path(ARCHIVE) if Path(ARCHIVE).is_absolute() else ROOT / ARCHIVE
    if archive.is_file():
        cue = re.compile(CUES, re.IGNORECASE)
        selected = work / "poverty-articles.jsonl"
        n = 0
        with gzip.open(archive, "rt", encoding="utf-8") as src, selected.open("w") as out:
            for line in src:
                if cue.search(line) and cue.search(json.loads(line).get("text") or ""):
                    out.write(line)
                    n += 1
        inputs.append(str(selected))
        print(f"{n} archive articles mention poverty")
    else:
        print(f"no archive at {archive}: the corpus alone")
    RESULTS = work / "results.jsonl"
    # no NER: officials' names are not needed for rates
    command = ["extract", *inputs, "-o", str(RESULTS), "-q", "--no-ner"]
    status = subprocess.run([sys.executable, "-m", "vnfacts.cli", *command]).returncode
    assert status in (0, 1), status  # 1: some records have errors; they carry no facts
series = read_series(RESULTS)
print(f"{len(series)} series from {RESULTS} in {time.perf_counter() - started:.1f} s")

# %% [markdown]
# ## The poverty rate of each province, by year
#
# Whole-unit rates that happened (no targets, no sub-populations). A province row's
# `province` is its own name, so grouping by `province` needs no CASE. A new poverty
# standard (2016–2020, 2021–2025) changes what a rate means, so it stays in the index.

# %%
rates = series[
    (series["indicator"] == "poverty_rate")
    & (series["status"] == "actual")
    & series["subgroup"].isna()
    & series["year"].between(2016, 2024)
]
provinces = rates[rates["locality_level"] == "province"]
by_year = provinces.pivot_table(
    index=["province", "standard"], columns="year", values="value", aggfunc="first"
)
by_year

# %% [markdown]
# Below the province, the same table by the `province` column: every district and commune
# with its province, so a province that reports only through its districts shows too.

# %%
below = rates[rates["province"].notna() & (rates["locality_level"] != "province")]
below[
    ["province", "locality_name", "locality_level", "year", "standard", "value", "n_sources"]
].sort_values(["province", "locality_name", "year"])

# %% [markdown]
# ## Which fell fastest?
#
# Two measures: the fall between the first and last rate that one source set states
# for a unit under one standard (points a year), and the falls the articles state
# themselves (`poverty_rate_reduction`, per year when they give a period).

# %%
computed = []
for (province, place, level, standard), g in rates.groupby(
    ["province", "locality_name", "locality_level", "standard"], dropna=True
):
    g = g.sort_values("year")
    if g["year"].nunique() >= 2:
        first, last = g.iloc[0], g.iloc[-1]
        years = int(last["year"] - first["year"])
        computed.append(
            {
                "province": province,
                "locality": f"{place} ({level})",
                "standard": standard,
                "from": f"{first['value']}% ({first['year']})",
                "to": f"{last['value']}% ({last['year']})",
                "points_per_year": round((first["value"] - last["value"]) / years, 2),
            }
        )
pd.DataFrame(
    computed, columns=["province", "locality", "standard", "from", "to", "points_per_year"]
)

# %%
falls = series[
    (series["indicator"] == "poverty_rate_reduction")
    & (series["status"] == "actual")
    & series["subgroup"].isna()
].copy()
span = (falls["year"] - falls["period_start"]).where(falls["period_start"].notna(), 1).clip(lower=1)
falls["points_per_year"] = falls["value"].where(falls["unit"] == "pp/year", falls["value"] / span)
fastest = falls.sort_values("points_per_year", ascending=False)[
    ["province", "locality_name", "locality_level", "year", "unit", "value", "points_per_year"]
]
fastest.head(10)

# %%
if not fastest.empty:
    top = fastest.iloc[0]
    print(
        f"Fastest stated fall: {top['locality_name']} ({top['locality_level']}, "
        f"{top['province'] or '-'}), {top['points_per_year']:.2f} points a year in {top['year']}"
    )

# %% [markdown]
# ## Where the sources disagree
#
# Rows whose sources state values that do not agree within 0.5 % or the figures'
# rounding (copies of one story are one source).

# %%
conflicts = series[series["conflicting"] == 1][
    ["indicator", "locality_name", "year", "standard", "value", "other_values", "n_sources"]
]
conflicts

# %%
panels = plot(rates, "poverty_rates_by_year.png")
print(f"{panels} panels in poverty_rates_by_year.png")
