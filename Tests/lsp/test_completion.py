"""Completion while typing a definition: ids where a key names a role or an activity, keys from the JSON Schema
(`procdef schema`), and the values of an enumeration. The cursor is the ‸ in the text the test types."""

from __future__ import annotations

import json
import subprocess
from functools import cache

from lsprotocol import types

from conftest import PROCDEF, Session, as_json, position, unmark

PASSWORD_RESET = "Processes/password-reset.yaml"

# The fixture's role catalogue, by id.
ROLES = {
    "end-user": "End User",
    "end-user-services": "End User Services Technician",
    "service-desk": "Service Desk Agent",
    "service-desk-lead": "Service Desk Lead",
    "service-process-owner": "Service Process Owner",
}


@cache
def schema() -> dict:
    return json.loads(subprocess.run([str(PROCDEF), "schema"], check=True, capture_output=True, text=True).stdout)


async def type_and_complete(session: Session, typed: str) -> tuple[types.CompletionList, types.Range]:
    """Opens password-reset.yaml, types `typed` (with its ‸) at the end as one change, and asks for completion at
    the ‸. Returns the list and the range a completion should replace: from the start of the word before the ‸."""
    text = session.open(PASSWORD_RESET)
    typed, cursor = unmark(typed)
    end = position(text, len(text))
    session.edit(PASSWORD_RESET, [types.TextEdit(range=types.Range(start=end, end=end), new_text=typed)])
    new_text = session.texts[PASSWORD_RESET]
    at = len(text) + cursor
    word_start = at
    while word_start > 0 and (new_text[word_start - 1].isalnum() or new_text[word_start - 1] in "-_."):
        word_start -= 1
    result = await session.client.text_document_completion_async(
        types.CompletionParams(text_document=session.doc(PASSWORD_RESET), position=position(new_text, at))
    )
    assert isinstance(result, types.CompletionList) and not result.is_incomplete
    return result, types.Range(start=position(new_text, word_start), end=position(new_text, at))


def role_items(replaced: types.Range) -> list[types.CompletionItem]:
    return [
        types.CompletionItem(
            label=id,
            kind=types.CompletionItemKind.Reference,
            detail=name,
            text_edit=types.TextEdit(range=replaced, new_text=id),
            filter_text=id,
        )
        for id, name in sorted(ROLES.items())
    ]


async def test_after_responsible_the_catalogue_roles_are_offered(session: Session):
    result, replaced = await type_and_complete(
        session, "  - id: send-survey\n    name: Send a satisfaction survey\n    responsible: ‸\n"
    )
    assert replaced.start == replaced.end
    assert as_json(result.items) == as_json(role_items(replaced))


async def test_a_half_typed_role_is_replaced_whole(session: Session):
    result, replaced = await type_and_complete(
        session, "  - id: send-survey\n    name: Send a satisfaction survey\n    responsible: serv‸\n"
    )
    assert replaced.end.character - replaced.start.character == len("serv")
    assert as_json(result.items) == as_json(role_items(replaced))


async def test_in_a_flow_list_of_informed_roles_after_a_comma(session: Session):
    result, replaced = await type_and_complete(
        session,
        "  - id: send-survey\n    name: Send a satisfaction survey\n    responsible: service-desk\n"
        "    informed: [end-user, ‸\n",
    )
    assert as_json(result.items) == as_json(role_items(replaced))


async def test_after_next_the_activities_of_the_process_are_offered(session: Session):
    result, _ = await type_and_complete(session, "    next: ‸\n")
    assert [(i.label, i.kind, i.detail) for i in result.items] == [
        ("verify-caller", types.CompletionItemKind.Value, "Verify the caller"),
        ("reset-password", types.CompletionItemKind.Value, "Reset the password"),
        ("confirm-sign-in", types.CompletionItemKind.Value, "Confirm the user can sign in"),
        (
            "refuse-reset",
            types.CompletionItemKind.Value,
            "Refuse the reset and tell the caller how to prove who they are",
        ),
        ("close-call", types.CompletionItemKind.Value, "Close the call"),
    ]


async def test_a_key_typed_in_an_activity_completes_to_the_activity_keys_of_the_schema(session: Session):
    result, replaced = await type_and_complete(session, "    acc‸\n")
    activity = schema()["definitions"]["activity"]["properties"]
    assert [i.label for i in result.items] == list(activity)
    (accountable,) = [i for i in result.items if i.label == "accountable"]
    assert as_json(accountable) == as_json(
        types.CompletionItem(
            label="accountable",
            kind=types.CompletionItemKind.Property,
            detail="activity",
            documentation=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value=activity["accountable"]["description"]
            ),
            text_edit=types.TextEdit(range=replaced, new_text="accountable: "),
            filter_text="accountable",
        )
    )
    assert replaced.end.character - replaced.start.character == len("acc")


async def test_a_key_at_the_top_of_a_process_completes_to_the_process_keys(session: Session):
    result, _ = await type_and_complete(session, "ver‸\n")
    assert [i.label for i in result.items] == list(schema()["definitions"]["process"]["properties"])


async def test_an_enumeration_offers_its_values(session: Session):
    result, replaced = await type_and_complete(session, "    type: ‸\n")
    # The schema allows null too (`type:` left empty); that is nothing to type.
    values = [v for v in schema()["definitions"]["activity"]["properties"]["type"]["enum"] if v is not None]
    assert values[:2] == ["task", "approval"]
    assert as_json(result.items) == as_json(
        [
            types.CompletionItem(
                label=value,
                kind=types.CompletionItemKind.EnumMember,
                text_edit=types.TextEdit(range=replaced, new_text=value),
                filter_text=value,
            )
            for value in values
        ]
    )


async def test_inside_a_comment_nothing_is_offered(session: Session):
    result, _ = await type_and_complete(session, "    # the responsible: ‸\n")
    assert list(result.items) == []
