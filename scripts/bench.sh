#!/usr/bin/env bash
# Times whole kviz processes side by side with native Graphviz on the same
# graph (the DOT kviz itself hands to Graphviz, `-f dot`), in one run on one
# machine. Needs hyperfine; native Graphviz is optional (apt-get install
# graphviz hyperfine). Run from the repository root: scripts/bench.sh
# BEFORE=path/to/older/kviz adds its timings, for a before/after table.
set -euo pipefail
command -v hyperfine >/dev/null || { echo "bench.sh needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
go build -o bin/kviz ./cmd/kviz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fig=testdata/figures/cluster.yaml
bin/kviz version -v >/dev/null # warm the compiled-Graphviz cache once
bin/kviz render "$fig" -o "$work/cluster.dot"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
cmds=(
	-n "kviz svg" "bin/kviz render $fig -o $work/a.svg"
	-n "kviz png" "bin/kviz render $fig -o $work/a.png"
	-n "kviz png --scale 2" "bin/kviz render $fig -o $work/b.png --scale 2"
)
if [ -n "${BEFORE:-}" ]; then
	cmds+=(
		-n "before: kviz svg" "$BEFORE render $fig -o $work/c.svg"
		-n "before: kviz png" "$BEFORE render $fig -o $work/c.png"
		-n "before: kviz png --scale 2" "$BEFORE render $fig -o $work/f.png --scale 2"
	)
fi
if command -v dot >/dev/null; then
	cmds+=(
		-n "dot -Tsvg" "dot -Tsvg $work/cluster.dot -o $work/d.svg"
		-n "dot -Tpng" "dot -Tpng $work/cluster.dot -o $work/d.png"
		-n "dot -Tpng -Gdpi=144" "dot -Tpng -Gdpi=144 $work/cluster.dot -o $work/e.png"
	)
fi
hyperfine --warmup 3 --runs 20 --style basic --export-markdown "$work/table.md" "${cmds[@]}" >/dev/null
cat "$work/table.md"

# The 1,500-node model: 60 namespaces of 25 pods, 5 services each.
big=$work/big.yaml
{
	echo "nodes:"
	for n in $(seq 0 59); do
		printf '  - id: ns%d\n    kind: namespace\n    nodes:\n' "$n"
		for p in $(seq 0 24); do printf '      - {id: p%d-%d, kind: pod}\n' "$n" "$p"; done
		for s in $(seq 0 4); do printf '      - {id: s%d-%d, kind: svc}\n' "$n" "$s"; done
	done
	echo "edges:"
	for n in $(seq 0 59); do for s in $(seq 0 4); do for p in $(seq 0 4); do
		printf '  - {from: s%d-%d, to: p%d-%d}\n' "$n" "$s" "$n" $((s * 5 + p))
	done; done; done
} >"$big"
for f in svg png; do
	/usr/bin/time -f "1,500 nodes to $f: %e s, %M KiB peak" bin/kviz render "$big" -o "$work/big.$f"
done

# 40 models in one call against one model alone.
mkdir -p "$work/many"
for i in $(seq 1 40); do cp "$fig" "$work/many/m$i.yaml"; done
hyperfine --warmup 1 --runs 5 --style basic --export-markdown "$work/batch.md" \
	-n "1 model" "bin/kviz render $fig -o $work/one.svg" \
	-n "40 models, one call" "bin/kviz render $work/many -o $work/out" >/dev/null
cat "$work/batch.md"
