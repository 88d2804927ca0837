#!/usr/bin/env bash
# Renders the gallery in docs/: the seed figures in every theme, as SVG and
# PNG, the kinds gallery, and the test models. Run from the repository root
# (make figures).
set -euo pipefail
kviz=${KVIZ:-bin/kviz}
out=docs/gallery
mkdir -p "$out"
for f in testdata/figures/*.yaml testdata/models/*.yaml; do
	name=$(basename "$f" .yaml)
	"$kviz" render "$f" -o "$out/$name.svg"
	"$kviz" render "$f" -o "$out/$name.png" --scale 2
done
for theme in light dark mono; do
	"$kviz" render testdata/figures/cluster.yaml --theme "$theme" -o "$out/cluster-$theme.png" --scale 2
	"$kviz" render testdata/figures/choreography.yaml --theme "$theme" -o "$out/choreography-$theme.png" --scale 2
done
"$kviz" kinds -o docs/kinds.svg
"$kviz" kinds -o docs/kinds.png --scale 2
