package corpustest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kviz/kviz/manifest"
)

// own holds manifests written for these tests (testdata/manifests): they
// exercise every relationship the shared corpus is checked for, so these
// tests run in any clone. Unlike the corpus tests they never skip.
var own = filepath.Join("..", "..", "testdata", "manifests")

func drawOwn(t *testing.T, opts manifest.Options, files ...string) drawn {
	t.Helper()
	return drawIn(t, own, opts, files...)
}

// TestOwnShop: selects labelled port→targetPort, service accounts, calls
// inferred from *_ADDR values with their ports, a dangling Service, and
// no Service invented for a workload nothing selects.
func TestOwnShop(t *testing.T) {
	d := drawOwn(t, manifest.Options{}, "shop.yaml")
	for _, s := range []string{"web", "catalog", "basket", "basket-store"} {
		d.must(t, "service.default."+s, "deployment.default."+s)
	}
	d.must(t, "service.default.web-public", "deployment.default.web", "80→8080")
	d.must(t, "service.default.catalog", "deployment.default.catalog", "3550")
	for _, s := range []string{"web", "catalog", "basket", "shopper"} {
		d.must(t, "deployment.default."+s, "serviceaccount.default."+s)
	}
	if n := d.count("deployment.", "serviceaccount."); n != 4 {
		t.Errorf("%d uses edges, want 4", n)
	}
	if n := d.count("service.", "deployment."); n != 5 {
		t.Errorf("%d selects edges, want 5", n)
	}
	calls := [][3]string{{"web", "catalog", "3550"}, {"web", "basket", "7070"}, {"web", "advisor", "80"},
		{"basket", "basket-store", "6379"}, {"shopper", "web", "80"}}
	for _, c := range calls {
		d.must(t, "deployment.default."+c[0], "service.default."+c[1], c[2])
	}
	if n := d.count("deployment.", "service."); n != len(calls) {
		t.Errorf("%d call edges, want %d", n, len(calls))
	}
	if l := d.nodes["service.default.advisor"]; !strings.Contains(l, "not in input") {
		t.Errorf("the dangling advisor is labelled %q", l)
	}
	if _, ok := d.nodes["service.default.shopper"]; ok {
		t.Error("a Service for shopper")
	}
}

// TestOwnTiers: Services selecting by two labels select their own tier
// only.
func TestOwnTiers(t *testing.T) {
	d := drawOwn(t, manifest.Options{}, "tiers.yaml")
	d.must(t, "service.default.store-primary", "deployment.default.store-primary", "6379")
	d.must(t, "service.default.store-copy", "deployment.default.store-copy", "6379")
	d.must(t, "service.default.site", "deployment.default.site", "80")
	d.mustNot(t, "service.default.store-primary", "deployment.default.store-copy")
	d.mustNot(t, "service.default.store-copy", "deployment.default.store-primary")
	d.mustNot(t, "service.default.site", "deployment.default.store-primary")
	if len(d.edges) != 3 {
		t.Errorf("%d edges, want 3: %v", len(d.edges), d.edges)
	}
}

// TestOwnReviews: one Service over three versions, a shared service
// account, an Ingress whose paths gather on one edge.
func TestOwnReviews(t *testing.T) {
	d := drawOwn(t, manifest.Options{}, "reviews.yaml")
	for _, v := range []string{"v1", "v2", "v3"} {
		d.must(t, "service.default.notes", "deployment.default.notes-"+v, "9080")
		d.must(t, "deployment.default.notes-"+v, "serviceaccount.default.notes-sa")
	}
	d.must(t, "service.default.page", "deployment.default.page-v1", "9080")
	d.mustNot(t, "service.default.page", "deployment.default.notes-v1")
	d.mustNot(t, "service.default.notes", "deployment.default.page-v1")
	d.must(t, "ingress.default.entry", "service.default.page", "/page (Exact)", "/assets/", "/api/notes", ":9080")
}

