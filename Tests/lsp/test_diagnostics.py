"""Findings as the editor sees them: published per file as the text is typed, across files, and fixed by quick fix."""

from __future__ import annotations

import shutil
import subprocess

from lsprotocol import types

from conftest import FIXTURE, PROCDEF, Session, Workspace, as_json, initialize, span

PASSWORD_RESET = "Processes/password-reset.yaml"
LAPTOP_REQUEST = "Processes/laptop-request.yaml"
ROLES = "Processes/roles.yaml"
RULES_DOCS = "https://github.com/procdef/procdef/blob/main/docs/rules.md"


async def test_the_clean_fixture_publishes_only_the_open_document_s_empty_findings(session: Session):
    session.open(PASSWORD_RESET)
    await session.settled()
    assert [(p.uri, p.version, list(p.diagnostics)) for p in session.publishes] == [
        (session.workspace.uri(PASSWORD_RESET), 1, [])
    ]
    check = subprocess.run(
        [str(PROCDEF), "check", "--strict"], cwd=session.workspace.root, capture_output=True, text=True
    )
    assert (check.returncode, check.stdout) == (0, "no problems in 6 files\n")


async def test_a_misspelt_key_is_published_and_its_quick_fix_clears_it(session: Session):
    session.open(PASSWORD_RESET)
    mark = session.mark()
    # The editor types the typo into `reset-password`'s `responsible:` (the second one in the file).
    session.replace(PASSWORD_RESET, "    responsible: service-desk", "    resposible: service-desk", nth=1)
    published = await session.published(PASSWORD_RESET, after=mark)

    assert published.version == 2
    typo = session.span(PASSWORD_RESET, "resposible")
    reset_password = session.span(PASSWORD_RESET, "id: reset-password", inner="reset-password")
    assert as_json(published.diagnostics) == as_json(
        [
            # A policy's finding links to no rule documentation: the policy is in the repository.
            types.Diagnostic(
                range=reset_password,
                severity=types.DiagnosticSeverity.Error,
                code="policy/desk-owns-password-resets",
                # A policy's finding links to the policy's own file, which explains it.
                code_description=types.CodeDescription(
                    href=session.workspace.uri("Policies/desk-owns-password-resets.yaml")
                ),
                source="procdef",
                message="activity 'reset-password' (Reset the password) is any activity but does not have "
                "'service-desk' responsible\nhelp: policy 'desk-owns-password-resets': Only the service desk resets "
                "passwords (A reset done by a team that does not verify the caller is an account takeover waiting to "
                "happen.)",
            ),
            types.Diagnostic(
                range=reset_password,
                severity=types.DiagnosticSeverity.Error,
                code="raci/responsible-required",
                code_description=types.CodeDescription(href=f"{RULES_DOCS}#raciresponsible-required"),
                source="procdef",
                message="activity 'reset-password' (Reset the password) has no responsible role\n"
                "help: add `responsible: <role>` naming the role that does the work of this activity",
            ),
            types.Diagnostic(
                range=typo,
                severity=types.DiagnosticSeverity.Error,
                code="schema/unknown-key",
                code_description=types.CodeDescription(href=f"{RULES_DOCS}#schemaunknown-key"),
                source="procdef",
                message="unknown key 'resposible' in activity 'reset-password'\nhelp: did you mean 'responsible'?",
            ),
        ]
    )
    unknown_key = published.diagnostics[2]

    actions = await session.client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=session.doc(PASSWORD_RESET),
            range=unknown_key.range,
            context=types.CodeActionContext(diagnostics=[unknown_key]),
        )
    )
    uri = session.workspace.uri(PASSWORD_RESET)
    assert as_json(actions) == as_json(
        [
            types.CodeAction(
                title="Replace 'resposible' with 'responsible'",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[unknown_key],
                is_preferred=True,
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=typo, new_text="responsible")]}),
            ),
            # Then, on request only, the suppression: a line of its own above the finding's, at its indentation.
            types.CodeAction(
                title="Suppress 'schema/unknown-key' here with `# procdef: ignore schema/unknown-key`",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[unknown_key],
                is_preferred=False,
                edit=types.WorkspaceEdit(
                    changes={
                        uri: [
                            types.TextEdit(
                                range=types.Range(
                                    start=types.Position(line=typo.start.line, character=0),
                                    end=types.Position(line=typo.start.line, character=0),
                                ),
                                new_text="    # procdef: ignore schema/unknown-key -- TODO: say why this finding is acceptable\n",
                            )
                        ]
                    }
                ),
            ),
        ]
    )

    mark = session.mark()
    fixed = session.edit(PASSWORD_RESET, actions[0].edit.changes[uri])
    assert fixed == session.workspace.text(PASSWORD_RESET), "the quick fix should restore the file as it was"
    published = await session.published(PASSWORD_RESET, after=mark)
    assert (published.version, list(published.diagnostics)) == (3, [])


