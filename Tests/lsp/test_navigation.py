"""Hover, go to definition, find references, rename and the outline, on the fixture's ids."""

from __future__ import annotations

import subprocess

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams

from conftest import PROCDEF, Session, Workspace, as_json, initialize, span, word_spans

PASSWORD_RESET = "Processes/password-reset.yaml"
LAPTOP_REQUEST = "Processes/laptop-request.yaml"
ROLES = "Processes/roles.yaml"
POLICY = "Policies/desk-first-contact.yaml"
RESET_POLICY = "Policies/desk-owns-password-resets.yaml"


async def hover(session: Session, relative: str, at: types.Position) -> types.Hover | None:
    return await session.client.text_document_hover_async(
        types.HoverParams(text_document=session.doc(relative), position=at)
    )


# MARK: Hover


async def test_hover_on_a_role_shows_its_card_and_where_it_is_r_a_c_or_i(session: Session):
    role = session.span(PASSWORD_RESET, "responsible: service-desk", inner="service-desk")
    # Anywhere inside the id, its end included (where the cursor sits after typing it).
    for at in (role.start, types.Position(line=role.start.line, character=role.start.character + 4), role.end):
        result = await hover(session, PASSWORD_RESET, at)
        assert result.contents.kind == types.MarkupKind.Markdown
        assert result.contents.value == (
            "**role `service-desk`**: Service Desk Agent\n"
            "\n"
            "- kind: practitioner\n"
            "- team: Service Desk\n"
            "- contact: \\#service-desk\n"
            "\n"
            "R, A, C or I in 7 activities:\n"
            "- R in `laptop-request` / `log-request`\n"
            "- R in `laptop-request` / `close-request`\n"
            "- R in `password-reset` / `verify-caller`\n"
            "- R in `password-reset` / `reset-password`\n"
            "- R in `password-reset` / `confirm-sign-in`\n"
            "- R in `password-reset` / `refuse-reset`\n"
            "- R in `password-reset` / `close-call`"
        )
        assert as_json(result.range) == as_json(role)


async def test_hover_on_an_activity_process_and_policy_id(session: Session):
    activity = await hover(
        session, PASSWORD_RESET, session.span(PASSWORD_RESET, "- to: refuse-reset", inner="refuse").start
    )
    assert activity.contents.value == (
        "**activity `refuse-reset`** of process `password-reset`: "
        "Refuse the reset and tell the caller how to prove who they are\n"
        "- R: `service-desk`\n"
        "- A: `service-desk-lead`\n"
        "- I: `end-user`"
    )
    process = await hover(
        session, LAPTOP_REQUEST, session.span(LAPTOP_REQUEST, "id: laptop-request", inner="laptop").start
    )
    assert process.contents.value == (
        "**process `laptop-request`**: Laptop Request\n\nowner: `service-process-owner`\n\n"
        "3 activities, in Processes/laptop-request.yaml"
    )
    policy = await hover(session, POLICY, session.span(POLICY, "id: desk-first-contact", inner="desk").start)
    assert policy.contents.value == (
        "**policy `desk-first-contact`**: The service desk takes every user contact first\n\n"
        "One place to ask means every contact is logged and owned by the desk."
    )


async def test_hover_away_from_any_id_or_finding_is_empty(session: Session):
    assert await hover(session, PASSWORD_RESET, session.span(PASSWORD_RESET, "name: Password Reset").start) is None


async def test_hover_on_the_default_accountable_role_lists_the_activities_it_is_accountable_for(session: Session):
    result = await hover(
        session, PASSWORD_RESET, session.span(PASSWORD_RESET, "accountable: service-desk-lead", inner="service").start
    )
    lines = result.contents.value.split("\n")
    assert "Not R, A, C or I in any activity." not in lines
    # Both processes make it the default accountable: A in all 8 activities, as `procdef raci` shows.
    assert "R, A, C or I in 8 activities:" in lines
    assert "- A in `password-reset` / `verify-caller`" in lines


async def test_hover_on_an_activity_shows_its_default_accountable_role(session: Session):
    result = await hover(session, PASSWORD_RESET, session.span(PASSWORD_RESET, "id: close-call", inner="close").start)
    assert "- A: `service-desk-lead`" in result.contents.value.split("\n")


async def test_hover_on_a_finding_explains_its_rule_as_procdef_explain_does(session: Session):
    session.open(PASSWORD_RESET)
    mark = session.mark()
    session.replace(PASSWORD_RESET, "    responsible: service-desk", "    resposible: service-desk", nth=1)
    await session.published(PASSWORD_RESET, after=mark)
    typo = session.span(PASSWORD_RESET, "resposible")

    result = await hover(
        session, PASSWORD_RESET, types.Position(line=typo.start.line, character=typo.start.character + 3)
    )
    assert result.contents.value == (
        "**schema/unknown-key**: unknown key 'resposible' in activity 'reset-password'\n"
        "\n"
        "help: did you mean 'responsible'?\n"
        "\n"
        f"```text\n{explain('schema/unknown-key')}```"
    )
    assert as_json(result.range) == as_json(typo)


