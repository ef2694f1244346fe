#!/usr/bin/env python3
"""The cheapest protocol v1 algorithm: reads the whole input matrix and labels every row 0.

Used to time what an external trial costs beyond the algorithm itself:
writing the matrix, starting the process, reading the matrix, answering
and checking the answer (see the README, "External plugins: timing").
"""
import array
import json
import sys

request = json.load(sys.stdin)
header = request["input"]
values = array.array("d")
with open(header["numeric"], "rb") as f:
    values.frombytes(f.read())
assert len(values) == header["rows"] * len(header["columns"])
labels = array.array("i", [0]) * header["rows"]
with open("labels.i32", "wb") as f:
    f.write(labels.tobytes())
sys.stdout.write('{"labels": "labels.i32"}')
