"""The language server's latency and memory under a real LSP client (pygls, as pytest-lsp drives it).

    python3 Benchmarks/lsp-latency.py --bin .build/release/procdef --workspace DIR [--edits 200] [--rss-edits 1000]

DIR is a workspace `procdef check` passes on (Benchmarks/lsp.sh makes one from the generated corpus). The client
starts `procdef lsp` there, opens one process file, then sends `--edits` incremental changes to it, one at a time,
and times each from the didChange to the publishDiagnostics for that version of the file. Every other edit
introduces an unknown role and the next one takes it back, so half the edits change the findings and half clear
them. Then it sends `--rss-edits` more and compares the server's resident memory (VmRSS) after them with the
memory after the timed edits.

Prints one line of JSON: the latencies' median, p95 and maximum in milliseconds, and the RSS before and after.
"""

import argparse
import asyncio
import json
import os
import pathlib
import statistics
import sys
import time

from lsprotocol import types
from pytest_lsp import make_test_lsp_client


def rss_kib(pid: int) -> int:
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS for the server process")


async def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--workspace", required=True)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--rss-edits", type=int, default=1000)
    parser.add_argument("--file", help="the process file to edit (default: the first under Processes/)")
    args = parser.parse_args()

    root = pathlib.Path(args.workspace).resolve()
    target = pathlib.Path(args.file).resolve() if args.file else sorted((root / "Processes").rglob("*.yaml"))[0]
    text = target.read_text()
    uri = target.as_uri()
    # The edit: the value of the first `responsible:` becomes an unknown role, then returns.
    marker = "responsible: "
    at = text.index(marker) + len(marker)
    line = text.count("\n", 0, at)
    column = at - (text.rfind("\n", 0, at) + 1)
    original = text[at : text.index("\n", at)]
    typo = "nobody-" + original

    client = make_test_lsp_client()
    await client.start_io(args.bin, "lsp")
    pid = client._server.pid
    started = time.perf_counter()
    await client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(general=types.GeneralClientCapabilities(position_encodings=["utf-8"])),
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
        )
    )
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "yaml", 0, text)))
    await wait_for_version(client, uri, 0)
    startup = time.perf_counter() - started

    current = original
    latencies = []
    version = 0
    rss_after_timed = 0
    for number in range(args.edits + args.rss_edits):
        version += 1
        replacement = typo if current == original else original
        change = types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(line, column), types.Position(line, column + len(current))), text=replacement
        )
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(types.VersionedTextDocumentIdentifier(version=version, uri=uri), [change])
        )
        diagnostics = await wait_for_version(client, uri, version)
        elapsed = time.perf_counter() - sent
        expected = 1 if replacement == typo else 0
        unknown = [d for d in diagnostics if d.code == "ref/unknown-role"]
        if len(unknown) != expected:
            print(f"lsp-latency: edit {number + 1}: expected {expected} ref/unknown-role, got {len(unknown)}", file=sys.stderr)
            return 1
        current = replacement
        if number < args.edits:
            latencies.append(elapsed * 1000)
        if number + 1 == args.edits:
            rss_after_timed = rss_kib(pid)
    rss_end = rss_kib(pid)
    await client.shutdown_session()
    await client.stop()

    ordered = sorted(latencies)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
    print(
        json.dumps(
            {
                "files": sum(1 for _ in root.rglob("*.yaml")),
                "startup_s": round(startup, 3),
                "edits": args.edits,
                "median_ms": round(statistics.median(ordered), 2),
                "p95_ms": round(p95, 2),
                "max_ms": round(ordered[-1], 2),
                "rss_edits": args.rss_edits,
                "rss_after_timed_kib": rss_after_timed,
                "rss_end_kib": rss_end,
                "rss_growth_percent": round(100 * (rss_end - rss_after_timed) / rss_after_timed, 2) if rss_after_timed else None,
            }
        )
    )
    return 0


async def wait_for_version(client, uri: str, version: int):
    """The diagnostics published for `uri` at `version`: earlier publications of other files or versions pass by."""
    while True:
        params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if params.uri == uri and params.version == version:
            return params.diagnostics


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
