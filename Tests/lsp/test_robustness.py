"""Bad input from the client is logged or answered with an error, and the server keeps working; shutdown and exit
end it with the code the protocol asks for."""

from __future__ import annotations

import asyncio

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcMethodNotFound

from conftest import TIMEOUT, RawServer, Session, Workspace, as_json

PASSWORD_RESET = "Processes/password-reset.yaml"


async def role_hover(session: Session) -> types.Hover:
    """A hover the server can always answer: the first `responsible: service-desk` of password-reset."""
    result = await session.client.text_document_hover_async(
        types.HoverParams(
            text_document=session.doc(PASSWORD_RESET),
            position=session.span(PASSWORD_RESET, "responsible: service-desk", inner="service-desk").start,
        )
    )
    assert result is not None and result.contents.value.startswith("**role `service-desk`**: Service Desk Agent")
    return result


def change(session: Session, relative: str, changes: list) -> None:
    session.versions[relative] += 1
    session.client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(
                uri=session.workspace.uri(relative), version=session.versions[relative]
            ),
            content_changes=changes,
        )
    )


async def test_a_change_outside_the_document_is_logged_and_the_server_keeps_working(session: Session):
    text = session.open(PASSWORD_RESET)
    lines = text.count("\n")
    logged = len(session.client.log_messages)
    past_the_end = types.Range(
        start=types.Position(line=lines + 5, character=0), end=types.Position(line=lines + 5, character=3)
    )
    change(session, PASSWORD_RESET, [types.TextDocumentContentChangePartial(range=past_the_end, text="oops")])
    await role_hover(session)
    (message,) = session.client.log_messages[logged:]
    assert message.type == types.MessageType.Error
    assert message.message.startswith(f"procdef: a change to {PASSWORD_RESET} was not applied (")
    assert message.message.endswith("); the last good text is kept until the whole text is sent")

    # Ranges after it would land on a text the client and the server no longer share: skipped, with a warning...
    logged = len(session.client.log_messages)
    start = types.Position(line=0, character=0)
    change(
        session,
        PASSWORD_RESET,
        [types.TextDocumentContentChangePartial(range=types.Range(start=start, end=start), text="x")],
    )
    await role_hover(session)
    (message,) = session.client.log_messages[logged:]
    assert (message.type, message.message) == (
        types.MessageType.Warning,
        f"procdef: a change to {PASSWORD_RESET} was skipped: waiting for the whole text after a change that could "
        "not be applied",
    )

    # ...until the whole text comes, which is checked as usual.
    mark = session.mark()
    broken = text.replace("informed: [end-user]", "informed: [end-usr]", 1)
    change(session, PASSWORD_RESET, [types.TextDocumentContentChangeWholeDocument(text=broken)])
    published = await session.published(PASSWORD_RESET, after=mark)
    assert published.version == session.versions[PASSWORD_RESET]
    assert [d.code for d in published.diagnostics] == ["ref/unknown-role"]
    session.texts[PASSWORD_RESET] = broken
    assert as_json(published.diagnostics[0].range) == as_json(
        session.span(PASSWORD_RESET, "[end-usr]", inner="end-usr")
    )


async def test_an_unknown_request_is_method_not_found_and_an_unknown_notification_is_ignored(session: Session):
    with pytest.raises(JsonRpcMethodNotFound) as refused:
        await session.client.protocol.send_request_async("procdef/noSuchRequest", {"answer": 42})
    assert refused.value.code == -32601
    assert refused.value.message == "unknown method procdef/noSuchRequest"

    logged = len(session.client.log_messages)
    session.client.protocol.notify("procdef/noSuchNotification", {"answer": 42})
    session.client.protocol.notify("$/noSuchNotification", None)
    await role_hover(session)
    assert session.client.log_messages[logged:] == []


async def test_malformed_json_from_the_real_client_s_pipe_is_answered_and_the_session_goes_on(session: Session):
    logged = len(session.client.log_messages)
    body = b'{"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": {'
    session.client._server.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    await role_hover(session)
    (message,) = session.client.log_messages[logged:]
    assert message.type == types.MessageType.Error
    assert message.message.startswith("procdef: a message is not JSON (")


def raw_initialize(server: RawServer, workspace: Workspace) -> None:
    server.send(
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {"processId": None, "rootUri": workspace.root.as_uri(), "capabilities": {}},
        }
    )
    response, _ = server.receive_until(lambda m: m.get("id") == 1)
    assert response["result"]["capabilities"]["positionEncoding"] == "utf-16"
    server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})


