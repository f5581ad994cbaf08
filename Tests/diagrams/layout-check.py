#!/usr/bin/env python3
"""Lays out DOT files with Graphviz (`dot -Tjson`) and checks what a reader at page width needs (issue 23):

- no label box overlaps another: each node's box, and each edge label's text box, against all the others;
- the drawing is at most --max-width points wide (default 1,200).

  layout-check.py [--max-width N] FILE.dot...

Prints one line per problem and exits 1 when there is any; 2 when Graphviz fails.
"""
import argparse
import json
import subprocess
import sys


def text_boxes(ops):
    """The boxes of the text operations of an xdot draw list: (x0, y0, x1, y1) in points."""
    boxes = []
    size = 14.0
    for op in ops or []:
        if op.get("op") == "F":
            size = float(op["size"])
        elif op.get("op") == "T":
            x, y = op["pt"]
            width = float(op["width"])
            align = op.get("align", "c")
            x0 = x - width / 2 if align == "c" else (x - width if align == "r" else x)
            # The baseline is at y; descenders go about a fifth of the size below it.
            boxes.append((x0, y - size * 0.2, x0 + width, y + size * 0.8))
    return boxes


def union(boxes):
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def overlaps(a, b, slack=0.5):
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def check(path, max_width):
    done = subprocess.run(["dot", "-Tjson", path], capture_output=True, text=True)
    if done.returncode != 0:
        print("%s: dot failed: %s" % (path, done.stderr.strip()), file=sys.stderr)
        sys.exit(2)
    graph = json.loads(done.stdout)
    problems = []
    # A layout Graphviz had to give up on (nodes touching, edges it could not route) is a problem too.
    for line in done.stderr.splitlines():
        if line.strip():
            problems.append("%s: Graphviz: %s" % (path, line.strip()))
    x0, y0, x1, y1 = (float(v) for v in graph["bb"].split(","))
    if x1 - x0 > max_width:
        problems.append("%s: %.0f points wide, more than %d" % (path, x1 - x0, max_width))
    labelled = []
    for item in graph.get("objects", []):
        if "nodes" in item or "pos" not in item:
            continue  # a cluster, whose label Graphviz keeps clear of its nodes
        x, y = (float(v) for v in item["pos"].split(","))
        w, h = float(item["width"]) * 72 / 2, float(item["height"]) * 72 / 2
        labelled.append(("node %s" % item["name"], (x - w, y - h, x + w, y + h)))
    for edge in graph.get("edges", []):
        tail = graph["objects"][edge["tail"]]["name"]
        head = graph["objects"][edge["head"]]["name"]
        # The label, the external label (`xlabel`), and the labels at the head and the tail.
        for key, what in (("_ldraw_", "label"), ("_xldraw_", "external label"), ("_hldraw_", "head label"), ("_tldraw_", "tail label")):
            boxes = text_boxes(edge.get(key))
            if boxes:
                labelled.append(("%s of %s -> %s" % (what, tail, head), union(boxes)))
    for i, (name, box) in enumerate(labelled):
        for other, other_box in labelled[i + 1:]:
            if overlaps(box, other_box):
                problems.append("%s: %s overlaps %s" % (path, name, other))
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--max-width", type=int, default=1200)
    parser.add_argument("files", nargs="+")
    arguments = parser.parse_args()
    problems = [p for f in arguments.files for p in check(f, arguments.max_width)]
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