// TestOwnBlog: mounts with their paths, env from a secret key, one shared
// dangling secret, and a call to a bare host name.
func TestOwnBlog(t *testing.T) {
	d := drawOwn(t, manifest.Options{}, "blog/site.yaml", "blog/db.yaml")
	d.must(t, "deployment.default.blog", "persistentvolumeclaim.default.blog-files", "/srv/www")
	d.must(t, "deployment.default.blog-db", "persistentvolumeclaim.default.db-files", "/var/lib/postgresql")
	d.must(t, "deployment.default.blog", "secret.default.db-pass", "password")
	d.must(t, "deployment.default.blog-db", "secret.default.db-pass", "password")
	d.must(t, "service.default.blog", "deployment.default.blog", "80")
	d.must(t, "service.default.blog-db", "deployment.default.blog-db", "5432")
	d.must(t, "deployment.default.blog", "service.default.blog-db")
	d.mustNot(t, "service.default.blog", "deployment.default.blog-db")
	d.mustNot(t, "service.default.blog-db", "deployment.default.blog")
	d.mustNot(t, "deployment.default.blog-db", "service.default.blog")
	if l := d.nodes["secret.default.db-pass"]; !strings.Contains(l, "not in input") {
		t.Errorf("the dangling secret is labelled %q", l)
	}
	secrets := 0
	for id := range d.nodes {
		if strings.HasPrefix(id, "secret.") {
			secrets++
		}
	}
	if secrets != 1 {
		t.Errorf("%d secret nodes, want one shared", secrets)
	}
}

// TestOwnReplicated: governs, a mounted ConfigMap, a claim template with
// its subPath and class, and two Services over one StatefulSet.
func TestOwnReplicated(t *testing.T) {
	d := drawOwn(t, manifest.Options{}, "replicated.yaml")
	d.must(t, "statefulset.default.pg", "configmap.default.pg", "/etc/pg")
	d.must(t, "statefulset.default.pg", "persistentvolumeclaim.default.state", "/var/lib/postgresql (subPath pg)")
	if l := d.nodes["persistentvolumeclaim.default.state"]; !strings.Contains(l, "claim template") {
		t.Errorf("the claim template is labelled %q", l)
	}
	d.must(t, "statefulset.default.pg", "service.default.pg")
	d.must(t, "service.default.pg", "statefulset.default.pg", "5432")
	d.must(t, "service.default.pg-read", "statefulset.default.pg", "5432")
	d.must(t, "persistentvolumeclaim.default.state", "storageclass.quick")
}

// TestOwnVolumes: claims bound by class and size (inferred, and not with
// --no-infer), by volumeName and by claimRef; a literal env value is no
// secret.
func TestOwnVolumes(t *testing.T) {
	d := drawOwn(t, manifest.Options{}, "volumes.yaml")
	d.must(t, "persistentvolumeclaim.default.claim-a", "persistentvolume.disk-a")
	d.must(t, "persistentvolumeclaim.default.claim-b", "persistentvolume.disk-b")
	d.must(t, "persistentvolumeclaim.default.claim-c", "persistentvolume.disk-c")
	d.must(t, "deployment.default.db", "persistentvolumeclaim.default.claim-a", "/var/lib/mysql")
	d.must(t, "service.default.db", "deployment.default.db", "3306")
	if n := d.count("deployment.", "secret."); n != 0 {
		t.Errorf("%d secret edges from a literal env value", n)
	}
	noInfer := drawOwn(t, manifest.Options{NoInfer: true}, "volumes.yaml")
	noInfer.mustNot(t, "persistentvolumeclaim.default.claim-a", "persistentvolume.disk-a")
	noInfer.must(t, "persistentvolumeclaim.default.claim-b", "persistentvolume.disk-b")
	noInfer.must(t, "persistentvolumeclaim.default.claim-c", "persistentvolume.disk-c")
}

// TestOwnServing: a regular-expression path, a Service of two named
// ports, a claim bound by volume name.
func TestOwnServing(t *testing.T) {
	d := drawOwn(t, manifest.Options{}, "serving.yaml")
	d.must(t, "ingress.default.predictor-entry", "service.default.predictor", "/predict(/|$)(.*)", ":9001")
	d.must(t, "service.default.predictor", "deployment.default.predictor", "9000", "9001")
	d.must(t, "deployment.default.predictor", "persistentvolumeclaim.default.models-pvc", "/models/current")
	d.must(t, "persistentvolumeclaim.default.models-pvc", "persistentvolume.models-pv")
}

// TestOwnFanout: one host's paths to two dangling Services.
func TestOwnFanout(t *testing.T) {
	d := drawOwn(t, manifest.Options{}, "fanout.yaml")
	d.must(t, "ingress.default.split", "service.default.left", "shop.example.org/left", ":4200")
	d.must(t, "ingress.default.split", "service.default.right", "shop.example.org/right", ":8080")
	for _, s := range []string{"left", "right"} {
		if l := d.nodes["service.default."+s]; !strings.Contains(l, "not in input") {
			t.Errorf("dangling %s is labelled %q", s, l)
		}
	}
}