def explain(rule: str) -> str:
    return subprocess.run([str(PROCDEF), "explain", rule], check=True, capture_output=True, text=True).stdout


async def test_hover_on_a_finding_over_an_id_shows_both(session: Session):
    session.open(LAPTOP_REQUEST)
    mark = session.mark()
    session.replace(LAPTOP_REQUEST, "informed: [end-user]", "informed: [end-usr]")
    await session.published(LAPTOP_REQUEST, after=mark)
    misspelt = session.span(LAPTOP_REQUEST, "[end-usr]", inner="end-usr")

    result = await hover(session, LAPTOP_REQUEST, misspelt.start)
    assert result.contents.value == (
        "**ref/unknown-role**: unknown role 'end-usr' in 'informed' of activity 'log-request'\n"
        "\n"
        "help: did you mean 'end-user'?\n"
        "\n"
        f"```text\n{explain('ref/unknown-role')}```"
        "\n\n---\n\n"
        "**role `end-usr`**: defined nowhere"
    )
    assert as_json(result.range) == as_json(misspelt)


# MARK: Definition and references


async def test_definition_of_a_role_is_its_entry_in_the_catalogue(session: Session):
    use = session.span(LAPTOP_REQUEST, "responsible: end-user-services", inner="end-user-services")
    result = await session.client.text_document_definition_async(
        types.DefinitionParams(text_document=session.doc(LAPTOP_REQUEST), position=use.start)
    )
    assert as_json(result) == as_json(
        [
            types.Location(
                uri=session.workspace.uri(ROLES),
                range=session.span(ROLES, "  end-user-services:", inner="end-user-services"),
            )
        ]
    )


async def test_definition_of_an_activity_named_by_next(session: Session):
    use = session.span(PASSWORD_RESET, "next: confirm-sign-in", inner="confirm-sign-in")
    result = await session.client.text_document_definition_async(
        types.DefinitionParams(text_document=session.doc(PASSWORD_RESET), position=use.end)
    )
    assert as_json(result) == as_json(
        [
            types.Location(
                uri=session.workspace.uri(PASSWORD_RESET),
                range=session.span(PASSWORD_RESET, "id: confirm-sign-in", inner="confirm-sign-in"),
            )
        ]
    )


@pytest.mark.parametrize("include_declaration", [True, False])
async def test_references_of_a_role_are_every_use_across_processes_and_policies(
    session: Session, include_declaration: bool
):
    use = session.span(PASSWORD_RESET, "responsible: service-desk", nth=2, inner="service-desk")
    result = await session.client.text_document_references_async(
        types.ReferenceParams(
            text_document=session.doc(PASSWORD_RESET),
            position=use.start,
            context=types.ReferenceContext(include_declaration=include_declaration),
        )
    )
    # Every whole `service-desk` in the repository (not `service-desk-lead`, not the `#service-desk` channel),
    # sorted by file and position.
    expected = []
    for relative in [POLICY, RESET_POLICY, LAPTOP_REQUEST, PASSWORD_RESET] + ([ROLES] if include_declaration else []):
        expected += [
            types.Location(uri=session.workspace.uri(relative), range=r)
            for r in word_spans(session.workspace.text(relative), "service-desk")
        ]
    assert len(expected) == 1 + 1 + 2 + 5 + (1 if include_declaration else 0)
    assert as_json(result) == as_json(expected)


# MARK: Rename