async def test_the_suppression_quick_fix_silences_the_finding(session: Session):
    session.open(PASSWORD_RESET)
    mark = session.mark()
    session.replace(PASSWORD_RESET, "    responsible: service-desk", "    resposible: service-desk", nth=1)
    published = await session.published(PASSWORD_RESET, after=mark)
    unknown_key = next(d for d in published.diagnostics if d.code == "schema/unknown-key")
    actions = await session.client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=session.doc(PASSWORD_RESET),
            range=unknown_key.range,
            context=types.CodeActionContext(diagnostics=[unknown_key]),
        )
    )
    suppress = next(a for a in actions if a.title.startswith("Suppress"))
    mark = session.mark()
    session.edit(PASSWORD_RESET, suppress.edit.changes[session.workspace.uri(PASSWORD_RESET)])
    published = await session.published(PASSWORD_RESET, after=mark)
    assert "schema/unknown-key" not in [d.code for d in published.diagnostics]
    # What the misspelt key hid is still found: the step has no responsible role.
    assert "raci/responsible-required" in [d.code for d in published.diagnostics]


async def test_a_code_action_away_from_any_finding_offers_nothing(session: Session):
    session.open(PASSWORD_RESET)
    session.replace(PASSWORD_RESET, "    responsible: service-desk", "    resposible: service-desk", nth=1)
    actions = await session.client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=session.doc(PASSWORD_RESET),
            range=session.span(PASSWORD_RESET, "name: Password Reset"),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    assert list(actions) == []


async def test_a_role_removed_from_the_catalogue_is_reported_in_the_process_that_uses_it(session: Session):
    session.open(ROLES)
    await session.settled()
    mark = session.mark()
    # Renaming the role in the catalogue leaves `laptop-request`, which is not open, naming one that is gone.
    session.replace(ROLES, "  end-user-services:", "  end-user-service:")
    published = await session.published(LAPTOP_REQUEST, after=mark)
    assert published.version is None, "laptop-request.yaml is not open: its diagnostics belong to no version"
    assert as_json(published.diagnostics) == as_json(
        [
            types.Diagnostic(
                range=session.span(LAPTOP_REQUEST, "responsible: end-user-services", inner="end-user-services"),
                severity=types.DiagnosticSeverity.Error,
                code="ref/unknown-role",
                code_description=types.CodeDescription(href=f"{RULES_DOCS}#refunknown-role"),
                source="procdef",
                message="unknown role 'end-user-services' in 'responsible' of activity 'prepare-laptop'\n"
                "help: did you mean 'end-user-service'?",
            )
        ]
    )
    await session.settled()
    # The edited catalogue is published again (its own findings, none) with the process it broke; nothing else.
    assert sorted(p.uri for p in session.publishes[mark:]) == sorted(
        [session.workspace.uri(LAPTOP_REQUEST), session.workspace.uri(ROLES)]
    )

    mark = session.mark()
    session.replace(ROLES, "  end-user-service:", "  end-user-services:")
    published = await session.published(LAPTOP_REQUEST, after=mark)
    assert list(published.diagnostics) == []


