#!/usr/bin/env bash
# Fetches the public conformance suites the tests read, each at the commit pinned in ../shared/vectors/MANIFEST.md,
# into the layout the tests expect (default: ../shared beside the checkout; or the folder given as $1, then run the
# tests with MCRED_SHARED=that folder). Needs git and network access to github.com. Only verbatim folder copies can
# be fetched this way: the transcribed spec examples, the generated files, the published contexts and the EU anchors
# (anchors/edc) are listed at the end; they come with the team's shared data bundle (see README "Test data").
# Without any of it the tests that need it are skipped with that reason, and the rest run.
set -euo pipefail
repo_root=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-"$repo_root/../shared"}
mkdir -p "$dest/vectors"
dest=$(cd "$dest" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# target folder (under $dest) | GitHub repository | commit | folder or file in the repository
suites='
vectors/vc-di-eddsa/TestVectors|w3c/vc-di-eddsa|abb673eb9df673e24a8eaf939337de74759b5f8d|TestVectors
vectors/vc-di-eddsa/LICENSE.md|w3c/vc-di-eddsa|abb673eb9df673e24a8eaf939337de74759b5f8d|LICENSE.md
vectors/rdf-canon/tests|w3c/rdf-canon|15619df2fda7a4ca88308733789b6774517f9638|tests
vectors/json-ld-api/tests|w3c/json-ld-api|92f07705a0c0ac27aa9bc6fe1322dcc9fad0114d|tests
vectors/json-canonicalization/testdata|cyberphone/json-canonicalization|19d51d7fe467d4706a3ff08adf8a748f29fc21e0|testdata
vectors/json-canonicalization/LICENSE.txt|cyberphone/json-canonicalization|19d51d7fe467d4706a3ff08adf8a748f29fc21e0|LICENSE.txt
vectors/vc-jose-cose-test-suite/tests/input|w3c/vc-jose-cose-test-suite|ff6be51dc4d3c373dfaffa9a634cf751faf5285a|tests/input
vectors/vc-data-model-2.0-test-suite/tests/input|w3c/vc-data-model-2.0-test-suite|6e075243825f50c79017de4a27089d329c093d0f|tests/input
vectors/vc-data-model-2.0-test-suite/tests/validVc.json|w3c/vc-data-model-2.0-test-suite|6e075243825f50c79017de4a27089d329c093d0f|tests/validVc.json
vectors/vc-di-ecdsa/TestVectors|w3c/vc-di-ecdsa|00781de52c036723bbd88d89b07818a2914a6b9e|TestVectors
vectors/vc-di-ecdsa/LICENSE.md|w3c/vc-di-ecdsa|00781de52c036723bbd88d89b07818a2914a6b9e|LICENSE.md
vectors/openbadges-v3/1edtech-validator-tests/ob30|1EdTech/digital-credentials-public-validator|38254719cf0a490a403c9c812b01e6ab0678f2f3|inspector-vc/src/test/resources/ob30
vectors/openbadges-v3/1edtech-validator-tests/clr20|1EdTech/digital-credentials-public-validator|38254719cf0a490a403c9c812b01e6ab0678f2f3|inspector-clr/src/test/resources/clr20
vectors/ietf-token-status-list/examples|oauth-wg/draft-ietf-oauth-status-list|2fb61cd535a82ec77fe43d604e31b7012cab4adc|examples
vectors/openid4vc/openid4vci/1.0/examples|openid/OpenID4VCI|2d9fd4a6841dc93fc497690a4ea6febd802544cc|1.0/examples
vectors/openid4vc/openid4vp/1.0/examples|openid/OpenID4VP|46f6965b07e99ea84c9d74d1a262e264427c64f7|1.0/examples
vectors/openid4vc/haip/1.0/examples|openid/OpenID4VC-HAIP|8f45ca301e822d4abe944d1085d60d7cd015087f|1.0/examples
vectors/etsi-trusted-lists/eu-lotl.xml|esig/dss|d9473b8efea72fd5754623fa92bb9311f2b005c5|dss-tsl-validation/src/test/resources/eu-lotl.xml
'

fetch() { # repository commit path target
  local name=${1//\//_}_$2
  local clone="$work/$name"
  if [ ! -d "$clone/.git" ]; then
    git init -q "$clone"
    git -C "$clone" remote add origin "https://github.com/$1.git"
    git -C "$clone" config core.sparseCheckout true
  fi
  echo "$3" >> "$clone/.git/info/sparse-checkout"
  git -C "$clone" fetch -q --depth 1 --filter=blob:none origin "$2"
  git -C "$clone" checkout -q FETCH_HEAD
  rm -rf "${dest:?}/$4"
  mkdir -p "$(dirname "$dest/$4")"
  cp -R "$clone/$3" "$dest/$4"
  echo "fetched $1@${2:0:12} $3 -> $4"
}

failed=0
while IFS='|' read -r target repository commit path; do
  [ -n "$target" ] || continue
  fetch "$repository" "$commit" "$path" "$target" || { echo "could not fetch $repository@$commit $path" >&2; failed=1; }
done <<<"$suites"

cat <<'NOTE'

Not fetched (not verbatim folder copies; they come with the shared data bundle, see vectors/MANIFEST.md and
anchors/edc/MANIFEST.md for how each was made): vectors/contexts/, the transcribed spec examples (sd-jwt/,
cid-v1/spec-examples, vc-bitstring-status-list/spec-examples, openbadges-v3/examples and test-vectors,
vc-jose-cose-test-suite/tests/test-mapping.json, ietf-token-status-list/*.transcribed.json), the generated
json-canonicalization/es6-numbers file, bench/ and anchors/edc/. Tests that need them are skipped with a reason.
NOTE
exit $failed