async def test_renaming_an_activity_updates_its_definition_and_every_branch_that_names_it(session: Session):
    session.open(PASSWORD_RESET)
    target = session.span(PASSWORD_RESET, "  - to: reset-password", inner="reset-password")
    prepared = await session.client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=session.doc(PASSWORD_RESET), position=target.start)
    )
    assert as_json(prepared) == as_json(types.PrepareRenamePlaceholder(range=target, placeholder="reset-password"))

    edit = await session.client.text_document_rename_async(
        types.RenameParams(
            text_document=session.doc(PASSWORD_RESET), position=target.start, new_name="issue-new-password"
        )
    )
    text = session.texts[PASSWORD_RESET]
    uri = session.workspace.uri(PASSWORD_RESET)
    # `id: reset-password`, `- to: reset-password` under verify-caller and under confirm-sign-in.
    places = [span(text, "id: reset-password", inner="reset-password")] + [
        span(text, "- to: reset-password", nth=n, inner="reset-password") for n in (0, 1)
    ]
    assert as_json(edit) == as_json(
        types.WorkspaceEdit(
            changes={
                uri: sorted(
                    [types.TextEdit(range=r, new_text="issue-new-password") for r in places],
                    key=lambda e: (e.range.start.line, e.range.start.character),
                )
            }
        )
    )

    mark = session.mark()
    renamed = session.edit(PASSWORD_RESET, edit.changes[uri])
    assert renamed == text.replace("reset-password", "issue-new-password")
    published = await session.published(PASSWORD_RESET, after=mark)
    assert list(published.diagnostics) == [], "the renamed process is still clean"
    result = await session.client.text_document_definition_async(
        types.DefinitionParams(
            text_document=session.doc(PASSWORD_RESET),
            position=session.span(PASSWORD_RESET, "- to: issue-new-password", nth=1, inner="issue").start,
        )
    )
    assert as_json(result) == as_json(
        [
            types.Location(
                uri=uri, range=session.span(PASSWORD_RESET, "id: issue-new-password", inner="issue-new-password")
            )
        ]
    )


async def test_renaming_a_catalogue_role_edits_every_file_that_names_it(session: Session):
    use = session.span(LAPTOP_REQUEST, "responsible: end-user-services", inner="end-user-services")
    edit = await session.client.text_document_rename_async(
        types.RenameParams(text_document=session.doc(LAPTOP_REQUEST), position=use.start, new_name="desktop-support")
    )
    assert as_json(edit) == as_json(
        types.WorkspaceEdit(
            changes={
                session.workspace.uri(LAPTOP_REQUEST): [types.TextEdit(range=use, new_text="desktop-support")],
                session.workspace.uri(ROLES): [
                    types.TextEdit(
                        range=session.span(ROLES, "  end-user-services:", inner="end-user-services"),
                        new_text="desktop-support",
                    )
                ],
            }
        )
    )


@pytest.mark.parametrize(
    "new_name, message",
    [
        ("Issue New Password", "'Issue New Password' is not an id: lower-case letters, digits and single hyphens"),
        ("close-call", "activity 'close-call' of process 'password-reset' already exists"),
    ],
)
async def test_a_rename_to_a_bad_or_taken_id_is_refused(session: Session, new_name: str, message: str):
    target = session.span(PASSWORD_RESET, "id: reset-password", inner="reset-password")
    with pytest.raises(JsonRpcInvalidParams) as refused:
        await session.client.text_document_rename_async(
            types.RenameParams(text_document=session.doc(PASSWORD_RESET), position=target.start, new_name=new_name)
        )
    assert refused.value.code == -32602
    assert refused.value.message == message


async def test_prepare_rename_away_from_an_id_is_null(session: Session):
    prepared = await session.client.text_document_prepare_rename_async(
        types.PrepareRenameParams(
            text_document=session.doc(PASSWORD_RESET), position=session.span(PASSWORD_RESET, "name: Password").start
        )
    )
    assert prepared is None


async def test_references_of_a_process_include_the_policy_that_applies_to_it_by_id(session: Session):
    definition = session.span(PASSWORD_RESET, "id: password-reset", inner="password-reset")
    result = await session.client.text_document_references_async(
        types.ReferenceParams(
            text_document=session.doc(PASSWORD_RESET),
            position=definition.start,
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert as_json(result) == as_json(
        [
            types.Location(
                uri=session.workspace.uri(RESET_POLICY),
                range=session.span(RESET_POLICY, "ids: [password-reset]", inner="password-reset"),
            ),
            types.Location(uri=session.workspace.uri(PASSWORD_RESET), range=definition),
        ]
    )


async def test_renaming_a_process_renames_it_in_the_policy_that_applies_to_it_by_id(session: Session):
    definition = session.span(PASSWORD_RESET, "id: password-reset", inner="password-reset")
    edit = await session.client.text_document_rename_async(
        types.RenameParams(
            text_document=session.doc(PASSWORD_RESET), position=definition.start, new_name="self-service-reset"
        )
    )
    assert as_json(edit) == as_json(
        types.WorkspaceEdit(
            changes={
                session.workspace.uri(RESET_POLICY): [
                    types.TextEdit(
                        range=session.span(RESET_POLICY, "ids: [password-reset]", inner="password-reset"),
                        new_text="self-service-reset",
                    )
                ],
                session.workspace.uri(PASSWORD_RESET): [
                    types.TextEdit(range=definition, new_text="self-service-reset")
                ],
            }
        )
    )


def add_local_role(workspace: Workspace) -> None:
    """Gives laptop-request a role of its own, `asset-manager`, accountable for preparing the laptop."""
    text = workspace.text(LAPTOP_REQUEST)
    text = text.replace(
        "activities:\n",
        "roles:\n"
        "  asset-manager:\n"
        "    name: Asset Manager\n"
        "    kind: manager\n"
        "    team: IT Asset Management\n"
        "activities:\n",
        1,
    )
    text = text.replace(
        "    responsible: end-user-services\n",
        "    responsible: end-user-services\n    accountable: asset-manager\n",
        1,
    )
    workspace.write(LAPTOP_REQUEST, text)


async def test_renaming_a_local_role_edits_its_process_only(client, workspace: Workspace):
    add_local_role(workspace)
    await initialize(client, workspace)
    session = Session(client, workspace, "utf-16")
    await session.settled()
    assert session.publishes == [], "the process with its local role is clean"
    use = session.span(LAPTOP_REQUEST, "accountable: asset-manager", inner="asset-manager")
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=session.doc(LAPTOP_REQUEST), position=use.start, new_name="asset-coordinator")
    )
    definition = session.span(LAPTOP_REQUEST, "  asset-manager:", inner="asset-manager")
    assert as_json(edit) == as_json(
        types.WorkspaceEdit(
            changes={
                session.workspace.uri(LAPTOP_REQUEST): [
                    types.TextEdit(range=definition, new_text="asset-coordinator"),
                    types.TextEdit(range=use, new_text="asset-coordinator"),
                ]
            }
        )
    )