async def test_a_half_typed_file_is_a_yaml_syntax_finding_and_other_files_keep_theirs(session: Session):
    # laptop-request first gets a finding of its own.
    session.open(LAPTOP_REQUEST)
    mark = session.mark()
    session.replace(LAPTOP_REQUEST, "responsible: end-user-services", "responsible: end-user-servics")
    laptop = await session.published(LAPTOP_REQUEST, after=mark)
    assert [d.code for d in laptop.diagnostics] == ["ref/unknown-role"]

    session.open(PASSWORD_RESET)
    mark = session.mark()
    # A flow list opened and not yet closed, at the end of the file.
    end = types.Position(line=session.texts[PASSWORD_RESET].count("\n"), character=0)
    session.edit(
        PASSWORD_RESET, [types.TextEdit(range=types.Range(start=end, end=end), new_text="    next: [confirm-sign-in\n")]
    )
    published = await session.published(PASSWORD_RESET, after=mark)
    text = session.texts[PASSWORD_RESET]
    end_of_text = text.count("\n")
    assert as_json(published.diagnostics) == as_json(
        [
            types.Diagnostic(
                range=types.Range(
                    start=types.Position(line=end_of_text, character=0),
                    end=types.Position(line=end_of_text, character=0),
                ),
                severity=types.DiagnosticSeverity.Error,
                code="yaml/syntax",
                code_description=types.CodeDescription(href=f"{RULES_DOCS}#yamlsyntax"),
                source="procdef",
                message="did not find expected ',' or ']'",
                related_information=[
                    types.DiagnosticRelatedInformation(
                        location=types.Location(
                            uri=session.workspace.uri(PASSWORD_RESET),
                            range=types.Range(
                                start=session.span(PASSWORD_RESET, "[confirm-sign-in").start,
                                end=session.span(PASSWORD_RESET, "[confirm-sign-in").start,
                            ),
                        ),
                        message="while parsing a flow sequence",
                    )
                ],
            )
        ]
    )
    await session.settled()
    assert session.publishes_for(LAPTOP_REQUEST, after=mark) == [], "laptop-request's findings did not change"
    assert session.client.diagnostics[session.workspace.uri(LAPTOP_REQUEST)] == laptop.diagnostics

    # Undoing the line makes the file whole and clean again.
    mark = session.mark()
    session.replace(PASSWORD_RESET, "    next: [confirm-sign-in\n", "")
    published = await session.published(PASSWORD_RESET, after=mark)
    assert list(published.diagnostics) == []


async def test_findings_on_disk_are_published_at_start(client, workspace):
    workspace.write(
        "Processes/laptop-request.yaml",
        workspace.text("Processes/laptop-request.yaml").replace("informed: [end-user]", "informed: [end-usr]", 1),
    )
    result = await initialize(client, workspace)
    session = Session(client, workspace, result.capabilities.position_encoding)
    published = await session.published(LAPTOP_REQUEST)
    assert published.version is None
    assert [(d.code, d.range) for d in published.diagnostics] == [
        ("ref/unknown-role", session.span(LAPTOP_REQUEST, "[end-usr]", inner="end-usr"))
    ]


async def test_a_new_file_announced_as_created_on_disk_is_checked(session: Session):
    # The server asked the client to watch the definitions (VS Code 1.65 registers watchers dynamically), right
    # after `initialized`.
    await session.settled()
    assert [(r.id, r.method) for r in session.client.registrations] == [
        ("procdef-watched-files", types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    ]
    assert session.client.registrations[0].register_options["watchers"] == [
        {"globPattern": "**/*.{yaml,yml}"},
        {"globPattern": "**/.procdef-baseline.json"},
    ]

    new = "Processes/mailbox-request.yaml"
    session.workspace.write(
        new,
        """\
# A team asks for a shared mailbox.
kind: process
id: mailbox-request
name: Shared Mailbox Request
owner: service-process-owner
manager: service-desk-lead
tags: [desk]
defaults:
  accountable: service-desk-lead
activities:
  - id: log-mailbox-request
    name: Log the request
    responsible: service-desk
    informed: [mailbox-owner]
""",
    )
    mark = session.mark()
    session.client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=session.workspace.uri(new), type=types.FileChangeType.Created)]
        )
    )
    published = await session.published(new, after=mark)
    assert [(d.code, d.range, d.message) for d in published.diagnostics] == [
        (
            "ref/unknown-role",
            session.span(new, "[mailbox-owner]", inner="mailbox-owner"),
            "unknown role 'mailbox-owner' in 'informed' of activity 'log-mailbox-request'\n"
            "help: define it in a role catalogue (kind: roles) or under 'roles:' of process 'mailbox-request'",
        )
    ]

    # Deleted on disk: its findings are taken back.
    session.workspace.path(new).unlink()
    mark = session.mark()
    session.client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=session.workspace.uri(new), type=types.FileChangeType.Deleted)]
        )
    )
    published = await session.published(new, after=mark)
    assert list(published.diagnostics) == []


