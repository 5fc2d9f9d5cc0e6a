#!/usr/bin/env bash
# Runs every benchmark and prints the figures README.md's benchmark table is made from.
#   bench/run.sh            import timing (fresh processes, in a ReadyToRun and a plain engine build), the
#                           BenchmarkDotNet suites, then the bulk runs
#   bench/run.sh --quick    import timing (5 runs), the evaluator's rough CPU-time figures and the comparison with
#                           iam-simulate only: a smoke run of a few minutes (CI runs it)
#   bench/run.sh --bulk     only the bulk runs against radosgw behind a 20 ms delaying proxy, at -ThrottleLimit 1, 8, 32:
#                           Grant-XAccountAcl -Prefix over 1,000 and 10,000 objects, Get-XAccountAccessReport over
#                           100 buckets (~25 min; bench/S3CrossAccount.BulkBenchmarks takes its options after --bulk,
#                           e.g. --suite report --runs 3)
# The default run ends with the bulk bench when radosgw is installed, and says it skipped it otherwise. The comparison
# with @cloud-copilot/iam-simulate needs node and npm (skipped with a line saying so otherwise); IAM_SIMULATE_VERSION
# picks another version than the one README's figures were measured with.
# Figures are medians of repeated runs. Nothing here is a test: no figure fails a build.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--quick" ]; then runs=${BENCH_IMPORT_RUNS:-5}; else runs=${BENCH_IMPORT_RUNS:-11}; fi

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

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# dotnet's own output only when a step fails (with set -e a silent failure would look like a finished run).
quiet() { "$@" -v q -nologo >"$tmp/dotnet.log" 2>&1 || { cat "$tmp/dotnet.log" >&2; echo "bench/run.sh: failed: $*" >&2; exit 1; }; }
quiet dotnet build src/S3CrossAccount/S3CrossAccount.csproj -c Release
quiet dotnet build tools/XAccountShell/XAccountShell.csproj -c Release
# pwsh 7 ships its assemblies ReadyToRun-compiled (PowerShell/PowerShell#12361 turned it on; #16297 checked that every
# package assembly, System.Management.Automation included, is precompiled), but the System.Management.Automation
# package is IL only: a host built from it JIT-compiles the engine at every start. The import is measured in both
# hosts: published ReadyToRun (what a pwsh 7 session pays) and the plain build (the worst case, e.g. a test host).
# MSBuildCopyContentTransitively=false: the host's publish takes the runtime files of its direct references only. The
# module project references tools/HelpGen (an executable) for build order, and a transitive copy would look for
# HelpGen's apphost, deps.json and runtimeconfig.json in a RID-specific output (HelpGen/bin/Release/net10.0/<rid>/)
# that no build produces: MSB3030 on a fresh clone. The host needs none of HelpGen's files.
quiet dotnet publish tools/XAccountShell/XAccountShell.csproj -c Release --use-current-runtime --self-contained false \
  -p:PublishReadyToRun=true -p:BuildProjectReferences=false -p:MSBuildCopyContentTransitively=false -o "$tmp/r2r"
il=tools/XAccountShell/bin/Release/net10.0/XAccountShell.dll
r2r=$tmp/r2r/XAccountShell.dll

median() { sort -n | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else printf "%.1f\n", (v[NR/2]+v[NR/2+1])/2}'; }

# The manifests: the module; PowerShell's own cost of a cold Import-Module (an empty manifest), so that the module's
# share is the difference; and, to see where that share goes, the module without its format file and with a format
# file of one view.
module=$(dotnet msbuild src/S3CrossAccount/S3CrossAccount.csproj -getProperty:ModuleOutDir -p:Configuration=Release)S3CrossAccount.psd1
printf "@{ ModuleVersion = '1.0'; GUID = '0b6c2a53-5a0e-4a5e-9a43-6f3d2f0e9a11'; CmdletsToExport = @() }\n" > "$tmp/empty.psd1"
cp -r "$(dirname "$module")" "$tmp/noformat"
sed -i '/FormatsToProcess/d' "$tmp/noformat/S3CrossAccount.psd1"
cp -r "$(dirname "$module")" "$tmp/oneview"
awk '/<\/ViewDefinitions>/ {tail = 1} /<View>/ {n++} n <= 1 || tail {print} /<\/View>/ && n == 1 {n++}' \
  "$(dirname "$module")/S3CrossAccount.Format.ps1xml" > "$tmp/oneview/S3CrossAccount.Format.ps1xml"

# Import: a fresh process each time (what a new PowerShell session pays), the first offline result after it, and
# whether any AWS SDK assembly was loaded by then (it must not be). The variants run interleaved, so that noise
# from other processes spreads over all of them.
offline='New-XAccountBucketPolicy -Bucket account-a-bucket -Principal arn:aws:iam::222233334444:user/AccountBUserName -Access ReadWrite | ConvertTo-XAccountPolicyJson'
run() { # run <name> <host> <manifest> <script> [--assemblies]
  HOME="$tmp" S3CROSSACCOUNT_MANIFEST="$3" dotnet "$2" --timing ${5:-} "$4" >/dev/null 2>"$tmp/$1.$i" || { cat "$tmp/$1.$i" >&2; exit 1; }
}
for i in $(seq "$runs"); do
  for h in r2r il; do
    host=${!h}
    run "$h-module" "$host" "$module" "$offline" --assemblies
    run "$h-empty" "$host" "$tmp/empty.psd1" '1'
  done
  run r2r-noformat "$r2r" "$tmp/noformat/S3CrossAccount.psd1" '1'
  run r2r-oneview "$r2r" "$tmp/oneview/S3CrossAccount.psd1" '1'