// TestOwnEdgeCases: Lists, a List after a plain object, custom resources
// and anchors, keys that YAML reads as other types, a duplicate key.
func TestOwnEdgeCases(t *testing.T) {
	t.Run("list", func(t *testing.T) {
		d := drawOwn(t, manifest.Options{}, "list.yaml")
		for _, n := range []string{"queue-main", "queue-spare"} {
			d.must(t, "service.default."+n, "replicationcontroller.default."+n)
		}
		d.mustNot(t, "service.default.queue-main", "replicationcontroller.default.queue-spare")
		d.mustNot(t, "service.default.queue-spare", "replicationcontroller.default.queue-main")
		if _, ok := d.nodes["pod.default.probe-1"]; !ok {
			t.Errorf("no pod in %v", d.nodes)
		}
	})
	t.Run("multi with list", func(t *testing.T) {
		d := drawOwn(t, manifest.Options{}, "multi-list.yaml")
		for _, id := range []string{"namespace.tools", "service.default.cache"} {
			if _, ok := d.nodes[id]; !ok {
				t.Errorf("no %s in %v", id, d.nodes)
			}
		}
	})
	t.Run("custom resources and anchors", func(t *testing.T) {
		d := drawOwn(t, manifest.Options{}, "events.yaml")
		ns := "events."
		d.must(t, "service."+ns+"greeter", "deployment."+ns+"greeter", "80→8080")
		d.must(t, "trigger."+ns+"greet", "service."+ns+"greeter")
		d.must(t, "trigger."+ns+"greet", "broker."+ns+"main", "broker")
		if l := d.nodes["broker."+ns+"main"]; !strings.Contains(l, "(Broker)") {
			t.Errorf("the Broker is labelled %q", l)
		}
	})
	t.Run("odd keys", func(t *testing.T) {
		d := drawOwn(t, manifest.Options{}, "odd-keys.yaml")
		if _, ok := d.nodes["configmap.default.odd-keys"]; !ok {
			t.Errorf("no configmap in %v", d.nodes)
		}
	})
	t.Run("duplicate key", func(t *testing.T) {
		data, err := os.ReadFile(filepath.Join(own, "duplicate.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		_, err = manifest.Read("duplicate.yaml", data)
		// The YAML parser names only the line of a duplicate key, so the
		// column is 1, not the key's 3.
		want := `duplicate.yaml:10:1: not valid YAML: mapping key "containers" already defined at line 7`
		if err == nil || err.Error() != want {
			t.Errorf("got %v, want %s", err, want)
		}
	})
}

// TestOwnOptions: --kinds, --exclude-kinds, --no-infer and --namespace.
func TestOwnOptions(t *testing.T) {
	d := drawOwn(t, manifest.Options{Kinds: []string{"Service", "deploy"}}, "shop.yaml")
	for id := range d.nodes {
		if strings.HasPrefix(id, "serviceaccount.") {
			t.Errorf("--kinds kept %s", id)
		}
	}
	if d.count("service.", "deployment.") != 5 {
		t.Errorf("--kinds Service,deploy lost the selects edges: %v", d.edges)
	}
	d = drawOwn(t, manifest.Options{ExcludeKinds: []string{"serviceaccount"}}, "shop.yaml")
	if d.count("deployment.", "serviceaccount.") != 0 {
		t.Error("--exclude-kinds kept service accounts")
	}
	d = drawOwn(t, manifest.Options{NoInfer: true}, "shop.yaml")
	if n := d.count("deployment.", "service."); n != 0 {
		t.Errorf("--no-infer drew %d call edges", n)
	}
	d = drawOwn(t, manifest.Options{Namespaces: []string{"other"}}, "shop.yaml")
	if len(d.edges) != 0 {
		t.Errorf("--namespace other drew %d edges", len(d.edges))
	}
}

// TestOwnEveryFileRenders draws every own manifest but the refused one.
func TestOwnEveryFileRenders(t *testing.T) {
	var files []string
	err := filepath.WalkDir(own, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".yaml") && !strings.HasSuffix(path, "duplicate.yaml") {
			rel, _ := filepath.Rel(own, path)
			files = append(files, rel)
		}
		return err
	})
	if err != nil || len(files) < 12 {
		t.Fatalf("found %d own manifests (%v)", len(files), err)
	}
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			if d := drawOwn(t, manifest.Options{}, f); len(d.nodes) == 0 {
				t.Error("no nodes")
			}
		})
	}
}
