#!/usr/bin/env python3
"""Parses and renders Mermaid blocks with Mermaid itself, in a real browser (issue 23, section 3).

  check-mermaid.py [--mermaid FILE] [--chromium PROGRAM] FILE...

Each FILE is Markdown (every ```mermaid fence in it is a block) or a .mmd file (one block). A page that loads
Mermaid's `mermaid.min.js` calls `mermaid.parse` and `mermaid.render` on every block; headless Chromium runs it
(`--dump-dom`) and the page writes each block's result into the DOM. A block fails when Mermaid reports an error,
its drawing has no node, or a label came out as "Unsupported markdown" (Mermaid reads labels as Markdown).

--mermaid defaults to the `mermaid.min.js` of the PyPI package diagram-renderer (pinned in .ci/run:
diagram-renderer==2025.9.24.103, which ships Mermaid 11.6.0). --chromium defaults to the first of chromium,
chromium-browser, google-chrome on PATH.

Exit status: 0 every block renders; 1 a block fails; 2 the check could not run (no browser, no Mermaid, no block),
with the reason on stderr. Prints one line per block: FILE:LINE ok N nodes, or FILE:LINE error MESSAGE.
"""
import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```mermaid[ \t]*\n(.*?)^```[ \t]*$", re.S | re.M)


def blocks_of(path):
    text = open(path, encoding="utf-8").read()
    if path.endswith(".mmd"):
        return [(1, text)]
    return [(text.count("\n", 0, match.start()) + 2, match.group(1)) for match in FENCE.finditer(text)]


def default_mermaid():
    try:
        import diagram_renderer  # noqa: F401  (the package that ships Mermaid)
    except ImportError:
        return None
    root = os.path.dirname(sys.modules["diagram_renderer"].__file__)
    path = os.path.join(root, "renderers", "static", "js", "mermaid.min.js")
    return path if os.path.exists(path) else None


PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><script src="%(script)s"></script></head>
<body><pre id="results">not run</pre>
<script>
const blocks = %(blocks)s;
mermaid.initialize({startOnLoad: false, securityLevel: "strict"});
(async () => {
  const lines = [];
  for (let i = 0; i < blocks.length; i++) {
    try {
      await mermaid.parse(blocks[i]);
      const rendered = await mermaid.render("block" + i, blocks[i]);
      const nodes = (rendered.svg.match(/class="node[ "]/g) || []).length;
      // Mermaid 10 and later read labels as Markdown, and draw what they cannot as this text instead of the label.
      // procdef's labels are plain text: emphasis, code, links or struck text in the drawing are its Markdown too.
      const unsupported = rendered.svg.match(/Unsupported markdown: [a-z]+|<(em|strong|code|del|a)[ >]/);
      if (unsupported) lines.push("error a label was read as Markdown: " + unsupported[0]);
      else lines.push(nodes > 0 ? "ok " + nodes : "error the drawing has no node");
    } catch (error) {
      lines.push("error " + String((error && error.message) || error).replace(/\\s+/g, " ").slice(0, 300));
    }
  }
  document.getElementById("results").textContent = lines.join("\\n");
})();
</script></body></html>
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mermaid", default=None)
    parser.add_argument("--chromium", default=None)
    parser.add_argument("files", nargs="+")
    arguments = parser.parse_args()
    mermaid = arguments.mermaid or default_mermaid()
    if not mermaid or not os.path.exists(mermaid):
        print("check-mermaid: no mermaid.min.js (pip install diagram-renderer==2025.9.24.103, or --mermaid FILE)", file=sys.stderr)
        sys.exit(2)
    chromium = arguments.chromium or next(
        (p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p), None)
    if not chromium:
        print("check-mermaid: no Chromium on PATH (apt-get install chromium, or --chromium PROGRAM)", file=sys.stderr)
        sys.exit(2)
    places, texts = [], []
    for path in arguments.files:
        for line, text in blocks_of(path):
            places.append("%s:%d" % (path, line))
            texts.append(text)
    if not texts:
        print("check-mermaid: no Mermaid block in %s" % ", ".join(arguments.files), file=sys.stderr)
        sys.exit(2)
    with tempfile.TemporaryDirectory() as work:
        shutil.copy(mermaid, os.path.join(work, "mermaid.min.js"))
        page = os.path.join(work, "page.html")
        # JSON inside a script element: "</" must not end the element early.
        blocks = json.dumps(texts).replace("</", "<\\/")
        with open(page, "w", encoding="utf-8") as f:
            f.write(PAGE % {"script": "mermaid.min.js", "blocks": blocks})
        # /dev/shm is small in many containers; Chromium then keeps its shared memory in /tmp instead.
        command = [chromium, "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--virtual-time-budget=30000", "--dump-dom",
                   "file://" + page]
        if os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
        done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    match = re.search(r'<pre id="results">(.*?)</pre>', done.stdout, re.S)
    results = html.unescape(match.group(1)).split("\n") if match else []
    if len(results) != len(texts):
        print("check-mermaid: the page did not report every block (Chromium exited %d): %s"
              % (done.returncode, (done.stderr or done.stdout)[-2000:]), file=sys.stderr)
        sys.exit(2)
    failed = 0
    for place, result in zip(places, results):
        if result.startswith("ok "):
            print("%s ok %s nodes" % (place, result[3:]))
        else:
            failed += 1
            print("%s %s" % (place, result))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