done
field() { for f in "$tmp/$1".*; do sed -n "s/^$2=//p" "$f"; done | median; }
# A share: the median of each run's difference with the empty-manifest run next to it.
share() { for i in $(seq "$runs"); do
  a=$(sed -n "s/^module-import-ms=//p" "$tmp/$1.$i"); b=$(sed -n "s/^module-import-ms=//p" "$tmp/$2.$i")
  awk -v a="$a" -v b="$b" 'BEGIN {printf "%.1f\n", a-b}'; done | median; }
first_offline() { for f in "$tmp/$1".*; do
  awk -F= '/^import-ms=/{i=$2} /^first-result-ms=/{r=$2} END {printf "%.1f\n", r-i}' "$f"; done | median; }
sdk() { cat "$tmp/$1".* | grep -c '^assembly=AWSSDK' || true; }
row() { echo "| $2 | $(field "$1-module" engine-ms) | $(field "$1-module" module-import-ms) | $(field "$1-empty" module-import-ms) | $(share "$1-module" "$1-empty") | $(first_offline "$1-module") | $(sdk "$1-module") |"; }
echo "## Import (median of $runs fresh processes, ms)"
echo "| engine build | engine start (runspace open) | Import-Module by manifest | the engine's cold Import-Module of an empty manifest | the module's own share | first offline result after import | AWSSDK assemblies loaded |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
row r2r "ReadyToRun, as pwsh 7 ships it"
row il "IL only, the package as it is"
echo
echo "## Where the module's share goes (ReadyToRun engine, median of $runs paired runs, ms)"
echo "| without its format file | with a one-view format file | with its format file ($(grep -c '<View>' "$(dirname "$module")/S3CrossAccount.Format.ps1xml") views) |"
echo "| ---: | ---: | ---: |"
echo "| $(share r2r-noformat r2r-empty) | $(share r2r-oneview r2r-empty) | $(share r2r-module r2r-empty) |"
echo

# The evaluator beside @cloud-copilot/iam-simulate on the same scenario (the 101-statement bucket policy and the identity
# policy of EvaluatorBenchmarks, which the bench writes out as iam-simulate's input), in CPU time per decision, one after
# the other in this run. The package is installed from npm into the scratch folder, never into the project.
compare() { # compare <milliseconds per figure>
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "iam-simulate comparison skipped: node and npm are not installed."
    return 0
  fi
  local dir="$tmp/iam-simulate" version=${IAM_SIMULATE_VERSION:-0.1.173}
  mkdir -p "$dir"
  cp bench/iam-simulate/simulate.mjs "$dir/"
  printf '{ "private": true, "type": "module" }\n' > "$dir/package.json"
  if ! (cd "$dir" && npm install --no-audit --no-fund "@cloud-copilot/iam-simulate@$version" >"$dir/npm.log" 2>&1); then
    cat "$dir/npm.log" >&2
    echo "iam-simulate comparison skipped: npm could not install @cloud-copilot/iam-simulate@$version."
    return 0
  fi
  dotnet "$bench" --scenario "$dir/scenario.json"
  local ours theirs
  ours=$(dotnet "$bench" --compare "$1")
  theirs=$(node "$dir/simulate.mjs" "$dir/scenario.json" "$1")
  local decide json sim
  decide=$(sed -n 's/^s3crossaccount-decide-per-cpu-second=//p' <<<"$ours")
  json=$(sed -n 's/^s3crossaccount-from-json-per-cpu-second=//p' <<<"$ours")
  sim=$(sed -n 's/^iam-simulate-decisions-per-cpu-second=//p' <<<"$theirs")
  if ! grep -q '^s3crossaccount-allowed=true' <<<"$ours" || ! grep -q '^iam-simulate-allowed=true' <<<"$theirs"; then
    echo "bench/run.sh: the two evaluators do not both allow the scenario:" >&2
    echo "$ours" "$theirs" >&2
    exit 1
  fi
  echo "## Beside @cloud-copilot/iam-simulate $version (node $(node --version)), same scenario, decisions per CPU-second"
  echo "| evaluator | decisions per CPU-second | ratio to iam-simulate |"
  echo "| --- | ---: | ---: |"
  awk -v d="$decide" -v j="$json" -v s="$sim" 'BEGIN {
    printf "| S3CrossAccount AccessEvaluator.Decide, compiled policies | %.0f | %.0f |\n", d, d / s
    printf "| S3CrossAccount from the policy JSON each time (parse, compile, Evaluate with reason and layers) | %.0f | %.1f |\n", j, j / s
    printf "| iam-simulate runSimulation (policy JSON in, explained result out) | %.0f | 1 |\n", s }'
  echo
}

quiet dotnet build bench/S3CrossAccount.Benchmarks/S3CrossAccount.Benchmarks.csproj -c Release
bench=bench/S3CrossAccount.Benchmarks/bin/Release/net10.0/S3CrossAccount.Benchmarks.dll

if [ "${1:-}" = "--quick" ]; then
  echo "## Evaluator (rough: no BenchmarkDotNet harness)"
  dotnet "$bench" --quick
  echo
  compare 1000
  exit 0
fi

compare 3000

# BenchmarkDotNet reports Mean and Median per benchmark; its GitHub-flavoured tables are printed as they are.
rm -rf BenchmarkDotNet.Artifacts/results  # only this run's reports are printed
dotnet run --project bench/S3CrossAccount.Benchmarks -c Release -- --filter '*' --join --exporters github >/dev/null
for report in BenchmarkDotNet.Artifacts/results/*-report-github.md; do
  cat "$report"
  echo
done

bulk
