"""positionEncoding: UTF-8 when the client offers it, else UTF-16; every position, out and in, counted in it."""

from __future__ import annotations

import pytest
from lsprotocol import types

from conftest import Session, as_json, initialize, span

CAFE = "Processes/cafe-triage.yaml"
# A finding on the same line as, and after, text where bytes, UTF-16 code units and code points all differ:
# é is 2 bytes, ☕ 3 bytes, 🚀 4 bytes and 2 UTF-16 units.
FLOW_LINE = "  - {id: take-order, name: Café ☕ triage 🚀, responsible: service-desk, informed: [end-usr]}"
CAFE_TEXT = f"""\
# Orders at the office café go through the desk too.
kind: process
id: cafe-triage
name: Café ☕ triage 🚀
owner: service-process-owner
manager: service-desk-lead
tags: [desk]
defaults:
  accountable: service-desk-lead
activities:
{FLOW_LINE}
"""
# Where `end-usr` starts on its line: 82 code points before it, but 83 UTF-16 units and 88 bytes.
START = {"utf-16": 83, "utf-8": 88}


@pytest.mark.parametrize(
    "offered, negotiated",
    [
        (["utf-8", "utf-16"], "utf-8"),
        (["utf-32", "utf-8"], "utf-8"),
        (["utf-16"], "utf-16"),
        (["utf-32", "utf-16"], "utf-16"),
        (None, "utf-16"),
    ],
)
async def test_positions_after_non_ascii_text_are_counted_in_the_negotiated_encoding(
    client, workspace, offered, negotiated
):
    workspace.write(CAFE, CAFE_TEXT)
    result = await initialize(client, workspace, position_encodings=offered)
    assert result.capabilities.position_encoding == negotiated
    session = Session(client, workspace, negotiated)

    # On disk with a finding: published at start, without being opened.
    published = await session.published(CAFE)
    finding = types.Range(
        start=types.Position(line=10, character=START[negotiated]),
        end=types.Position(line=10, character=START[negotiated] + len("end-usr")),
    )
    assert as_json(finding) == as_json(session.span(CAFE, "[end-usr]", inner="end-usr"))
    assert [(d.code, as_json(d.range)) for d in published.diagnostics] == [("ref/unknown-role", as_json(finding))]

    # Positions the client sends are read in the same encoding: a hover inside the id finds the finding and the role
    # reference, and the edit over the diagnostic's range replaces exactly the misspelt id.
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=session.doc(CAFE),
            position=types.Position(line=10, character=finding.start.character + 1),
        )
    )
    assert hover.contents.value.startswith("**ref/unknown-role**: unknown role 'end-usr' in 'informed' of activity")
    assert as_json(hover.range) == as_json(finding)

    session.open(CAFE)
    mark = session.mark()
    fixed = session.edit(CAFE, [types.TextEdit(range=published.diagnostics[0].range, new_text="end-user")])
    assert FLOW_LINE.replace("end-usr", "end-user") in fixed
    published = await session.published(CAFE, after=mark)
    assert list(published.diagnostics) == []

    # An id after the non-ASCII text, found from a position in the same encoding.
    role = session.span(CAFE, "responsible: service-desk", inner="service-desk")
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=session.doc(CAFE), position=role.end)
    )
    assert as_json(prepared) == as_json(types.PrepareRenamePlaceholder(range=role, placeholder="service-desk"))


async def test_an_edit_that_keeps_byte_offsets_but_moves_utf16_columns_is_published_again(client, workspace):
    workspace.write(CAFE, CAFE_TEXT)
    await initialize(client, workspace)
    session = Session(client, workspace, "utf-16")
    published = await session.published(CAFE)
    assert published.diagnostics[0].range.start.character == START["utf-16"]

    session.open(CAFE)
    mark = session.mark()
    # ☕ is 3 bytes and 1 UTF-16 unit, `tea` 3 bytes and 3 units: the finding keeps its byte offset only.
    session.replace(CAFE, "Café ☕ triage 🚀,", "Café tea triage 🚀,")
    published = await session.published(CAFE, after=mark)
    assert [as_json(d.range) for d in published.diagnostics] == [
        as_json(session.span(CAFE, "[end-usr]", inner="end-usr"))
    ]
    assert published.diagnostics[0].range.start.character == START["utf-16"] + 2


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
async def test_lines_end_with_crlf_or_a_lone_cr_as_the_protocol_counts_them(client, workspace, newline):
    text = workspace.text("Processes/laptop-request.yaml").replace("informed: [end-user]", "informed: [end-usr]", 1)
    workspace.path("Processes/laptop-request.yaml").write_bytes(text.replace("\n", newline).encode("utf-8"))
    await initialize(client, workspace)
    session = Session(client, workspace, "utf-16")
    published = await session.published("Processes/laptop-request.yaml")
    # Positions are the same as with `\n`: a line break is one, whichever it is.
    assert [as_json(d.range) for d in published.diagnostics] == [as_json(span(text, "[end-usr]", inner="end-usr"))]
