"""The harness of the language server's end-to-end tests: `procdef lsp` started as an editor starts it, driven by
pytest-lsp's client (pygls), over a scratch copy of the fixture repository in `workspace/`.

PROCDEF_BIN names the binary under test (default: `.build/debug/procdef` of this checkout).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

REPO = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parent / "workspace"


def procdef_bin() -> Path:
    path = Path(os.environ.get("PROCDEF_BIN", ".build/debug/procdef"))
    return path if path.is_absolute() else REPO / path


PROCDEF = procdef_bin()

# How long a test waits for the server to publish before it fails; a check of the fixture takes milliseconds.
TIMEOUT = 10.0

# A cursor or an expected spot inside text a test types, after swift-format's and SwiftLint's markers.
MARKER = "‸"


def pytest_configure(config):
    if not PROCDEF.is_file():
        raise pytest.UsageError(f"no procdef binary at {PROCDEF}: run `swift build`, or set PROCDEF_BIN")


# MARK: Text and positions


_converter = default_converter()


def as_json(value):
    """A protocol value as it goes over the wire (lists, not the tuples pygls reads them into): for comparing a
    reply with an expectation built from lsprotocol's types, with a readable diff."""
    return json.loads(json.dumps(_converter.unstructure(value)))


def position(text: str, index: int, encoding: str = "utf-16") -> types.Position:
    """The protocol's position of `text[index]`, its character counted in `encoding`'s code units."""
    line = text.count("\n", 0, index)
    line_start = text.rfind("\n", 0, index) + 1
    prefix = text[line_start:index]
    units = len(prefix.encode("utf-8")) if encoding == "utf-8" else len(prefix.encode("utf-16-le")) // 2
    return types.Position(line=line, character=units)


def index(text: str, pos: types.Position, encoding: str = "utf-16") -> int:
    """The string index of a protocol position in `text`: `position`'s inverse."""
    lines = text.split("\n")
    assert pos.line < len(lines), f"line {pos.line} is past the end of the text"
    start = sum(len(line) + 1 for line in lines[: pos.line])
    line = lines[pos.line]
    units = 0
    for offset, character in enumerate(line):
        if units >= pos.character:
            return start + offset
        units += len(character.encode("utf-8")) if encoding == "utf-8" else len(character.encode("utf-16-le")) // 2
    return start + len(line)


def span(text: str, needle: str, nth: int = 0, inner: str | None = None, encoding: str = "utf-16") -> types.Range:
    """The range of the `nth` occurrence of `needle` (of `inner` inside it, when given) in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.find(needle, start + 1)
        assert start >= 0, f"{needle!r} occurs fewer than {nth + 1} times"
    if inner is not None:
        offset = needle.find(inner)
        assert offset >= 0, f"{inner!r} is not in {needle!r}"
        start, needle = start + offset, inner
    return types.Range(start=position(text, start, encoding), end=position(text, start + len(needle), encoding))


def word_spans(text: str, word: str) -> list[types.Range]:
    """Every place `word` is written as a whole id (not inside a longer id such as `service-desk-lead`)."""
    pattern = re.compile(rf"(?<![\w#-]){re.escape(word)}(?![\w-])")
    return [types.Range(start=position(text, m.start()), end=position(text, m.end())) for m in pattern.finditer(text)]


def apply_edits(text: str, edits: list[types.TextEdit], encoding: str = "utf-16") -> str:
    """`text` with the edits applied, as an editor applies a WorkspaceEdit: all against the original text."""
    located = sorted(
        ((index(text, e.range.start, encoding), index(text, e.range.end, encoding), e.new_text) for e in edits),
        reverse=True,
    )
    for start, end, new_text in located:
        text = text[:start] + new_text + text[end:]
    return text


def unmark(text: str) -> tuple[str, int]:
    """The text without its one MARKER, and the index where it was."""
    assert text.count(MARKER) == 1, "mark exactly one spot"
    return text.replace(MARKER, ""), text.index(MARKER)


# MARK: The session


class Workspace:
    """A scratch copy of the fixture repository."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, relative: str) -> Path:
        return self.root / relative

    def uri(self, relative: str) -> str:
        return self.path(relative).as_uri()

    def text(self, relative: str) -> str:
        return self.path(relative).read_text(encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        self.path(relative).parent.mkdir(parents=True, exist_ok=True)
        self.path(relative).write_text(text, encoding="utf-8")


class Session:
    """One initialized server with the editor's copy of the documents it opened, and every message it sent."""

    def __init__(self, client: LanguageClient, workspace: Workspace, encoding: str):
        self.client = client
        self.workspace = workspace
        self.encoding = encoding
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}

    # Documents

    def open(self, relative: str, text: str | None = None) -> str:
        text = self.workspace.text(relative) if text is None else text
        self.texts[relative] = text
        self.versions[relative] = 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=self.workspace.uri(relative), language_id="yaml", version=1, text=text
                )
            )
        )
        return text

    def close(self, relative: str) -> None:
        """Closes the document: the server goes back to the file on disk, and publishes with no version."""
        self.versions.pop(relative, None)
        self.texts.pop(relative, None)
        self.client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=self.doc(relative)))

    def edit(self, relative: str, edits: list[types.TextEdit]) -> str:
        """Applies the edits to the editor's copy and sends them as one incremental didChange, one range each.

        The protocol applies content changes in order, each to the text the previous one left, so the edits are
        sent from the end of the document backwards: each range is then still right.
        """
        text = self.texts[relative]
        ordered = sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True)
        self.texts[relative] = apply_edits(text, edits, self.encoding)
        self.versions[relative] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(
                    uri=self.workspace.uri(relative), version=self.versions[relative]
                ),
                content_changes=[
                    types.TextDocumentContentChangePartial(range=e.range, text=e.new_text) for e in ordered
                ],
            )
        )
        return self.texts[relative]

    def replace(self, relative: str, old: str, new: str, nth: int = 0) -> str:
        """Types `new` over the `nth` `old` in the open document."""
        return self.edit(relative, [types.TextEdit(range=self.span(relative, old, nth), new_text=new)])

    def span(self, relative: str, needle: str, nth: int = 0, inner: str | None = None) -> types.Range:
        text = self.texts.get(relative) or self.workspace.text(relative)
        return span(text, needle, nth, inner, self.encoding)

    def doc(self, relative: str) -> types.TextDocumentIdentifier:
        return types.TextDocumentIdentifier(uri=self.workspace.uri(relative))

    # Messages from the server

    @property
    def publishes(self) -> list[types.PublishDiagnosticsParams]:
        return self.client.publishes

    def mark(self) -> int:
        """The number of publishes so far: pass it to `published` to wait for a later one."""
        return len(self.publishes)

    async def published(
        self, relative: str, after: int = 0, timeout: float = TIMEOUT
    ) -> types.PublishDiagnosticsParams:
        """The first publish for the file after publish number `after`: for a document open in the session, the one
        for its latest version (the server publishes every open document's findings after each change to it, with
        the version they are of); fails when none comes in time."""
        uri = self.workspace.uri(relative)
        version = self.versions.get(relative)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            for params in self.publishes[after:]:
                if params.uri == uri and (version is None or params.version == version):
                    return params
            if loop.time() > deadline:
                seen = [(p.uri, [d.code for d in p.diagnostics]) for p in self.publishes[after:]]
                raise AssertionError(f"no diagnostics published for {relative} within {timeout} s; published: {seen}")
            await asyncio.sleep(0.01)

    def publishes_for(self, relative: str, after: int = 0) -> list[types.PublishDiagnosticsParams]:
        uri = self.workspace.uri(relative)
        return [p for p in self.publishes[after:] if p.uri == uri]

    async def settled(self) -> None:
        """Returns once the server has handled every message sent before: it answers in order, and publishes what
        a batch changed before it answers the next request."""
        await self.client.text_document_document_symbol_async(
            types.DocumentSymbolParams(
                text_document=types.TextDocumentIdentifier(uri=self.workspace.uri(".procdef.yaml"))
            )
        )


