package manifest

import (
	"math"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

var (
	hostPort = regexp.MustCompile(`^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*):(\d{1,5})$`)
	dnsLabel = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)
	hostVar  = regexp.MustCompile(`(?i)(HOST|ADDR|ADDRESS|SERVER|ENDPOINT|URL|URI|SERVICE)S?$`)
)

// calls infers that a workload calls a Service from its containers' env:
// a value "host:port", a URL, or a bare host that names a Service. The
// host resolves as a Service name (and namespace, from "svc.ns" or
// "svc.ns.svc.cluster.local"); a port must be one of the Service's ports,
// not a target port. An address whose Service is not in the input is drawn
// to a missing Service. A bare word counts only in a variable whose name
// says it holds a host (DB_HOST, not DB_USER=wordpress); a bare word that
// names no Service is never an address.
func (g *graph) calls(w *Object, c any) {
	for _, e := range list(c, "env") {
		v := str(e, "value")
		if v == "" || strings.Contains(v, "$(") {
			continue
		}
		host, port, explicit := address(v)
		if host == "" || !explicit && !hostVar.MatchString(str(e, "name")) {
			continue
		}
		name, ns := serviceOf(host, w.Namespace)
		if name == "" {
			continue
		}
		svc := g.find("Service", ns, name)
		switch {
		case svc != nil && (port == "" || hasPort(svc, port)):
			g.link(w, svc, calls, port)
		case svc == nil && explicit && name != "localhost" && clusterHost(host):
			g.link(w, g.ref("Service", ns, name), calls, port)
		}
	}
}

// address reads a host and port from an env value. explicit is true for a
// host:port or URL, false for a bare host.
func address(v string) (host, port string, explicit bool) {
	if strings.Contains(v, "://") {
		u, err := url.Parse(v)
		if err != nil || u.Hostname() == "" {
			return "", "", false
		}
		return strings.ToLower(u.Hostname()), u.Port(), true
	}
	if m := hostPort.FindStringSubmatch(v); m != nil {
		return m[1], m[5], true
	}
	if dnsLabel.MatchString(v) && !isNumber(v) {
		return v, "", false
	}
	return "", "", false
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// serviceOf maps a host onto a Service name and namespace: "svc",
// "svc.ns", "svc.ns.svc" or "svc.ns.svc.cluster.local". Other dotted
// hosts (example.com, an IP) are not Services.
func serviceOf(host, ns string) (string, string) {
	parts := strings.Split(host, ".")
	switch {
	case len(parts) == 1:
		return parts[0], ns
	case len(parts) == 2 && !isNumber(parts[1]):
		return parts[0], parts[1]
	case len(parts) >= 3 && parts[2] == "svc":
		return parts[0], parts[1]
	}
	return "", ""
}

// clusterHost reports whether a host can only be a Service: a bare name or
// a .svc name. "example.com" might be one (service example, namespace
// com) but is far likelier a site, so it is drawn only when that Service
// is in the input.
func clusterHost(host string) bool {
	return !strings.Contains(host, ".") || strings.Contains(host, ".svc")
}

func hasPort(svc *Object, port string) bool {
	for _, p := range list(svc.Body, "spec", "ports") {
		if str(p, "port") == port {
			return true
		}
	}
	return false
}

// inferBinds pairs each claim that names no volume with the first free
// volume of the same storage class that is large enough and offers its
// access modes: how the control plane binds them statically.
func (g *graph) inferBinds() {
	bound := map[*Object]bool{}
	for _, e := range g.edges {
		if e.Relation == binds.name {
			bound[g.ends[e][0]], bound[g.ends[e][1]] = true, true
		}
	}
	for _, pvc := range g.objs {
		if pvc.Kind != "PersistentVolumeClaim" || bound[pvc] {
			continue
		}
		want := str(pvc.Body, "spec", "storageClassName")
		need := quantity(str(pvc.Body, "spec", "resources", "requests", "storage"))
		for _, pv := range g.objs {
			if pv.Kind != "PersistentVolume" || bound[pv] || get(pv.Body, "spec", "claimRef") != nil {
				continue
			}
			if str(pv.Body, "spec", "storageClassName") != want || want == "" {
				continue
			}
			if quantity(str(pv.Body, "spec", "capacity", "storage")) < need || !modesCover(pv, pvc) {
				continue
			}
			g.link(pvc, pv, bindsInf, "")
			bound[pv], bound[pvc] = true, true
			break
		}
	}
}

func modesCover(pv, pvc *Object) bool {
	have := map[string]bool{}
	for _, m := range list(pv.Body, "spec", "accessModes") {
		have[str(m)] = true
	}
	for _, m := range list(pvc.Body, "spec", "accessModes") {
		if !have[str(m)] {
			return false
		}
	}
	return true
}

// quantity reads a Kubernetes quantity ("20Gi", "500M", "1.5") in bytes
// or units; an unreadable one is 0.
func quantity(q string) float64 {
	suffixes := []struct {
		s string
		m float64
	}{{"Ki", 1 << 10}, {"Mi", 1 << 20}, {"Gi", 1 << 30}, {"Ti", 1 << 40}, {"Pi", 1 << 50},
		{"k", 1e3}, {"K", 1e3}, {"M", 1e6}, {"G", 1e9}, {"T", 1e12}, {"P", 1e15}, {"m", 1e-3}}
	for _, s := range suffixes {
		if strings.HasSuffix(q, s.s) {
			v, err := strconv.ParseFloat(strings.TrimSuffix(q, s.s), 64)
			if err != nil {
				return 0
			}
			return v * s.m
		}
	}
	v, err := strconv.ParseFloat(q, 64)
	if err != nil || math.IsNaN(v) {
		return 0
	}
	return v
}
