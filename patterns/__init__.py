"""The rule data of vnfacts (JSON Lines, one rule a line); installed as `vnfacts.pattern_data`.

No code lives here: this file only lets the data ship inside the package, where
`vnfacts.patterns` (`pipeline/patterns.py`) finds it with importlib.resources.
"""
