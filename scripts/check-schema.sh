#!/usr/bin/env bash
# Checks the JSON Schema against real files with check-jsonschema (pip install check-jsonschema):
#   1. the schema is a valid draft-07 schema;
#   2. every document of every shipped example under Processes/ and Policies/ validates against it, and so does
#      a file of several documents;
#   3. documents with mistakes that procdef reports (an unknown key, also in the second document of a file, a bad
#      role kind, a bad duration, a missing field) do NOT validate, each with the expected message;
#   4. action.yml, and the GitHub Actions and GitLab CI recipes in README.md, validate against the schemas
#      check-jsonschema ships for them (vendor.github-actions, vendor.github-workflows, vendor.gitlab-ci).
# Fails loudly, naming the file, when any of these does not hold.
#
# check-jsonschema reads one YAML document per file and rejects a file with several ("expected a single document
# in the stream"), so each file is first split into its documents: at the boundaries a YAML parser reports
# (ruamel.yaml, which check-jsonschema itself depends on, or PyYAML), or, when python3 can import neither, at
# lines starting with `---`. The pieces keep the original text, so check-jsonschema reads them as YAML 1.2 itself.
#
# Usage: scripts/check-schema.sh [SCHEMA]        (default: schema/procdef.schema.json)
#        PROCDEF_SPLIT=awk scripts/check-schema.sh   forces the `---` fallback, to test it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
schema="${1:-$root/schema/procdef.schema.json}"

fail() {
  printf 'FAIL: %s\n' "$*" >&2
  exit 1
}

