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
# # A researcher's question, answered in SQL
#
# *Which localities report the lowest poverty rate after a fall, and what do the
# articles say the fall was?* The facts are exported to SQLite (`vnfacts export … --to
# sqlite`) and read back with plain SQL, as another database would.

# %% tags=["parameters"]
RESULTS = None  # a results file of `vnfacts extract` (e.g. "out/corpus.jsonl"); None: corpus/

# %%
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path.cwd() if (Path.cwd() / "corpus").is_dir() else Path.cwd().parent
work = Path(tempfile.mkdtemp())
db = work / "facts.db"
vnfacts = [sys.executable, "-m", "vnfacts.cli"]
if RESULTS:
    results = Path(RESULTS)
else:
    results = work / "corpus.jsonl"
    subprocess.run(
        [*vnfacts, "extract", str(ROOT / "corpus"), "-o", str(results), "-q"], check=True
    )
subprocess.run([*vnfacts, "export", str(results), "--to", "sqlite", str(db)], check=True)
con = sqlite3.connect(db)
pd.read_sql_query(
    "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY type, name", con
)

# %% [markdown]
# Each rate, with the fall the same article states for it (`change_*` columns) and the
# document it comes from: a join of `facts` with `documents`.

# %%
query = """
SELECT f.locality_name AS locality, f.locality_level AS level, f.locality_province AS province,
       f.year, f.value AS rate, f.change_amount AS fall_points, f.change_since AS since,
       d.title, d.published
FROM facts f JOIN documents d ON d.doc_id = f.doc_id
WHERE f.indicator IN ('poverty_rate', 'multidim_poverty_rate')
  AND f.status = 'actual' AND f.subgroup IS NULL
ORDER BY f.value
"""
answer = pd.read_sql_query(query, con)
answer

# %%
if not answer.empty:
    lowest = answer.iloc[0]
    print(
        f"Lowest stated rate: {lowest['locality']} ({lowest['level']}), {lowest['rate']}% in {lowest['year']}"
    )

# %% [markdown]
# The same question across articles: the `series` table has one row per figure, with the
# value most sources state and whether they disagree; `province` groups without a CASE.

# %%
pd.read_sql_query(
    """
    SELECT province, locality_name, locality_level, year, standard, value, n_sources, conflicting
    FROM series
    WHERE indicator = 'poverty_rate' AND status = 'actual' AND subgroup IS NULL
    ORDER BY province, year
    """,
    con,
)

# %% [markdown]
# Officials quoted about those localities: a join of `officials` with the facts'
# localities by code, through the `mentions` table.

# %%
pd.read_sql_query(
    """
    SELECT DISTINCT o.name, o.title, o.organization, o.locality_name, f.indicator, f.year, f.value
    FROM officials o JOIN facts f ON f.doc_id = o.doc_id AND f.locality_code = o.locality_code
    WHERE f.indicator = 'poverty_rate'
    ORDER BY o.name
    """,
    con,
)

# %%
con.close()