def record_publish(client: LanguageClient, params: types.PublishDiagnosticsParams):
    client.diagnostics[params.uri] = params.diagnostics
    client.publishes.append(params)


def record_registration(client: LanguageClient, params: types.RegistrationParams):
    client.registrations.extend(params.registrations)


def make_client() -> LanguageClient:
    """pytest-lsp's client, keeping every publish in order (not only the latest per file) and every registration."""
    client = LanguageClient(converter_factory=default_converter)
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record_publish
    features[types.CLIENT_REGISTER_CAPABILITY] = record_registration
    register_lsp_features(client, features)
    client.publishes = []
    client.registrations = []
    return client


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[str(PROCDEF), "lsp"], client_factory=make_client))
async def client(lsp_client: LanguageClient):
    yield
    # A test that ends the server itself leaves nothing to shut down.
    if lsp_client._server is not None and lsp_client._server.returncode is None:
        await lsp_client.shutdown_session()


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    # The server works in the real path of its folder (getcwd), so URIs are compared in it.
    root = tmp_path.resolve() / "repo"
    shutil.copytree(FIXTURE, root)
    return Workspace(root)


async def initialize(
    client: LanguageClient, workspace: Workspace, position_encodings: list[str] | None = None
) -> types.InitializeResult:
    """initialize and initialized, as VS Code 1.65 sends them (pytest-lsp's recorded capabilities), for the
    workspace folder; `position_encodings` is what `general.positionEncodings` offers (VS Code 1.65 offers none)."""
    capabilities = client_capabilities("visual-studio-code")
    if position_encodings is not None:
        capabilities.general.position_encodings = [types.PositionEncodingKind(e) for e in position_encodings]
    return await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities,
            root_uri=workspace.root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=workspace.root.as_uri(), name=workspace.root.name)],
        )
    )


@pytest.fixture
async def session(client: LanguageClient, workspace: Workspace) -> Session:
    """A server initialized for the scratch workspace, UTF-16 positions (what VS Code 1.65 gets)."""
    result = await initialize(client, workspace)
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf16
    return Session(client, workspace, "utf-16")


# MARK: Raw JSON-RPC, for bytes no client library would send


class RawServer:
    """`procdef lsp` on pipes, spoken to in frames written by hand; its standard error goes to the test's."""

    def __init__(self, cwd: Path):
        self.process = subprocess.Popen([str(PROCDEF), "lsp"], cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send_bytes(self, body: bytes) -> None:
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def send(self, message: dict) -> None:
        self.send_bytes(json.dumps(message).encode("utf-8"))

    def receive(self) -> dict:
        length = None
        while True:
            line = self.process.stdout.readline()
            assert line, "the server closed its output"
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        assert length is not None, "a frame without Content-Length"
        return json.loads(self.process.stdout.read(length))

    def receive_until(self, accept) -> tuple[dict, list[dict]]:
        """The first message `accept` takes, and those that came before it."""
        before = []
        while True:
            message = self.receive()
            if accept(message):
                return message, before
            before.append(message)

    def close(self) -> int:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=TIMEOUT)
        for stream in (self.process.stdin, self.process.stdout):
            stream.close()
        return self.process.returncode
