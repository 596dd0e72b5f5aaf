#!/usr/bin/env bash
# Same-run comparison of `mcred bench` between a base commit and the working tree: builds the base in a temporary
# worktree, then alternates the two binaries ROUNDS times on each benchmark document and suite, and prints the median
# sign and verify rates of each. Run it on a quiet machine.
#
#   eng/bench-compare.sh BASE_REV [ROUNDS=3] [SECONDS=3]
#
# The documents are ../shared/bench/*.json* (the two every benchmark uses).
set -euo pipefail
cd "$(dirname "$0")/.."
base_rev=${1:?usage: eng/bench-compare.sh BASE_REV [ROUNDS] [SECONDS]}
rounds=${2:-3}
seconds=${3:-3}
shared=${MCRED_SHARED_DIR:-../shared}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

base_dir=$(mktemp -d)
trap 'git worktree remove --force "$base_dir" >/dev/null 2>&1 || rm -rf "$base_dir"' EXIT
git worktree add -q --detach "$base_dir" "$base_rev"
dotnet build "$base_dir/src/MicroCredentials.VC.Cli" -c Release -v q -nologo >/dev/null
dotnet build src/MicroCredentials.VC.Cli -c Release -v q -nologo >/dev/null
base_bin="$base_dir/src/MicroCredentials.VC.Cli/bin/Release/net10.0/mcred.dll"
head_bin="src/MicroCredentials.VC.Cli/bin/Release/net10.0/mcred.dll"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
rate() { sed -n "s/.*\"op\": *\"$1\", *\"opsPerSec\": *\([0-9.]*\).*/\1/p" | head -1; }

printf '%-34s %-16s %12s %12s %12s %12s\n' document suite "base sign" "head sign" "base verify" "head verify"
for doc in "$shared"/bench/*.json*; do
  for suite in eddsa-rdfc-2022 eddsa-jcs-2022; do
    declare -a bs=() hs=() bv=() hv=()
    for ((i = 0; i < rounds; i++)); do
      for side in base head; do
        bin=$base_bin; [ "$side" = head ] && bin=$head_bin
        out=$(dotnet "$bin" bench --in "$doc" --proof "$suite" --seconds "$seconds" --json | tr -d '\n')
        s=$(rate sign <<<"$out"); v=$(rate verify <<<"$out")
        if [ "$side" = base ]; then bs+=("$s"); bv+=("$v"); else hs+=("$s"); hv+=("$v"); fi
      done
    done
    printf '%-34s %-16s %12s %12s %12s %12s\n' "$(basename "$doc")" "$suite" \
      "$(printf '%s\n' "${bs[@]}" | median)" "$(printf '%s\n' "${hs[@]}" | median)" \
      "$(printf '%s\n' "${bv[@]}" | median)" "$(printf '%s\n' "${hv[@]}" | median)"
  done
done
