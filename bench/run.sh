#!/usr/bin/env bash
# Runs every benchmark and prints the figures README.md's benchmark table is made from.
#   bench/run.sh            import timing (fresh processes) and the BenchmarkDotNet suites
#   bench/run.sh --quick    import timing and the evaluator's rough CPU-time figures only
#   bench/run.sh --bulk     only the bulk ACL bench: Grant-XAccountAcl -Prefix over 1,000 and 10,000 objects
#                           against radosgw behind a 20 ms delaying proxy, at -ThrottleLimit 1, 8, 32 (~15 min;
#                           bench/S3CrossAccount.BulkBenchmarks takes its options after --bulk, e.g. --runs 5)
# The default run ends with the bulk bench when radosgw is installed, and says it skipped it otherwise.
# Figures are medians of repeated runs. Nothing here is a test: no figure fails a build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${BENCH_IMPORT_RUNS:-11}

# Starts and stops its own radosgw (tests/integration/rgw/start.sh); never installs packages.
bulk() {
  if ! command -v radosgw >/dev/null 2>&1; then
    echo "Bulk ACL benchmark skipped: radosgw is not installed (see tests/S3CrossAccount.IntegrationTests/README-HARNESS.md)."
    return 0
  fi
  dotnet build bench/S3CrossAccount.BulkBenchmarks/S3CrossAccount.BulkBenchmarks.csproj -c Release -v q -nologo >/dev/null
  dotnet bench/S3CrossAccount.BulkBenchmarks/bin/Release/net10.0/S3CrossAccount.BulkBenchmarks.dll "$@"
}

if [ "${1:-}" = "--bulk" ]; then
  shift
  bulk "$@"
  exit 0
fi

dotnet build src/S3CrossAccount/S3CrossAccount.csproj -c Release -v q -nologo >/dev/null
dotnet build tools/XAccountShell/XAccountShell.csproj -c Release -v q -nologo >/dev/null
shell=tools/XAccountShell/bin/Release/net10.0/XAccountShell.dll

median() { sort -n | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else printf "%.1f\n", (v[NR/2]+v[NR/2+1])/2}'; }

# Import: a fresh process each time (what a new PowerShell session pays), the first offline result after
# it, and whether any AWS SDK assembly was loaded by then (it must not be).
offline='New-XAccountBucketPolicy -Bucket account-a-bucket -Principal arn:aws:iam::222233334444:user/AccountBUserName -Access ReadWrite | ConvertTo-XAccountPolicyJson'
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The engine's own cost of a cold Import-Module (an empty manifest) is measured in the same runs, interleaved,
# so the module's share is the difference.
printf "@{ ModuleVersion = '1.0'; GUID = '0b6c2a53-5a0e-4a5e-9a43-6f3d2f0e9a11'; CmdletsToExport = @() }\n" > "$tmp/empty.psd1"
for i in $(seq "$runs"); do
  HOME="$tmp" dotnet "$shell" --timing --assemblies "$offline" >/dev/null 2>"$tmp/run$i"
  HOME="$tmp" S3CROSSACCOUNT_MANIFEST="$tmp/empty.psd1" dotnet "$shell" --timing '1' >/dev/null 2>"$tmp/empty$i"
done
field() { for f in "$tmp"/run*; do sed -n "s/^$1=//p" "$f"; done | median; }
empty=$(for f in "$tmp"/empty*; do sed -n "s/^module-import-ms=//p" "$f"; done | median)
# The module's own share: the median of each run's difference with the empty-manifest run next to it.
share=$(for i in $(seq "$runs"); do
  a=$(sed -n "s/^module-import-ms=//p" "$tmp/run$i"); b=$(sed -n "s/^module-import-ms=//p" "$tmp/empty$i")
  awk -v a="$a" -v b="$b" 'BEGIN {printf "%.1f\n", a-b}'; done | median)
first_offline=$(for f in "$tmp"/run*; do
  awk -F= '/^import-ms=/{i=$2} /^first-result-ms=/{r=$2} END {printf "%.1f\n", r-i}' "$f"; done | median)
sdk=$(cat "$tmp"/run* | grep -c '^assembly=AWSSDK' || true)
echo "## Import (median of $runs fresh processes, ms)"
echo "| engine start (runspace open) | Import-Module by manifest | the engine's cold Import-Module of an empty manifest | the module's own share | first offline result after import | AWSSDK assemblies loaded |"
echo "| --- | --- | --- | --- | --- | --- |"
echo "| $(field engine-ms) | $(field module-import-ms) | $empty | $share | $first_offline | $sdk |"
echo

if [ "${1:-}" = "--quick" ]; then
  dotnet run --project bench/S3CrossAccount.Benchmarks -c Release -- --quick
  exit 0
fi

# BenchmarkDotNet reports Mean and Median per benchmark; its GitHub-flavoured tables are printed as they are.
dotnet run --project bench/S3CrossAccount.Benchmarks -c Release -- --filter '*' --join --exporters github >/dev/null
for report in BenchmarkDotNet.Artifacts/results/*-report-github.md; do
  cat "$report"
  echo
done

bulk
