#!/usr/bin/env bash
# Renders the gallery in docs/: the seed figures in every theme, as SVG and
# PNG, the kinds gallery, and the test models. Run from the repository root
# (make figures).
set -euo pipefail
kviz=${KVIZ:-bin/kviz}
out=docs/gallery
mkdir -p "$out"
for f in testdata/figures/*.yaml testdata/models/*.yaml testdata/fonts/*.yaml; do
	name=$(basename "$f" .yaml)
	"$kviz" render "$f" -o "$out/$name.svg"
	"$kviz" render "$f" -o "$out/$name.png" --scale 2
done
for theme in light dark mono; do
	"$kviz" render testdata/figures/cluster.yaml --theme "$theme" -o "$out/cluster-$theme.png" --scale 2
	"$kviz" render testdata/figures/choreography.yaml --theme "$theme" -o "$out/choreography-$theme.png" --scale 2
done
# The big service map across: LR must come out wider than TB. Its
# "before" (service-map-before.png) was drawn by kviz before issue #10 and
# is kept as it is, for comparison.
"$kviz" render testdata/models/service-map.yaml --direction LR -o "$out/service-map-lr.png" --scale 2
"$kviz" kinds -o docs/kinds.svg
"$kviz" kinds -o docs/kinds.png --scale 2

# Real manifests from the shared corpus, when it is beside the repository.
corpus=../shared/corpus/manifests
if [ -d "$corpus" ]; then
	"$kviz" render "$corpus/microservices-demo/kubernetes-manifests.yaml" -o "$out/microservices-demo.svg"
	"$kviz" render "$corpus/microservices-demo/kubernetes-manifests.yaml" -o "$out/microservices-demo.png" --scale 2
	cat "$corpus/istio-bookinfo/bookinfo.yaml" "$corpus/istio-bookinfo/bookinfo-ingress.yaml" > /tmp/kviz-bookinfo.yaml
	"$kviz" render /tmp/kviz-bookinfo.yaml -o "$out/bookinfo.svg"
	"$kviz" render /tmp/kviz-bookinfo.yaml -o "$out/bookinfo.png" --scale 2
	"$kviz" import "$corpus/k8s-website/wordpress" -o /tmp/kviz-wordpress.yaml
	"$kviz" render /tmp/kviz-wordpress.yaml -o "$out/wordpress.png" --scale 2
	"$kviz" import "$corpus/kubernetes-examples/tf-serving" -o /tmp/kviz-tf.yaml
	"$kviz" render /tmp/kviz-tf.yaml -o "$out/tf-serving.png" --scale 2
fi

# The four-step build of the cluster figure, for the README's Slides
# section: one PNG a step, every one the same size, nothing moved.
"$kviz" render testdata/models/cluster-steps.yaml --steps -o docs/slides/ -f png
