package manifest

import (
	"cmp"
	"maps"
	"slices"
	"strings"
)

// relation is a kind of relationship and how its edges are drawn: each
// relation has one style, so the legend can name it.
type relation struct {
	name, style, arrow, color string
}

var (
	owns     = relation{"owns", "solid", "open", "#8c959f"}
	selects  = relation{"selects", "solid", "", "#326ce5"}
	routes   = relation{"routes", "solid", "", "#1a7f37"}
	tls      = relation{"tls", "dashed", "", "#1a7f37"}
	mounts   = relation{"mounts", "dashed", "", "#8250df"}
	envRef   = relation{"env", "dashed", "", "#bc4c00"}
	binds    = relation{"binds", "solid", "", "#57606a"}
	bindsInf = relation{"binds (inferred)", "dashed", "", "#57606a"}
	scales   = relation{"scales", "dotted", "", "#1a7f37"}
	usesSA   = relation{"uses", "dotted", "", "#6e7781"}
	governs  = relation{"governs", "dashed", "", "#326ce5"}
	calls    = relation{"calls (inferred)", "dotted", "", "#24292f"}
	policy   = relation{"applies to", "dotted", "", "#cf222e"}
	grants   = relation{"grants", "dotted", "", "#9a6700"}
	class    = relation{"class", "dotted", "", "#57606a"}
	refers   = relation{"refers to", "dotted", "", "#6e7781"}
)

// workloads are the kinds that run pods, with where their pod template is.
var workloads = map[string][]string{
	"Deployment":            {"spec", "template"},
	"ReplicaSet":            {"spec", "template"},
	"ReplicationController": {"spec", "template"},
	"StatefulSet":           {"spec", "template"},
	"DaemonSet":             {"spec", "template"},
	"Job":                   {"spec", "template"},
	"CronJob":               {"spec", "jobTemplate", "spec", "template"},
}

// podTemplate is a workload's pod labels and pod spec, or nils.
func podTemplate(o *Object) (labels map[string]string, spec any) {
	if o.Kind == "Pod" {
		return strmap(o.Body, "metadata", "labels"), get(o.Body, "spec")
	}
	path, ok := workloads[o.Kind]
	if !ok {
		return nil, nil
	}
	t := get(o.Body, path...)
	return strmap(t, "metadata", "labels"), get(t, "spec")
}

// containers are a pod spec's init containers and containers.
func containers(spec any) []any {
	return append(append([]any{}, list(spec, "initContainers")...), list(spec, "containers")...)
}

// relate finds every relationship among the objects.
func (g *graph) relate() {
	for _, o := range g.objs {
		g.ownerRefs(o)
		switch o.Kind {
		case "Service":
			g.selects(o)
		case "Ingress":
			g.ingress(o)
		case "PersistentVolumeClaim":
			if vn := str(o.Body, "spec", "volumeName"); vn != "" {
				g.link(o, g.ref("PersistentVolume", "", vn), binds, "")
			}
			g.storageClass(o, o.Body)
		case "PersistentVolume":
			if c := get(o.Body, "spec", "claimRef"); c != nil {
				if pvc := g.find("PersistentVolumeClaim", cmp.Or(str(c, "namespace"), "default"), str(c, "name")); pvc != nil {
					g.link(pvc, o, binds, "")
				}
			}
		case "HorizontalPodAutoscaler":
			if t := get(o.Body, "spec", "scaleTargetRef"); t != nil {
				g.link(o, g.ref(str(t, "kind"), o.Namespace, str(t, "name")), scales, "")
			}
		case "NetworkPolicy":
			g.policy(o)
		case "RoleBinding", "ClusterRoleBinding":
			g.roleBinding(o)
		default:
			if _, known := catalogueKinds[o.Kind]; !known && !clusterScoped[o.Kind] {
				g.customRefs(o)
			}
		}
		if _, spec := podTemplate(o); spec != nil {
			g.pod(o, spec)
		}
		if o.Kind == "StatefulSet" {
			if sn := str(o.Body, "spec", "serviceName"); sn != "" {
				g.link(o, g.ref("Service", o.Namespace, sn), governs, "")
			}
			g.claimTemplates(o)
		}
	}
	if !g.opts.NoInfer {
		g.inferBinds()
	}
}

func (g *graph) ownerRefs(o *Object) {
	for _, r := range list(o.Body, "metadata", "ownerReferences") {
		if owner := g.find(str(r, "kind"), o.Namespace, str(r, "name")); owner != nil {
			g.link(owner, o, owns, "")
		}
	}
}