async def test_a_finding_s_witness_path_is_related_information(session: Session):
    session.open(PASSWORD_RESET)
    mark = session.mark()
    # The first activity passes to another team with no handoff on either branch.
    session.replace(PASSWORD_RESET, "    responsible: service-desk", "    responsible: end-user-services")
    published = await session.published(PASSWORD_RESET, after=mark)
    gaps = [d for d in published.diagnostics if d.code == "handoff/gap"]
    uri = session.workspace.uri(PASSWORD_RESET)
    # The branch's mapping, from `to:` up to the next branch's dash.
    first_branch = session.span(
        PASSWORD_RESET, "to: reset-password\n        when: The caller passed the identity check.\n      "
    )
    verify = session.span(PASSWORD_RESET, "id: verify-caller", inner="verify-caller")
    assert [(as_json(d.range), d.message.split("\n")[0]) for d in gaps][0] == (
        as_json(first_branch),
        "responsibility passes from 'end-user-services' (End User Services Technician) at 'verify-caller' (Verify "
        "the caller) to 'service-desk' (Service Desk Agent) at 'reset-password' (Reset the password) with no handoff "
        "declared",
    )
    assert len(gaps) == 2, "one gap per branch"
    assert as_json(gaps[0].related_information) == as_json(
        [
            types.DiagnosticRelatedInformation(
                location=types.Location(uri=uri, range=verify),
                message="step 1: 'verify-caller' is done by 'end-user-services'",
            ),
            types.DiagnosticRelatedInformation(
                location=types.Location(uri=uri, range=first_branch),
                message="step 2: the case passes to 'reset-password'",
            ),
            types.DiagnosticRelatedInformation(
                location=types.Location(
                    uri=uri, range=session.span(PASSWORD_RESET, "id: reset-password", inner="reset-password")
                ),
                message="step 3: 'reset-password' is done by 'service-desk'",
            ),
        ]
    )


async def test_closing_an_unsaved_document_goes_back_to_the_file_on_disk(session: Session):
    session.open(PASSWORD_RESET)
    mark = session.mark()
    session.replace(PASSWORD_RESET, "informed: [end-user]", "informed: [end-usr]")
    published = await session.published(PASSWORD_RESET, after=mark)
    assert [d.code for d in published.diagnostics] == ["ref/unknown-role"]

    mark = session.mark()
    session.close(PASSWORD_RESET)
    published = await session.published(PASSWORD_RESET, after=mark)
    assert (published.version, list(published.diagnostics)) == (None, [])


async def test_a_new_unsaved_buffer_in_the_workspace_is_checked_and_its_findings_go_with_it(session: Session):
    new = "Processes/untitled.yaml"
    mark = session.mark()
    session.open(
        new,
        "kind: process\nid: untitled\nname: Untitled\nowner: service-process-owner\n"
        "defaults:\n  accountable: service-desk-lead\nactivities:\n  - id: first-step\n    name: First step\n"
        "    responsible: nobody\n",
    )
    published = await session.published(new, after=mark)
    assert published.version == 1
    assert [(d.code, as_json(d.range)) for d in published.diagnostics] == [
        ("ref/unknown-role", as_json(session.span(new, "responsible: nobody", inner="nobody")))
    ]

    mark = session.mark()
    session.close(new)
    published = await session.published(new, after=mark)
    assert list(published.diagnostics) == []


async def test_a_yaml_file_outside_the_configured_paths_is_not_checked(session: Session):
    mark = session.mark()
    session.open("notes.yaml", "kind: process\nid: half\n")
    await session.settled()
    assert session.publishes[mark:] == []


async def test_a_config_change_on_disk_reloads_the_rules(session: Session):
    session.workspace.write(
        LAPTOP_REQUEST, session.workspace.text(LAPTOP_REQUEST).replace("informed: [end-user]", "informed: [end-usr]", 1)
    )
    mark = session.mark()
    session.client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=session.workspace.uri(LAPTOP_REQUEST), type=types.FileChangeType.Changed)]
        )
    )
    published = await session.published(LAPTOP_REQUEST, after=mark)
    assert [(d.code, d.severity) for d in published.diagnostics] == [
        ("ref/unknown-role", types.DiagnosticSeverity.Error)
    ]

    # Announced by the file watcher...
    config = session.workspace.text(".procdef.yaml") + "rules:\n  ref/unknown-role: warning\n"
    session.workspace.write(".procdef.yaml", config)
    mark = session.mark()
    session.client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=session.workspace.uri(".procdef.yaml"), type=types.FileChangeType.Changed)]
        )
    )
    published = await session.published(LAPTOP_REQUEST, after=mark)
    assert [(d.code, d.severity) for d in published.diagnostics] == [
        ("ref/unknown-role", types.DiagnosticSeverity.Warning)
    ]

    # ...or saved from the editor.
    session.open(".procdef.yaml")
    session.replace(".procdef.yaml", "ref/unknown-role: warning", "ref/unknown-role: off")
    session.workspace.write(".procdef.yaml", session.texts[".procdef.yaml"])
    mark = session.mark()
    session.client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=session.doc(".procdef.yaml")))
    published = await session.published(LAPTOP_REQUEST, after=mark)
    assert list(published.diagnostics) == []


