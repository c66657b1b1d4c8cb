#!/usr/bin/env bash
# Rebuilds this vendored swift-mustache from the upstream release plus meridian.patch and fails
# if the result differs from the files here; also checks the Mustache specification's files
# against the blob ids recorded below. `make test` runs it.
#
#   Vendor/swift-mustache/check-vendor.sh                check
#   Vendor/swift-mustache/check-vendor.sh --write-patch  rewrite meridian.patch as this tree minus upstream
#
# Upstream is fetched with git from its public address (a machine whose git maps that address
# to a local package copy needs no network). README.md records the tag and its tree id.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

upstream_url=https://github.com/hummingbird-project/swift-mustache
upstream_tag=2.1.1
# The tag's whole tree: the same id wherever the same files are, whatever the commit id.
upstream_tree=ea51bc68d880e17911b40c0f7ee79dfc6c91a9f3
# What is taken from upstream; every other file here is Meridian's (README.md, this script,
# meridian.patch) or the specification's (Tests/mustache-spec).
kept=(LICENSE.txt Package.swift Sources Tests/MustacheTests)
own=(README.md check-vendor.sh meridian.patch Tests/mustache-spec)

# mustache/spec, tag v1.4.2 plus three commits (9cb20c3d6ed32f4b800fd9db36b0706aec485b6a):
# each file's git blob id, as `git hash-object` gives it.
spec_blobs="
5eceff533e674d97897b33a11426d826cb31b2f4 LICENSE
924ed468c9f6cf2b5540f50b6383f93e9d8a2d47 specs/comments.json
485e84b6d2ac558e3efa6f5383eda3000058d6fd specs/delimiters.json
27de17955da3bb408521b2646d1a9ab011f91680 specs/interpolation.json
5e881d100d3ffe0a3cc4dc30833c06bdf72480f5 specs/inverted.json
cea9a963ff56b302e0c7708a9c0855eab00010dc specs/partials.json
b7804b89b5dac91774c00805b68150b4478caa04 specs/sections.json
b1faca6d9473486c3177537671a4a33c872d2b0f specs/~dynamic-names.json
608d55b8763bbb759fe717bf488339e4612d376b specs/~inheritance.json
2f991557b158f0a963695ccfeed9fa63471b664f specs/~lambdas.json
"

fail() { echo "check-vendor: $*" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git clone --quiet --depth 1 --branch "$upstream_tag" "$upstream_url" "$work/upstream" 2>"$work/clone.log" \
    || fail "cannot fetch $upstream_url at $upstream_tag: $(tail -1 "$work/clone.log")"
tree=$(git -C "$work/upstream" rev-parse 'HEAD^{tree}')
[ "$tree" = "$upstream_tree" ] || fail "upstream $upstream_tag has tree $tree, not the recorded $upstream_tree"

# copy_kept FROM TO: the files taken from upstream.
copy_kept() {
    local path
    mkdir -p "$2/Tests"
    for path in "${kept[@]}"; do
        [ -e "$1/$path" ] || fail "$1/$path is missing"
        cp -R "$1/$path" "$2/$path"
    done
}

mkdir -p "$work/a" "$work/b"
copy_kept "$work/upstream" "$work/a"
copy_kept "$here" "$work/b"
# The test run's leftovers are no part of the tree.
rm -rf "$work/b/.build" "$work/b/.swiftpm"

if [ "${1:-}" = "--write-patch" ]; then
    # diff exits 1 when the trees differ, which they do.
    (cd "$work" && diff -ruN a b || [ $? -eq 1 ]) \
        | sed -E 's/^(---|\+\+\+) ([^\t]*)\t.*$/\1 \2/' > "$here/meridian.patch"
    echo "check-vendor: wrote $here/meridian.patch"
    exit 0
fi

# Upstream plus the patch must give exactly the files here, no more and no fewer.
(cd "$work/a" && patch --quiet --force -p1 --no-backup-if-mismatch < "$here/meridian.patch" >"$work/patch.log") \
    || fail "meridian.patch does not apply to upstream $upstream_tag: $(head -3 "$work/patch.log")"
diff -r "$work/a" "$work/b" >"$work/tree.diff" \
    || { head -40 "$work/tree.diff" >&2; fail "the vendored tree is not upstream $upstream_tag plus meridian.patch"; }

# Nothing here beyond what is taken from upstream and Meridian's own files.
extra=$(cd "$here" && find . -path ./.build -prune -o -path ./.swiftpm -prune -o -type f -print | sed 's|^\./||' | sort \
    | while read -r file; do
        for path in "${kept[@]}" "${own[@]}"; do
            case "$file" in "$path" | "$path"/*) continue 2 ;; esac
        done
        echo "$file"
    done)
[ -z "$extra" ] || fail "files that are neither upstream's nor listed as Meridian's: $extra"

# The specification's files, exactly the recorded ones.
expected=$(echo "$spec_blobs" | sed '/^$/d' | sort -k2)
actual=$(cd "$here/Tests/mustache-spec" && find . -type f | sed 's|^\./||' | sort | while read -r file; do
    echo "$(git hash-object "$file") $file"
done | sort -k2)
[ "$expected" = "$actual" ] \
    || { diff <(echo "$expected") <(echo "$actual") >&2 || true; fail "Tests/mustache-spec differs from the recorded mustache/spec files"; }

echo "check-vendor: swift-mustache $upstream_tag plus meridian.patch matches the vendored tree; $(echo "$expected" | wc -l) specification files match"
