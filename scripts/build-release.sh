#!/usr/bin/env bash
# Builds the self-contained Linux binary of a release and packs it:
#   dist/procdef-VERSION-linux-ARCH.tar.gz         one member, `procdef`, so `curl ... | tar xz` leaves ./procdef
#                                                  and nothing that could overwrite a file of the user's
#   dist/procdef-VERSION-linux-ARCH.tar.gz.sha256  its checksum, in sha256sum's format
#
#   bash scripts/build-release.sh [--out DIR]
#
# The binary carries the Swift runtime (--static-swift-stdlib) and libyaml (libyaml.a, which Debian's libyaml-dev
# ships), so it needs only glibc, libstdc++ and libgcc_s at run time: the libraries every Linux base image has.
# It is built from a copy of the tracked files with the commit written into ProcdefBuildCommit.swift, so that
# `procdef --version` says where it came from without the build touching the checkout.
#
# libyaml reaches the linker through pkg-config (Sources/CYAML has no `link` line): here through a yaml-0.1.pc of
# our own whose -L names a folder holding libyaml.a alone, so the linker cannot pick the shared library.
#
# The archive is reproducible for a given binary: sorted, owned by 0:0, dated at the commit, gzip without a name
# or time. Takes about 3 minutes on 2 cores.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/dist"
while [ "$#" -gt 0 ]; do
  case "$1" in
    --out)
      [ "$#" -ge 2 ] || { echo "build-release.sh: --out needs a folder" >&2; exit 2; }
      out="$2"
      shift 2
      ;;
    *) echo "build-release.sh: unknown argument '$1' (usage: build-release.sh [--out DIR])" >&2; exit 2 ;;
  esac
done

fail() {
  printf 'build-release.sh: %s\n' "$*" >&2
  exit 1
}

cd "$root"
[ "$(uname -s)" = Linux ] || fail "the release binary is built on Linux only (--static-swift-stdlib and libyaml.a)"
arch="$(uname -m)"
version="$(sed -n 's/^ *package static let current = "\([^"]*\)"$/\1/p' Sources/ProcDef/ProcdefVersion.swift)"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "cannot read the version from Sources/ProcDef/ProcdefVersion.swift"
commit="$(git rev-parse HEAD 2>/dev/null)" || fail "not a git checkout: the binary must name the commit it was built from"
# A binary built from uncommitted changes must not claim to be that commit.
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "build-release.sh: warning: the checkout has uncommitted changes; the binary says commit $commit-dirty" >&2
  commit="$commit-dirty"
fi
libdir="$(pkg-config --variable=libdir yaml-0.1)" || fail "libyaml not found through pkg-config (Debian: libyaml-dev)"
static_yaml="$libdir/libyaml.a"
[ -f "$static_yaml" ] || fail "no $static_yaml: the release links libyaml statically (Debian's libyaml-dev ships it)"

work="$root/.build-release"
src="$work/src"
rm -rf "$src" "$work/pkgconfig"
mkdir -p "$src" "$work/pkgconfig"
# Tracked files as they are in the working tree; .build and every other ignored folder stay out.
# A tracked file deleted in the working tree is left out, as the build would not see it either.
git ls-files -z | while IFS= read -r -d '' file; do
  if [ -e "$file" ]; then printf '%s\0' "$file"; fi
done | tar --null -T - -cf - | tar -xf - -C "$src"
commit_file="$src/Sources/ProcDef/ProcdefBuildCommit.swift"
grep -q 'package static let commit = "unknown"' "$commit_file" || fail "ProcdefBuildCommit.swift no longer has the line this script stamps"
sed -i "s/package static let commit = \"unknown\"/package static let commit = \"$commit\"/" "$commit_file"

# SwiftPM passes on only -L and -l from pkg-config (a path to an archive is a "prohibited flag"), so the archive
# goes alone into a folder of its own that -L puts first: there -lyaml can find no shared library to prefer.
rm -rf "${work:?}/lib"
mkdir -p "$work/lib"
ln -s "$static_yaml" "$work/lib/libyaml.a"
cat >"$work/pkgconfig/yaml-0.1.pc" <<EOF
Name: LibYAML
Description: libyaml, linked statically into the procdef release
Version: $(pkg-config --modversion yaml-0.1)
Cflags: $(pkg-config --cflags yaml-0.1)
Libs: -L$work/lib -lyaml
EOF

echo "building procdef $version (commit $commit) for linux-$arch"
# The scratch path outlives $src, so a second release build of the same sources is incremental.
(cd "$src" && PKG_CONFIG_PATH="$work/pkgconfig" swift build -c release --product procdef --static-swift-stdlib \
  --scratch-path "$work/build")
binary="$(cd "$src" && swift build -c release --static-swift-stdlib --scratch-path "$work/build" --show-bin-path)/procdef"
[ -x "$binary" ] || fail "the build left no binary at $binary"

stage="$work/stage"
rm -rf "$stage"
mkdir -p "$stage"
cp "$binary" "$stage/procdef"
strip "$stage/procdef"
chmod 0755 "$stage/procdef"
if ldd "$stage/procdef" | grep -E 'libyaml|libswift|libFoundation|libdispatch'; then
  fail "the binary still loads a shared libyaml or Swift runtime library"
fi
reported="$("$stage/procdef" --version)"
[ "$reported" = "$version (commit $commit)" ] || fail "procdef --version says '$reported', expected '$version (commit $commit)'"

name="procdef-$version-linux-$arch.tar.gz"
mkdir -p "$out"
epoch="$(git log -1 --format=%ct)"
tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner --mode='u=rwx,go=rx' \
  -C "$stage" -cf - procdef | gzip -9 -n >"$out/$name"
(cd "$out" && sha256sum "$name" >"$name.sha256")
printf 'wrote %s (%s bytes; the binary %s bytes) and %s.sha256\n' "$out/$name" "$(stat -c %s "$out/$name")" \
  "$(stat -c %s "$stage/procdef")" "$name"
