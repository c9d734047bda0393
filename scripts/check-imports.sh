#!/usr/bin/env bash
# Lists the modules each target imports and fails when one is not a declared dependency of that target
# (a target or product in its Package.swift), so nothing builds only because another target pulled it in.
# Standard-library and platform modules (Foundation, Glibc, Testing, ...) need no declaration.
#   scripts/check-imports.sh                 # the root package, Benchmarks and Fuzz
#   scripts/check-imports.sh Benchmarks      # one package
set -euo pipefail
cd "$(dirname "$0")/.."

PLATFORM=" Foundation FoundationEssentials FoundationInternationalization FoundationNetworking FoundationXML
  Dispatch Glibc Musl Darwin Android WinSDK Bionic os Testing XCTest _Concurrency _StringProcessing Synchronization "
packages=("$@")
[ ${#packages[@]} -gt 0 ] || packages=(. Benchmarks Fuzz)

# The modules imported by the Swift files under $1, one a line.
imports() {
  grep -rhE --include='*.swift' '^[[:space:]]*(@[A-Za-z_]+(\([^)]*\))?[[:space:]]+)*import[[:space:]]' "$1" |
    sed -E 's/^[[:space:]]*(@[A-Za-z_]+(\([^)]*\))?[[:space:]]+)*import[[:space:]]+((struct|class|enum|protocol|func|var|let|typealias)[[:space:]]+)?//' |
    sed -E 's/[^A-Za-z0-9_].*$//' | sort -u
}

undeclared=0
for package in "${packages[@]}"; do
  manifest=$(cd "$package" && swift package dump-package)
  echo "== $package"
  # name, directory, then the declared dependencies' names (targets and products alike).
  while IFS=$'\t' read -r name directory declared; do
    [ -d "$package/$directory" ] || { echo "check-imports: no $package/$directory for target $name" >&2; exit 2; }
    imported=$(imports "$package/$directory" | tr '\n' ' ')
    missing=""
    for module in $imported; do
      case "$PLATFORM" in *" $module "*) continue ;; esac
      [ "$module" = "$name" ] && continue
      case " $declared " in *" $module "*) ;; *) missing+="$module " ;; esac
    done
    printf '  %-28s imports %s\n' "$name" "${imported:-nothing}"
    if [ -n "$missing" ]; then
      printf '  %-28s UNDECLARED %s\n' "" "$missing"
      undeclared=$((undeclared + $(wc -w <<< "$missing")))
    fi
  done < <(jq -r '.targets[] | select(.type != "system") |
      [.name,
       (.path // ((if .type == "test" then "Tests/" else "Sources/" end) + .name)),
       ([.dependencies[] | (.byName // .product // .target)[0]] | join(" "))] | @tsv' <<< "$manifest")
done
if [ "$undeclared" -gt 0 ]; then
  echo "check-imports: $undeclared import(s) not declared as a dependency of the importing target" >&2
  exit 1
fi
echo "check-imports: every import is declared"
