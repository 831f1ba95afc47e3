#!/usr/bin/env bash
# The Debian package: `cpack -G DEB` builds it from the build folder; its
# control file names agora and the libraries and data it needs; extracted
# with `dpkg-deb -x` into a temporary folder (no installation), the binary
# from there builds the fixture site with the theme the package carries
# (and lunr-languages, which search in other languages needs).
set -euo pipefail
agora=$1 repo=$2
build_dir=$(cd "$(dirname "$agora")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

(cd "$work" && cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/pkg" >cpack.log) ||
  { cat "$work/cpack.log"; fail "cpack -G DEB failed"; }
debs=("$work"/pkg/agora_*.deb)
[[ ${#debs[@]} -eq 1 && -f "${debs[0]}" ]] || fail "expected one agora_*.deb, got: ${debs[*]}"
deb=${debs[0]}
echo "package: $(basename "$deb") ($(stat -c %s "$deb") bytes)"

info=$(dpkg-deb --field "$deb" Package Architecture Depends)
echo "$info"
grep -q '^Package: agora$' <<<"$info" || fail "not named agora"
for dep in iso-codes libjs-lunr libcmark-gfm libyaml-cpp libgit2 libcpp-httplib libbrotli; do
  grep -q "^Depends:.*$dep" <<<"$info" || fail "Depends lacks $dep"
done

dpkg-deb -x "$deb" "$work/root"
[[ -x "$work/root/usr/bin/agora" ]] || fail "no usr/bin/agora in the package"
[[ -f "$work/root/usr/share/agora/themes/default/templates/base.mustache" ]] || fail "no bundled theme"
[[ -f "$work/root/usr/share/doc/agora/copyright" ]] || fail "no copyright file"
[[ -f "$work/root/usr/share/agora/lunr-languages/min/lunr.fr.min.js" ]] || fail "no lunr-languages for search in other languages"
if dpkg-deb -c "$deb" | grep -v -E ' \./usr/(bin/agora|share/agora/(themes|lunr-languages)/|share/doc/agora/)|/$' | grep -q .; then
  dpkg-deb -c "$deb"
  fail "the package holds files besides the binary, the themes, lunr-languages and the copyright"
fi

cp -r "$repo/tests/fixtures/site" "$work/site"
[[ ! -e "$work/site/themes" ]] || fail "the fixture has a themes/ folder"
(cd "$work" && AGORA_THEMES_DIR= "$work/root/usr/bin/agora" build --config site/site.yaml \
   --out out --quiet) || fail "the packaged binary could not build the fixture site"
grep -q '<link rel="stylesheet" href="css/site.css">' "$work/out/index.html" ||
  fail "home page without the theme's stylesheet"
cmp -s "$work/out/css/site.css" "$work/root/usr/share/agora/themes/default/assets/css/site.css" ||
  fail "the stylesheet is not the packaged theme's"
"$work/root/usr/bin/agora" --version
echo "the packaged binary built the fixture site with its bundled theme"
