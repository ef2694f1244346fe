"""ClusterWorkbench plugin protocol v1 for Python plugins: the plumbing, standard library only.

A plugin script defines one function per request it answers and calls
serve({"fit": fit, "predict": predict}). serve reads the one JSON request
from standard input, calls the handler and prints its response as one JSON
object (NaN refused); a PluginError becomes {"error": {...}}, the way a
plugin reports what it cannot do. Anything else is a crash, which the
workbench records on the trial with the end of standard error.
"""
import array
import csv
import json
import sys


class PluginError(Exception):
    """Something the plugin cannot do; kind "insufficient_samples" (with rows and required) means too few rows."""

    def __init__(self, message, kind="degenerate", rows=None, required=None):
        super().__init__(message)
        self.answer = {"message": message, "kind": kind}
        if rows is not None:
            self.answer.update(rows=rows, required=required)


def require_numeric(header, plugin):
    """Fails unless every column of the table header is numeric."""
    categorical = [c["name"] for c in header["columns"] if c["type"] == "categorical"]
    if categorical:
        raise PluginError(f"{plugin} needs numeric features, but '{categorical[0]}' is categorical; add a one-hot step")


def numeric_rows(header, plugin):
    """The rows of a numeric table header as lists of floats (binary float64 or CSV)."""
    require_numeric(header, plugin)
    rows, width = header["rows"], len(header["columns"])
    if header["format"] == "binary":
        values = array.array("d")
        with open(header["numeric"], "rb") as f:
            values.frombytes(f.read())
        if sys.byteorder != "little":
            values.byteswap()
        if len(values) != rows * width:
            raise PluginError("the input file does not hold rows x columns values")
        return [values[r * width:(r + 1) * width].tolist() for r in range(rows)]
    with open(header["csv"], newline="") as f:
        reader = csv.reader(f)
        next(reader)
        return [[float(cell) for cell in line] for line in reader]


def serve(handlers):
    """Answers the request on standard input with the handler for its kind."""
    request = json.load(sys.stdin)
    try:
        handler = handlers.get(request["request"])
        if handler is None:
            raise PluginError(f"{request['plugin']} does not answer {request['request']!r} requests")
        response = handler(request)
    except PluginError as error:
        response = {"error": error.answer}
    json.dump(response, sys.stdout, allow_nan=False, sort_keys=True)