async def test_content_changes_apply_in_order_each_to_the_text_the_one_before_left(session: Session):
    text = session.open(LAPTOP_REQUEST)
    informed = span(text, "informed: [end-user]", inner="end-user")
    # The second change's range counts the line the first one inserts.
    below = types.Range(
        start=types.Position(line=informed.start.line + 1, character=informed.start.character),
        end=types.Position(line=informed.end.line + 1, character=informed.end.character),
    )
    top = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
    mark = session.mark()
    session.versions[LAPTOP_REQUEST] = 2
    session.client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=session.workspace.uri(LAPTOP_REQUEST), version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(range=top, text="# Reviewed in the spring.\n"),
                types.TextDocumentContentChangePartial(range=below, text="end-usr"),
            ],
        )
    )
    published = await session.published(LAPTOP_REQUEST, after=mark)
    misspelt = types.Range(
        start=below.start, end=types.Position(line=below.start.line, character=below.start.character + 7)
    )
    assert [(d.code, as_json(d.range)) for d in published.diagnostics] == [("ref/unknown-role", as_json(misspelt))]


async def test_typing_fast_ends_with_the_findings_of_the_last_text(session: Session):
    session.open(PASSWORD_RESET)
    mark = session.mark()
    # `end-user` becomes `end-userxyz...` one keystroke at a time, then back to `end-user`, without waiting.
    for character in "xyz":
        at = session.span(PASSWORD_RESET, "informed: [end-user", inner="end-user").end
        session.edit(PASSWORD_RESET, [types.TextEdit(range=types.Range(start=at, end=at), new_text=character)])
    for _ in "xyz":
        at = session.span(PASSWORD_RESET, "informed: [end-user", inner="end-user").end
        after = types.Position(line=at.line, character=at.character + 1)
        session.edit(PASSWORD_RESET, [types.TextEdit(range=types.Range(start=at, end=after), new_text="")])
    assert session.texts[PASSWORD_RESET] == session.workspace.text(PASSWORD_RESET)
    await session.settled()
    # Whatever was published on the way, the last word for the file is: clean, at the last version.
    last = session.publishes_for(PASSWORD_RESET, after=mark)
    if last:
        assert (last[-1].version, list(last[-1].diagnostics)) == (7, [])


async def test_uris_of_a_folder_with_spaces_non_ascii_and_a_hash_round_trip(client, tmp_path):
    root = tmp_path.resolve() / "Service Desk é#1"
    shutil.copytree(FIXTURE, root)
    workspace = Workspace(root)
    workspace.write(
        LAPTOP_REQUEST, workspace.text(LAPTOP_REQUEST).replace("informed: [end-user]", "informed: [end-usr]", 1)
    )
    assert "/Service%20Desk%20%C3%A9%231/" in workspace.uri(LAPTOP_REQUEST)
    await initialize(client, workspace)
    session = Session(client, workspace, "utf-16")
    published = await session.published(LAPTOP_REQUEST)
    assert [d.code for d in published.diagnostics] == ["ref/unknown-role"]

    definition = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=session.doc(LAPTOP_REQUEST), position=session.span(LAPTOP_REQUEST, "end-user-services").start
        )
    )
    assert [location.uri for location in definition] == [workspace.uri(ROLES)]

    session.open(LAPTOP_REQUEST)
    mark = session.mark()
    session.replace(LAPTOP_REQUEST, "[end-usr]", "[end-user]")
    published = await session.published(LAPTOP_REQUEST, after=mark)
    assert (published.version, list(published.diagnostics)) == (2, [])