// selects links a Service to every workload whose pod labels hold all of
// its selector's pairs, labelled with its ports. (A ReplicationController
// without a selector selects its template's labels, which is the same.)
func (g *graph) selects(svc *Object) {
	sel := strmap(svc.Body, "spec", "selector")
	for _, w := range g.objs {
		if w.Namespace != svc.Namespace {
			continue
		}
		labels, spec := podTemplate(w)
		if spec == nil {
			continue
		}
		if subset(sel, labels) {
			g.link(svc, w, selects, portLabel(svc, spec))
		}
	}
}

// portLabel lists a Service's ports as port→targetPort, a named target
// port resolved against the pods' container ports.
func portLabel(svc *Object, spec any) string {
	var parts []string
	for _, p := range list(svc.Body, "spec", "ports") {
		port := str(p, "port")
		target := cmp.Or(str(p, "targetPort"), port)
		if named := target; named != "" && (named[0] < '0' || named[0] > '9') {
			target = containerPort(spec, named)
		}
		if target == port || target == "" {
			parts = append(parts, port)
		} else {
			parts = append(parts, port+"→"+target)
		}
	}
	return strings.Join(parts, ", ")
}

func containerPort(spec any, name string) string {
	for _, c := range containers(spec) {
		for _, p := range list(c, "ports") {
			if str(p, "name") == name {
				return str(p, "containerPort")
			}
		}
	}
	return name
}

func (g *graph) ingress(ing *Object) {
	backend := func(b any, label string) {
		name, port := str(b, "service", "name"), cmp.Or(str(b, "service", "port", "number"), str(b, "service", "port", "name"))
		if name == "" { // extensions/v1beta1
			name, port = str(b, "serviceName"), str(b, "servicePort")
		}
		if name == "" {
			return
		}
		if port != "" {
			label += " :" + port
		}
		g.link(ing, g.ref("Service", ing.Namespace, name), routes, strings.TrimSpace(label))
	}
	if b := or2(get(ing.Body, "spec", "defaultBackend"), get(ing.Body, "spec", "backend")); b != nil {
		backend(b, "default")
	}
	for _, r := range list(ing.Body, "spec", "rules") {
		host := str(r, "host") // none: any host
		for _, p := range list(r, "http", "paths") {
			label := host + cmp.Or(str(p, "path"), "/")
			if t := str(p, "pathType"); t != "" && t != "Prefix" {
				label += " (" + t + ")"
			}
			backend(get(p, "backend"), label)
		}
	}
	for _, t := range list(ing.Body, "spec", "tls") {
		if s := str(t, "secretName"); s != "" {
			g.link(ing, g.ref("Secret", ing.Namespace, s), tls, "")
		}
	}
}

func or2(a, b any) any {
	if a != nil {
		return a
	}
	return b
}

// pod finds what a workload's pods use: volumes, env references, their
// service account, and the services their env names.
func (g *graph) pod(w *Object, spec any) {
	mountPaths := func(volume string) string { return mountsOf(spec, volume) }
	for _, v := range list(spec, "volumes") {
		label := mountPaths(str(v, "name"))
		if c := str(v, "persistentVolumeClaim", "claimName"); c != "" {
			g.link(w, g.ref("PersistentVolumeClaim", w.Namespace, c), mounts, label)
		}
		if c := str(v, "configMap", "name"); c != "" {
			g.link(w, g.ref("ConfigMap", w.Namespace, c), mounts, label)
		}
		if s := str(v, "secret", "secretName"); s != "" {
			g.link(w, g.ref("Secret", w.Namespace, s), mounts, label)
		}
		for _, src := range list(v, "projected", "sources") {
			if c := str(src, "configMap", "name"); c != "" {
				g.link(w, g.ref("ConfigMap", w.Namespace, c), mounts, label)
			}
			if s := str(src, "secret", "name"); s != "" {
				g.link(w, g.ref("Secret", w.Namespace, s), mounts, label)
			}
		}
	}
	for _, c := range containers(spec) {
		for _, e := range list(c, "env") {
			if r := get(e, "valueFrom", "configMapKeyRef"); r != nil {
				g.link(w, g.ref("ConfigMap", w.Namespace, str(r, "name")), envRef, str(r, "key"))
			}
			if r := get(e, "valueFrom", "secretKeyRef"); r != nil {
				g.link(w, g.ref("Secret", w.Namespace, str(r, "name")), envRef, str(r, "key"))
			}
		}
		for _, e := range list(c, "envFrom") {
			if n := str(e, "configMapRef", "name"); n != "" {
				g.link(w, g.ref("ConfigMap", w.Namespace, n), envRef, "envFrom")
			}
			if n := str(e, "secretRef", "name"); n != "" {
				g.link(w, g.ref("Secret", w.Namespace, n), envRef, "envFrom")
			}
		}
		if !g.opts.NoInfer {
			g.calls(w, c)
		}
	}
	sa := cmp.Or(str(spec, "serviceAccountName"), str(spec, "serviceAccount"))
	if sa != "" && (sa != "default" || g.find("ServiceAccount", w.Namespace, sa) != nil) {
		g.link(w, g.ref("ServiceAccount", w.Namespace, sa), usesSA, "")
	}
}

