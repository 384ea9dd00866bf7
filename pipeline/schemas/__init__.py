"""JSON Schemas of the output, shipped inside the package (read with importlib.resources)."""