async def test_renaming_a_local_role_to_a_catalogue_role_s_id_is_refused(client, workspace: Workspace):
    add_local_role(workspace)
    await initialize(client, workspace)
    session = Session(client, workspace, "utf-16")
    use = session.span(LAPTOP_REQUEST, "accountable: asset-manager", inner="asset-manager")
    with pytest.raises(JsonRpcInvalidParams) as refused:
        await client.text_document_rename_async(
            types.RenameParams(text_document=session.doc(LAPTOP_REQUEST), position=use.start, new_name="service-desk")
        )
    assert refused.value.code == -32602


async def test_renaming_a_catalogue_role_to_a_local_role_s_id_is_refused(client, workspace: Workspace):
    add_local_role(workspace)
    await initialize(client, workspace)
    session = Session(client, workspace, "utf-16")
    use = session.span(LAPTOP_REQUEST, "responsible: service-desk", inner="service-desk")
    with pytest.raises(JsonRpcInvalidParams) as refused:
        await client.text_document_rename_async(
            types.RenameParams(text_document=session.doc(LAPTOP_REQUEST), position=use.start, new_name="asset-manager")
        )
    assert refused.value.code == -32602


# MARK: Outline


async def test_document_symbols_are_the_process_and_its_activities(session: Session):
    result = await session.client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=session.doc(PASSWORD_RESET))
    )
    text = session.workspace.text(PASSWORD_RESET)
    assert [s.name for s in result] == ["password-reset"]
    process = result[0]
    assert (process.kind, process.detail) == (types.SymbolKind.Module, "Password Reset")
    assert as_json(process.selection_range) == as_json(span(text, "id: password-reset", inner="password-reset"))
    # From `kind: process` to the end of the file.
    assert as_json(process.range.start) == as_json(span(text, "kind: process").start)
    assert process.range.end.line == text.count("\n")

    activities = [
        ("verify-caller", "Verify the caller"),
        ("reset-password", "Reset the password"),
        ("confirm-sign-in", "Confirm the user can sign in"),
        ("refuse-reset", "Refuse the reset and tell the caller how to prove who they are"),
        ("close-call", "Close the call"),
    ]
    assert [(c.name, c.detail, c.kind) for c in process.children] == [
        (id, name, types.SymbolKind.Function) for id, name in activities
    ]
    for child, (id, _) in zip(process.children, activities, strict=True):
        assert as_json(child.selection_range) == as_json(span(text, f"- id: {id}", inner=id))
        # The whole activity: its mapping, from the `id` key after the dash.
        assert as_json(child.range.start) == as_json(span(text, f"- id: {id}", inner=f"id: {id}").start)
    ends = [c.range.end.line for c in process.children]
    starts = [c.range.start.line for c in process.children]
    assert ends[:-1] == starts[1:], "each activity runs up to the next one's `- id:` line"
    assert ends[-1] == text.count("\n")


async def test_document_symbols_of_the_catalogue_are_its_roles(session: Session):
    result = await session.client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=session.doc(ROLES))
    )
    assert [(s.name, s.detail, s.kind) for s in result] == [
        ("service-process-owner", "Service Process Owner", types.SymbolKind.Class),
        ("service-desk-lead", "Service Desk Lead", types.SymbolKind.Class),
        ("service-desk", "Service Desk Agent", types.SymbolKind.Class),
        ("end-user-services", "End User Services Technician", types.SymbolKind.Class),
        ("end-user", "End User", types.SymbolKind.Class),
    ]