// claimTemplates draws a StatefulSet's volumeClaimTemplates as template
// claims: one node each, not one per replica.
func (g *graph) claimTemplates(sts *Object) {
	for _, t := range list(sts.Body, "spec", "volumeClaimTemplates") {
		name := str(t, "metadata", "name")
		if name == "" {
			continue
		}
		tmpl := &Object{Kind: "PersistentVolumeClaim", Namespace: sts.Namespace, Name: name, Body: textKeys(t),
			APIVersion: "template", Pos: sts.Pos}
		g.templates = append(g.templates, tmpl)
		g.link(sts, tmpl, mounts, claimMounts(sts, name))
		g.storageClass(tmpl, t)
	}
}

func claimMounts(sts *Object, name string) string {
	_, spec := podTemplate(sts)
	return mountsOf(spec, name)
}

// mountsOf lists where the pod's containers mount a volume, each place
// once, with its subPath.
func mountsOf(spec any, volume string) string {
	var paths []string
	for _, c := range containers(spec) {
		for _, m := range list(c, "volumeMounts") {
			if str(m, "name") != volume {
				continue
			}
			p := str(m, "mountPath")
			if sp := str(m, "subPath"); sp != "" {
				p += " (subPath " + sp + ")"
			}
			if !slices.Contains(paths, p) {
				paths = append(paths, p)
			}
		}
	}
	return strings.Join(paths, ", ")
}

// storageClass links a claim to the StorageClass it names, by field or by
// the legacy annotation, when that class is in the input.
func (g *graph) storageClass(claim *Object, body any) {
	sc := cmp.Or(str(body, "spec", "storageClassName"), str(body, "metadata", "annotations", "volume.beta.kubernetes.io/storage-class"))
	if c := g.find("StorageClass", "", sc); sc != "" && c != nil {
		g.link(claim, c, class, "")
	}
}

func (g *graph) policy(np *Object) {
	sel := strmap(np.Body, "spec", "podSelector", "matchLabels")
	if len(sel) == 0 {
		return // all pods of the namespace: an edge to each would say little
	}
	for _, w := range g.objs {
		if labels, spec := podTemplate(w); spec != nil && w.Namespace == np.Namespace && subset(sel, labels) {
			g.link(np, w, policy, "")
		}
	}
}

func (g *graph) roleBinding(b *Object) {
	if r := get(b.Body, "roleRef"); r != nil {
		ns := b.Namespace
		if str(r, "kind") == "ClusterRole" {
			ns = ""
		}
		g.link(b, g.ref(str(r, "kind"), ns, str(r, "name")), grants, "")
	}
	for _, s := range list(b.Body, "subjects") {
		if str(s, "kind") == "ServiceAccount" {
			g.link(b, g.ref("ServiceAccount", cmp.Or(str(s, "namespace"), b.Namespace, "default"), str(s, "name")), grants, "")
		}
	}
}

// customRefs links a custom resource to the objects its spec refers to:
// any {kind, name} reference, and a Knative-style `broker` name.
func (g *graph) customRefs(o *Object) {
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch v := v.(type) {
		case map[string]any:
			if k, n := str(v, "kind"), str(v, "name"); k != "" && n != "" {
				if t := g.find(k, cmp.Or(str(v, "namespace"), o.Namespace), n); t != nil && t != o {
					g.link(o, t, refers, "")
				}
			}
			for _, k := range slices.Sorted(maps.Keys(v)) {
				walk(v[k], depth+1)
			}
		case []any:
			for _, x := range v {
				walk(x, depth+1)
			}
		}
	}
	walk(get(o.Body, "spec"), 0)
	if b := str(o.Body, "spec", "broker"); b != "" {
		if t := g.find("Broker", o.Namespace, b); t != nil {
			g.link(o, t, refers, "broker")
		}
	}
}
