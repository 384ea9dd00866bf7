"""vnfacts: Vietnamese news reports → structured, checkable facts.

    >>> from pipeline import extract
    >>> doc = extract("Tỷ lệ hộ nghèo của xã giảm còn 8,9%.")
    >>> doc.to_json()["facts"]

Stages (one module each): ingest → clean → segment → recognize → link → check;
`pipeline.runner` assembles them and `pipeline.cli` is the `vnfacts` command.
"""

from vnfacts.doc import Document, Mention, Meta
from vnfacts.runner import Pipeline, extract, extract_paths

__all__ = ["Document", "Mention", "Meta", "Pipeline", "extract", "extract_paths"]
__version__ = "0.1.0"