def raw_hover(server: RawServer, workspace: Workspace, id: int) -> tuple[dict, list[dict]]:
    """Asks for the hover on the first `responsible: service-desk`; its response, and the messages before it."""
    text = workspace.text(PASSWORD_RESET)
    line = text[: text.index("responsible: service-desk")].count("\n")
    server.send(
        {
            "jsonrpc": "2.0",
            "id": id,
            "method": "textDocument/hover",
            "params": {
                "textDocument": {"uri": workspace.uri(PASSWORD_RESET)},
                "position": {"line": line, "character": 18},
            },
        }
    )
    return server.receive_until(lambda m: m.get("id") == id)


def test_malformed_json_and_a_message_that_is_not_json_rpc_are_answered_with_errors(workspace: Workspace):
    server = RawServer(workspace.root)
    try:
        # Before initialize, requests are refused.
        server.send({"jsonrpc": "2.0", "id": 0, "method": "textDocument/hover", "params": {}})
        response, _ = server.receive_until(lambda m: "id" in m)
        assert (response["id"], response["error"]["code"]) == (0, -32002)

        raw_initialize(server, workspace)

        server.send_bytes(b'{"jsonrpc": "2.0", "id": 2, "method": ')
        response, before = server.receive_until(lambda m: "method" not in m)
        assert response["id"] is None
        assert response["error"]["code"] == -32700
        assert [(m["method"], m["params"]["type"]) for m in before] == [("window/logMessage", 1)]
        assert before[0]["params"]["message"].startswith("procdef: a message is not JSON (")
        assert raw_hover(server, workspace, 3)[0]["result"]["contents"]["value"].startswith("**role `service-desk`**")

        # JSON, but not a JSON-RPC message: its id is answered.
        server.send({"id": 4, "params": []})
        response, before = server.receive_until(lambda m: "method" not in m)
        assert (response["id"], response["error"]["code"]) == (4, -32600)
        assert [(m["method"], m["params"]["type"]) for m in before] == [("window/logMessage", 1)]
        assert raw_hover(server, workspace, 5)[0]["result"]["contents"]["value"].startswith("**role `service-desk`**")

        # A known method with params of the wrong shape (no client library sends these).
        server.send({"jsonrpc": "2.0", "id": 6, "method": "textDocument/hover", "params": {"textDocument": 42}})
        response, _ = server.receive_until(lambda m: m.get("id") == 6)
        assert response["error"]["code"] == -32602

        # Not valid UTF-8 either.
        server.send_bytes(b'{"jsonrpc": "2.0", "method": "\xff\xfe"}')
        response, before = server.receive_until(lambda m: "method" not in m)
        assert (response["id"], response["error"]["code"]) == (None, -32700)
        assert [m["params"] for m in before] == [
            {"type": 1, "message": "procdef: a message is not JSON (the body is not JSON) and was skipped"}
        ]
        assert raw_hover(server, workspace, 7)[0]["result"]["contents"]["value"].startswith("**role `service-desk`**")

        server.send({"jsonrpc": "2.0", "id": 8, "method": "shutdown"})
        response, _ = server.receive_until(lambda m: m.get("id") == 8)
        assert response == {"jsonrpc": "2.0", "id": 8, "result": None}
        server.send({"jsonrpc": "2.0", "method": "exit"})
        assert server.process.wait(timeout=TIMEOUT) == 0
    finally:
        server.close()


async def test_shutdown_then_exit_ends_the_server_with_code_0(session: Session):
    await session.client.shutdown_async(None)
    # After shutdown, requests are refused.
    with pytest.raises(JsonRpcException) as refused:
        await session.client.text_document_hover_async(
            types.HoverParams(text_document=session.doc(PASSWORD_RESET), position=types.Position(line=0, character=0))
        )
    assert refused.value.code == -32600
    session.client.exit(None)
    assert await asyncio.wait_for(session.client._server.wait(), TIMEOUT) == 0


async def test_exit_without_shutdown_ends_the_server_with_code_1(session: Session):
    session.client.exit(None)
    assert await asyncio.wait_for(session.client._server.wait(), TIMEOUT) == 1


@pytest.mark.parametrize(
    "header, logged",
    [
        (b"Content-Type: application/vscode-jsonrpc\r\n\r\n", "the header block has no Content-Length"),
        (b"Content-Length: abc\r\n\r\n", "Content-Length 'abc' is not a non-negative integer"),
        (b"Content-Length: 99999999999\r\n\r\n", "Content-Length 99999999999 is over the limit of 67108864 bytes"),
    ],
)
def test_a_broken_header_is_logged_and_the_next_message_is_read(workspace: Workspace, header: bytes, logged: str):
    server = RawServer(workspace.root)
    try:
        raw_initialize(server, workspace)
        server.process.stdin.write(header)
        server.process.stdin.flush()
        response, before = raw_hover(server, workspace, 2)
        assert response["result"]["contents"]["value"].startswith("**role `service-desk`**")
        assert [m["params"] for m in before if m.get("method") == "window/logMessage"] == [
            {"type": 1, "message": f"procdef: a message could not be read and was skipped: {logged}"}
        ]
    finally:
        server.close()
