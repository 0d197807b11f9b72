#!/usr/bin/env bash
# Lists the samples that have an extension image to build and test: every workspace package under
# samples/ with a Dockerfile and a `test:image` script. A new sample joins the image stage, the CI
# image builds and the release by having both; nothing else names the samples.
# Prints one line per sample: name, folder (from the repository root), image and tag, tab-separated;
# with --json, a JSON array of {name, dir, image, tag} for a GitHub Actions matrix.
# The image and tag are the Makefile's IMAGE and TAG (what `make build-extension` builds); a sample
# without a Makefile gets dext/<name> and its package.json version.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

json=false
case "${1:-}" in
  --json) json=true ;;
  "") ;;
  *) echo "usage: $0 [--json]" >&2; exit 2 ;;
esac

rows=()
for dir in samples/*/; do
  dir=${dir%/}
  if [ ! -f "$dir/package.json" ] || [ ! -f "$dir/Dockerfile" ]; then continue; fi
  # name and version, or nothing when the package has no test:image script.
  info=$(node -e '
    const pkg = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (pkg.scripts && pkg.scripts["test:image"]) console.log(`${pkg.name}\t${pkg.version ?? "0.0.0"}`);
  ' "$dir/package.json")
  [ -n "$info" ] || continue
  name=${info%%$'\t'*}
  version=${info#*$'\t'}
  image="dext/$name" tag=$version
  if [ -f "$dir/Makefile" ]; then
    # The Makefile's own variables, so this list and `make build-extension` never disagree.
    ref=$(make -s --no-print-directory -C "$dir" --eval 'dext-image-ref: ; @echo $(IMAGE) $(TAG)' dext-image-ref)
    image=${ref% *} tag=${ref#* }
  fi
  rows+=("$name"$'\t'"$dir"$'\t'"$image"$'\t'"$tag")
done

if [ "$json" = false ]; then
  if [ ${#rows[@]} -gt 0 ]; then printf '%s\n' "${rows[@]}"; fi
  exit 0
fi
printf '%s\n' "${rows[@]+"${rows[@]}"}" | node -e '
  const lines = require("fs").readFileSync(0, "utf8").split("\n").filter(Boolean);
  const samples = lines.map((line) => {
    const [name, dir, image, tag] = line.split("\t");
    return { name, dir, image, tag };
  });
  process.stdout.write(JSON.stringify(samples) + "\n");
'
