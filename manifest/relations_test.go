package manifest

import (
	"strings"
	"testing"

	"github.com/kviz/kviz/model"
)

const app = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop, uid: d1}
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          envFrom: [{configMapRef: {name: settings}}, {secretRef: {name: keys}}]
          env:
            - {name: CACHE_URL, value: "redis://cache.shop.svc.cluster.local:6379/1"}
            - {name: PORT, value: "8080"}
            - {name: MODE, value: "web"}
            - {name: DOCS_URL, value: "https://example.com/docs"}
      volumes:
        - name: p
          projected: {sources: [{configMap: {name: extra}}, {secret: {name: certs}}]}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-abc
  namespace: shop
  ownerReferences: [{kind: Deployment, name: web}]
spec: {template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web}]}}}
---
apiVersion: v1
kind: Pod
metadata:
  name: web-abc-1
  namespace: shop
  labels: {app: web}
  ownerReferences: [{kind: ReplicaSet, name: web-abc}]
spec: {containers: [{name: web}]}
---
apiVersion: v1
kind: Service
metadata: {name: cache, namespace: shop}
spec: {selector: {app: cache}, ports: [{port: 6379}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web, namespace: shop}
spec: {scaleTargetRef: {kind: Deployment, name: web}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: only-web, namespace: shop}
spec: {podSelector: {matchLabels: {app: web}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop}
spec:
  tls: [{secretName: web-tls}]
  defaultBackend: {service: {name: web, port: {number: 80}}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: report, namespace: shop}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          serviceAccountName: reporter
          containers: [{name: r, env: [{name: DB_HOST, value: cache}]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read, namespace: shop}
roleRef: {kind: Role, name: reader}
subjects: [{kind: ServiceAccount, name: reporter}]
`

func build(t *testing.T, opts Options) map[string]*model.DocEdge {
	t.Helper()
	objs, err := Read("app.yaml", []byte(app))
	if err != nil {
		t.Fatal(err)
	}
	edges := map[string]*model.DocEdge{}
	for _, e := range Build(objs, opts).Edges {
		edges[e.From+" -> "+e.To] = e
	}
	return edges
}

func TestRelations(t *testing.T) {
	edges := build(t, Options{})
	for _, want := range []struct{ from, to, relation, label string }{
		{"deployment.shop.web", "replicaset.shop.web-abc", "owns", ""},
		{"replicaset.shop.web-abc", "pod.shop.web-abc-1", "owns", ""},
		{"deployment.shop.web", "configmap.shop.settings", "env", "envFrom"},
		{"deployment.shop.web", "secret.shop.keys", "env", "envFrom"},
		{"deployment.shop.web", "configmap.shop.extra", "mounts", ""},
		{"deployment.shop.web", "secret.shop.certs", "mounts", ""},
		{"deployment.shop.web", "service.shop.cache", "calls (inferred)", "6379"},
		{"service.shop.web", "deployment.shop.web", "selects", "80→http"},
		{"service.shop.web", "pod.shop.web-abc-1", "selects", ""},
		{"horizontalpodautoscaler.shop.web", "deployment.shop.web", "scales", ""},
		{"networkpolicy.shop.only-web", "deployment.shop.web", "applies to", ""},
		{"ingress.shop.web", "service.shop.web", "routes", "default :80"},
		{"ingress.shop.web", "secret.shop.web-tls", "tls", ""},
		{"cronjob.shop.report", "serviceaccount.shop.reporter", "uses", ""},
		{"cronjob.shop.report", "service.shop.cache", "calls (inferred)", ""},
		{"rolebinding.shop.read", "role.shop.reader", "grants", ""},
		{"rolebinding.shop.read", "serviceaccount.shop.reporter", "grants", ""},
	} {
		e := edges[want.from+" -> "+want.to]
		if e == nil {
			t.Errorf("no edge %s -> %s", want.from, want.to)
			continue
		}
		if e.Relation != want.relation || !strings.Contains(e.Label, want.label) {
			t.Errorf("%s -> %s is %q %q, want %q holding %q", want.from, want.to, e.Relation, e.Label, want.relation, want.label)
		}
	}
	// Not addresses: a port number, a word in a variable not named for a
	// host, a web site.
	for k := range edges {
		if strings.HasPrefix(k, "deployment.shop.web -> service.shop.web") || strings.Contains(k, "example") {
			t.Errorf("unexpected edge %s", k)
		}
	}
}

func TestHideOwned(t *testing.T) {
	edges := build(t, Options{HideOwned: true})
	for k := range edges {
		if strings.Contains(k, "replicaset.") || strings.Contains(k, "pod.") {
			t.Errorf("--hide-owned kept %s", k)
		}
	}
	if edges["service.shop.web -> deployment.shop.web"] == nil {
		t.Error("--hide-owned dropped the owner's own edges")
	}
}

func TestAddress(t *testing.T) {
	for _, c := range []struct {
		in, host, port string
		explicit       bool
	}{
		{"cart:7070", "cart", "7070", true},
		{"redis://cache:6379/1", "cache", "6379", true},
		{"http://web", "web", "", true},
		{"https://api.example.com/v1", "api.example.com", "", true},
		{"wordpress-mysql", "wordpress-mysql", "", false},
		{"8080", "", "", false},
		{"true", "true", "", false},
		{"a b", "", "", false},
		{"10.0.0.1:80", "10.0.0.1", "80", true},
	} {
		h, p, e := address(c.in)
		if h != c.host || p != c.port || e != c.explicit {
			t.Errorf("address(%q) = %q %q %v, want %q %q %v", c.in, h, p, e, c.host, c.port, c.explicit)
		}
	}
	for _, c := range []struct{ host, name, ns string }{
		{"cart", "cart", "default"}, {"cart.shop", "cart", "shop"}, {"cart.shop.svc.cluster.local", "cart", "shop"},
		{"api.example.com", "", ""}, {"10.0.0.1", "", ""},
	} {
		if n, ns := serviceOf(c.host, "default"); n != c.name || ns != c.ns {
			t.Errorf("serviceOf(%q) = %q %q, want %q %q", c.host, n, ns, c.name, c.ns)
		}
	}
}

// TestImportIsFormatted: the model kviz import writes loads, and is
// already in kviz fmt's form.
func TestImportIsFormatted(t *testing.T) {
	objs, err := Read("app.yaml", []byte(app))
	if err != nil {
		t.Fatal(err)
	}
	data, err := Build(objs, Options{}).YAML()
	if err != nil {
		t.Fatal(err)
	}
	formatted, err := model.Format("model.yaml", data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if string(formatted) != string(data) {
		t.Errorf("kviz import's model is not formatted:\n%s\nformatted:\n%s", data, formatted)
	}
}