command -v check-jsonschema >/dev/null 2>&1 || fail "check-jsonschema not found: pip install check-jsonschema"
[ -f "$schema" ] || fail "no schema at $schema"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# split_documents FILE OUTDIR: writes OUTDIR/<n>.yaml, one file per document of FILE, and prints their paths.
split_documents() {
  local file="$1" out="$2"
  mkdir -p "$out"
  if [ "${PROCDEF_SPLIT:-}" != awk ] && { python3 -c 'import ruamel.yaml' >/dev/null 2>&1 || python3 -c 'import yaml' >/dev/null 2>&1; }; then
    python3 - "$file" "$out" <<'PY'
import sys
path, out = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
try:
    from ruamel.yaml import YAML
    from ruamel.yaml.events import DocumentStartEvent
    events = list(YAML(typ="safe", pure=True).parse(text))
except ImportError:
    import yaml
    from yaml.events import DocumentStartEvent
    events = list(yaml.parse(text, Loader=yaml.SafeLoader))
# A document starts at its `---` line, or at its first content line when it has none (the first document).
starts = [event.start_mark.line for event in events if isinstance(event, DocumentStartEvent)]
lines = text.splitlines(keepends=True)
for number, start in enumerate(starts):
    end = starts[number + 1] if number + 1 < len(starts) else len(lines)
    name = f"{out}/{number + 1}.yaml"
    with open(name, "w", encoding="utf-8") as piece:
        piece.write("".join(lines[start:end]))
    print(name)
PY
  else
    awk -v out="$out" '
      function flush() {
        if (content) { n++; name = out "/" n ".yaml"; printf "%s", buffer > name; close(name); print name }
        buffer = ""; content = 0
      }
      /^---([ \t]|$)/ { flush() }
      { buffer = buffer $0 "\n" }
      !/^[ \t]*(#.*)?$/ && !/^---[ \t]*(#.*)?$/ { content = 1 }
      END { flush() }
    ' "$file"
  fi
}

# validate VARIABLE DIR FILE...: runs check-jsonschema once on every document of the files under DIR (one start-up
# is most of its time) and puts its output in VARIABLE. The documents of DIR/a/b.yaml are $tmp/docs/a/b.yaml/<n>.yaml,
# so each message names the file it is about. Returns check-jsonschema's status.
validate() {
  local -n result="$1"
  local dir="$2"
  shift 2
  local file docs=() pieces=()
  for file in "$@"; do
    mapfile -t pieces < <(split_documents "$dir/$file" "$tmp/docs/$file")
    [ "${#pieces[@]}" -gt 0 ] || fail "$file: no YAML document found"
    docs+=("${pieces[@]}")
  done
  local status=0
  result="$(check-jsonschema --schemafile "$schema" "${docs[@]}" 2>&1)" || status=$?
  return "$status"
}

echo "== the schema is a valid draft-07 schema"
check-jsonschema --check-metaschema "$schema"

echo "== every shipped example validates"
mapfile -t shipped < <(cd "$root" && find Processes Policies -type f \( -name '*.yaml' -o -name '*.yml' \) | sort)
[ "${#shipped[@]}" -gt 0 ] || fail "no example files under Processes/ and Policies/"
good="$tmp/good"
mkdir -p "$good"
cp -R "$root/Processes" "$root/Policies" "$good/"
cat >"$good/several-documents.yaml" <<'YAML'
# Two documents in one file, as procdef allows.
kind: roles
roles:
  service-desk: {name: Service Desk Analyst, kind: practitioner}
---
kind: process
id: password-reset
name: Password Reset
activities:
  - id: reset
    name: Reset the password
    responsible: service-desk
YAML
output=""
if ! validate output "$good" "${shipped[@]}" several-documents.yaml; then
  printf '%s\n' "$output" >&2
  fail "the files above do not validate against $schema"
fi
[ "$(find "$tmp/docs/several-documents.yaml" -type f | wc -l)" -eq 2 ] || fail "several-documents.yaml was not split into 2 documents"
printf 'ok: %s\n' "${shipped[@]}" "several-documents.yaml (2 documents)"

echo "== documents with mistakes do not validate"
bad="$tmp/bad"
mkdir -p "$bad"
# The misspelt key CI also plants for procdef check: `resposible` in the incident process.
sed '0,/^\( *\)responsible:/s//\1resposible:/' "$root/Processes/incident-management.yaml" >"$bad/unknown-key.yaml"
grep -q 'resposible:' "$bad/unknown-key.yaml" || fail "could not plant the misspelt key"

cat >"$bad/second-document.yaml" <<'YAML'
kind: roles
roles:
  service-desk: {name: Service Desk Analyst, kind: practitioner}
---
kind: process
id: password-reset
name: Password Reset
activities:
  - id: reset
    name: Reset the password
    responsible: service-desk
    informd: [service-desk]
YAML

cat >"$bad/role-kind.yaml" <<'YAML'
kind: roles
roles:
  service-desk: {name: Service Desk Analyst, kind: practicioner}
YAML

cat >"$bad/duration.yaml" <<'YAML'
kind: process
id: password-reset
name: Password Reset
activities:
  - id: reset
    name: Reset the password
    responsible: service-desk
    target: 10 minutes
YAML

cat >"$bad/missing-title.yaml" <<'YAML'
kind: policy
id: incidents-are-logged
severity: error
require:
  exists: {records: incident}
YAML

# Each bad file, and the message check-jsonschema must give for it.
cases=(
  "unknown-key.yaml|'resposible' was unexpected"
  "second-document.yaml|'informd' was unexpected"
  "role-kind.yaml|'practicioner' is not one of"
  "duration.yaml|'10 minutes' does not match"
  "missing-title.yaml|'title' is a required property"
)
files=()
for case in "${cases[@]}"; do files+=("${case%%|*}"); done
output=""
if validate output "$bad" "${files[@]}"; then
  printf '%s\n' "$output" >&2
  fail "files with mistakes validated against $schema"
fi
for case in "${cases[@]}"; do
  file="${case%%|*}" message="${case#*|}"
  # check-jsonschema prints `<document path>::<JSON path>: <message>` for each error.
  if ! grep -F -- "/$file/" <<<"$output" | grep -qF -- "$message"; then
    printf '%s\n' "$output" >&2
    fail "$file: not rejected with \"$message\""
  fi
  echo "ok: $file rejected: $message"
done

echo "== the action and the README's CI recipes validate against check-jsonschema's vendored schemas"
# readme_block HEADING: the first ```yaml block after the line HEADING in README.md.
readme_block() {
  awk -v heading="$1" '
    $0 == heading { found = 1; next }
    found && /^```yaml$/ { inside = 1; next }
    inside && /^```$/ { exit }
    inside { print }
  ' "$root/README.md"
}
readme_block "### GitHub Actions" >"$tmp/workflow.yml"
readme_block "### GitLab CI" >"$tmp/gitlab-ci.yml"
[ -s "$tmp/workflow.yml" ] || fail "README.md has no yaml block under '### GitHub Actions'"
[ -s "$tmp/gitlab-ci.yml" ] || fail "README.md has no yaml block under '### GitLab CI'"
check-jsonschema --builtin-schema vendor.github-actions "$root/action.yml"
check-jsonschema --builtin-schema vendor.github-workflows "$tmp/workflow.yml"
check-jsonschema --builtin-schema vendor.gitlab-ci "$tmp/gitlab-ci.yml"

echo "ok: the schema accepts every shipped example and rejects the mistakes; the action and the recipes are well-formed"
