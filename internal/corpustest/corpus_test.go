package corpustest

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/kviz/kviz/internal/golden" // for -update
	"github.com/kviz/kviz/layouts"
	"github.com/kviz/kviz/manifest"
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/svg"
)

// corpus is the shared folder of real manifests, beside the repository,
// or where $KVIZ_CORPUS says (a git worktree sits elsewhere).
var corpus = cmp.Or(os.Getenv("KVIZ_CORPUS"), filepath.Join("..", "..", "..", "shared", "corpus", "manifests"))

func needCorpus(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("no manifest corpus at %s", corpus)
	}
}

// drawn is a scene as JSON reads it, with edges indexed by their ends.
type drawn struct {
	nodes map[string]string // id → label
	edges map[string]string // "from -> to" → label
}

// draw reads corpus files as one input, builds and loads the model, lays
// it out, and reads the JSON scene back.
func draw(t *testing.T, opts manifest.Options, files ...string) drawn {
	t.Helper()
	return drawIn(t, corpus, opts, files...)
}

// drawIn is draw for files under root.
func drawIn(t *testing.T, root string, opts manifest.Options, files ...string) drawn {
	t.Helper()
	var objs []*manifest.Object
	for _, f := range files {
		path := filepath.Join(root, f)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := manifest.Read(f, data)
		if err != nil {
			t.Fatal(err)
		}
		objs = append(objs, got...)
	}
	data, err := manifest.Build(objs, opts).YAML()
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Parse("model.yaml", data, model.Options{})
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	sc, err := layouts.Layout(context.Background(), m, layouts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := render.EncodeJSON(&buf, sc); err != nil {
		t.Fatal(err)
	}
	var js struct {
		Nodes []struct{ ID, Label string }
		Edges []struct{ From, To, Label string }
	}
	if err := json.Unmarshal(buf.Bytes(), &js); err != nil {
		t.Fatal(err)
	}
	d := drawn{nodes: map[string]string{}, edges: map[string]string{}}
	for _, n := range js.Nodes {
		d.nodes[n.ID] = n.Label
	}
	for _, e := range js.Edges {
		d.edges[e.From+" -> "+e.To] = e.Label
	}
	return d
}

// must checks that an edge is drawn, and that its label holds each part.
func (d drawn) must(t *testing.T, from, to string, label ...string) {
	t.Helper()
	got, ok := d.edges[from+" -> "+to]
	if !ok {
		t.Errorf("missing edge %s -> %s", from, to)
		return
	}
	for _, l := range label {
		if !strings.Contains(got, l) {
			t.Errorf("edge %s -> %s is labelled %q, want it to hold %q", from, to, got, l)
		}
	}
}

func (d drawn) mustNot(t *testing.T, from, to string) {
	t.Helper()
	if _, ok := d.edges[from+" -> "+to]; ok {
		t.Errorf("unexpected edge %s -> %s", from, to)
	}
}

// count is the number of edges from ids with one prefix to ids with another.
func (d drawn) count(fromPrefix, toPrefix string) int {
	n := 0
	for k := range d.edges {
		ends := strings.Split(k, " -> ")
		if strings.HasPrefix(ends[0], fromPrefix) && strings.HasPrefix(ends[1], toPrefix) {
			n++
		}
	}
	return n
}

func TestEveryCorpusFileRenders(t *testing.T) {
	needCorpus(t)
	var files []string
	filepath.WalkDir(corpus, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".yaml") {
			files = append(files, path)
		}
		return nil
	})
	if len(files) < 30 {
		t.Fatalf("only %d corpus files", len(files))
	}
	for _, path := range files {
		rel, _ := filepath.Rel(corpus, path)
		t.Run(rel, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			objs, err := manifest.Read(rel, data)
			if strings.HasSuffix(path, "duplicate_property.yaml") {
				want := `kubeconform-fixtures/duplicate_property.yaml:16:1: not valid YAML: mapping key "containers" already defined at line 13`
				if err == nil || err.Error() != want {
					t.Errorf("got %v, want %s", err, want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !manifest.Looks(data) {
				t.Errorf("not recognised as manifests")
			}
			model, err := manifest.Build(objs, manifest.Options{}).YAML()
			if err != nil {
				t.Fatal(err)
			}
			m, err := parseModel(model)
			if err != nil {
				t.Fatalf("%v\n%s", err, model)
			}
			sc, err := layouts.Layout(context.Background(), m, layouts.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := svg.Encode(&bytes.Buffer{}, sc); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func parseModel(data []byte) (*model.Model, error) {
	return model.Parse("model.yaml", data, model.Options{})
}

func TestMicroservicesDemo(t *testing.T) {
	needCorpus(t)
	d := draw(t, manifest.Options{}, "microservices-demo/kubernetes-manifests.yaml")
	svcs := []string{"frontend", "adservice", "currencyservice", "cartservice", "redis-cart", "recommendationservice",
		"checkoutservice", "emailservice", "paymentservice", "shippingservice", "productcatalogservice"}
	for _, s := range svcs {
		d.must(t, "service.default."+s, "deployment.default."+s)
		if s != "redis-cart" {
			d.must(t, "deployment.default."+s, "serviceaccount.default."+s)
		}
	}
	d.must(t, "service.default.frontend-external", "deployment.default.frontend", "80→8080")
	d.must(t, "service.default.emailservice", "deployment.default.emailservice", "5000→8080")
	d.must(t, "deployment.default.loadgenerator", "serviceaccount.default.loadgenerator")
	if n := d.count("deployment.", "serviceaccount."); n != 11 {
		t.Errorf("%d uses-sa edges, want 11", n)
	}
	if n := d.count("service.", "deployment."); n != 12 {
		t.Errorf("%d selects edges, want 12", n)
	}
	if _, ok := d.nodes["service.default.loadgenerator"]; ok {
		t.Error("a Service for loadgenerator")
	}
	// calls, from *_ADDR env values, against Service ports.
	calls := map[string][]string{
		"frontend": {"productcatalogservice:3550", "currencyservice:7000", "cartservice:7070", "recommendationservice:8080",
			"shippingservice:50051", "checkoutservice:5050", "adservice:9555", "shoppingassistantservice:80"},
		"checkoutservice": {"productcatalogservice:3550", "shippingservice:50051", "paymentservice:50051", "emailservice:5000",
			"currencyservice:7000", "cartservice:7070"},
		"recommendationservice": {"productcatalogservice:3550"},
		"cartservice":           {"redis-cart:6379"},
		"loadgenerator":         {"frontend:80"},
	}
	total := 0
	for from, tos := range calls {
		for _, to := range tos {
			name, port, _ := strings.Cut(to, ":")
			d.must(t, "deployment.default."+from, "service.default."+name, port)
			total++
		}
	}
	if n := d.count("deployment.", "service."); n != total || total != 17 {
		t.Errorf("%d call edges, want %d (17)", n, total)
	}
	if l := d.nodes["service.default.shoppingassistantservice"]; !strings.Contains(l, "not in input") {
		t.Errorf("dangling shoppingassistantservice is labelled %q", l)
	}
}

func TestGuestbook(t *testing.T) {
	needCorpus(t)
	d := draw(t, manifest.Options{}, "kubernetes-examples/guestbook-all-in-one.yaml")
	d.must(t, "service.default.redis-master", "deployment.default.redis-master", "6379")
	d.must(t, "service.default.redis-replica", "deployment.default.redis-replica", "6379")
	d.must(t, "service.default.frontend", "deployment.default.frontend", "80")
	d.mustNot(t, "service.default.redis-master", "deployment.default.redis-replica")
	d.mustNot(t, "service.default.redis-replica", "deployment.default.redis-master")
	d.mustNot(t, "service.default.frontend", "deployment.default.redis-master")
	d.mustNot(t, "service.default.frontend", "deployment.default.redis-replica")
	if len(d.edges) != 3 {
		t.Errorf("%d edges, want 3: %v", len(d.edges), d.edges)
	}
}

func TestBookinfo(t *testing.T) {
	needCorpus(t)
	d := draw(t, manifest.Options{}, "istio-bookinfo/bookinfo.yaml", "istio-bookinfo/bookinfo-ingress.yaml")
	for _, app := range []string{"details", "ratings", "productpage"} {
		d.must(t, "service.default."+app, "deployment.default."+app+"-v1", "9080")
	}
	for _, v := range []string{"v1", "v2", "v3"} {
		d.must(t, "service.default.reviews", "deployment.default.reviews-"+v, "9080")
		d.must(t, "deployment.default.reviews-"+v, "serviceaccount.default.bookinfo-reviews")
	}
	if n := d.count("deployment.", "serviceaccount."); n != 6 {
		t.Errorf("%d uses-sa edges, want 6", n)
	}
	d.must(t, "ingress.default.gateway", "service.default.productpage",
		"/productpage (Exact)", "/static/", "/login (Exact)", "/logout (Exact)", "/api/v1/products", ":9080")
	for _, app := range []string{"details", "ratings", "reviews"} {
		for _, other := range []string{"details-v1", "ratings-v1", "productpage-v1"} {
			if !strings.HasPrefix(other, app) {
				d.mustNot(t, "service.default."+app, "deployment.default."+other)
			}
		}
	}
}

func TestStorageExamples(t *testing.T) {
	needCorpus(t)
	t.Run("tf-serving", func(t *testing.T) {
		dir := "kubernetes-examples/tf-serving/"
		d := draw(t, manifest.Options{}, dir+"pv.yaml", dir+"pvc.yaml", dir+"deployment.yaml", dir+"service.yaml", dir+"ingress.yaml")
		d.must(t, "ingress.default.tf-serving-ingress", "service.default.tf-serving", "/tf(/|$)(.*)", ":8501")
		d.must(t, "service.default.tf-serving", "deployment.default.tf-serving", "8500", "8501")
		d.must(t, "deployment.default.tf-serving", "persistentvolumeclaim.default.my-model-pvc", "/models/my_model")
		d.must(t, "persistentvolumeclaim.default.my-model-pvc", "persistentvolume.my-model-pv")
	})
	t.Run("wordpress", func(t *testing.T) {
		dir := "k8s-website/wordpress/"
		d := draw(t, manifest.Options{}, dir+"wordpress-deployment.yaml", dir+"wordpress-mysql-deployment.yaml")
		d.must(t, "deployment.default.wordpress", "persistentvolumeclaim.default.wp-pv-claim", "/var/www/html")
		d.must(t, "deployment.default.wordpress", "secret.default.mysql-pass", "password")
		d.must(t, "deployment.default.wordpress-mysql", "secret.default.mysql-pass", "password")
		d.must(t, "deployment.default.wordpress-mysql", "persistentvolumeclaim.default.mysql-pv-claim", "/var/lib/mysql")
		d.must(t, "service.default.wordpress", "deployment.default.wordpress", "80")
		d.must(t, "service.default.wordpress-mysql", "deployment.default.wordpress-mysql", "3306")
		d.must(t, "deployment.default.wordpress", "service.default.wordpress-mysql")
		d.mustNot(t, "service.default.wordpress", "deployment.default.wordpress-mysql")
		d.mustNot(t, "service.default.wordpress-mysql", "deployment.default.wordpress")
		d.mustNot(t, "deployment.default.wordpress-mysql", "service.default.wordpress")
		if l := d.nodes["secret.default.mysql-pass"]; !strings.Contains(l, "not in input") {
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
	})
	t.Run("mysql-replicated", func(t *testing.T) {
		dir := "k8s-website/mysql-replicated/"
		d := draw(t, manifest.Options{}, dir+"mysql-configmap.yaml", dir+"mysql-services.yaml", dir+"mysql-statefulset.yaml")
		d.must(t, "statefulset.default.mysql", "configmap.default.mysql", "/mnt/config-map")
		d.must(t, "statefulset.default.mysql", "persistentvolumeclaim.default.data", "/var/lib/mysql (subPath mysql)")
		if l := d.nodes["persistentvolumeclaim.default.data"]; !strings.Contains(l, "claim template") {
			t.Errorf("the claim template is labelled %q", l)
		}
		d.must(t, "statefulset.default.mysql", "service.default.mysql")
		d.must(t, "service.default.mysql", "statefulset.default.mysql", "3306")
		d.must(t, "service.default.mysql-read", "statefulset.default.mysql", "3306")
	})
	t.Run("mysql-single", func(t *testing.T) {
		dir := "k8s-website/mysql-single/"
		d := draw(t, manifest.Options{}, dir+"mysql-deployment.yaml", dir+"mysql-pv.yaml")
		d.must(t, "persistentvolumeclaim.default.mysql-pv-claim", "persistentvolume.mysql-pv-volume")
		d.must(t, "deployment.default.mysql", "persistentvolumeclaim.default.mysql-pv-claim", "/var/lib/mysql")
		d.must(t, "service.default.mysql", "deployment.default.mysql", "3306")
		if n := d.count("deployment.", "secret."); n != 0 {
			t.Errorf("%d secret edges from a literal env value", n)
		}
		noInfer := draw(t, manifest.Options{NoInfer: true}, dir+"mysql-deployment.yaml", dir+"mysql-pv.yaml")
		noInfer.mustNot(t, "persistentvolumeclaim.default.mysql-pv-claim", "persistentvolume.mysql-pv-volume")
	})
	t.Run("fanout", func(t *testing.T) {
		d := draw(t, manifest.Options{}, "k8s-website/misc/simple-fanout-example.yaml")
		d.must(t, "ingress.default.simple-fanout-example", "service.default.service1", "foo.bar.com/foo", ":4200")
		d.must(t, "ingress.default.simple-fanout-example", "service.default.service2", "foo.bar.com/bar", ":8080")
		for _, s := range []string{"service1", "service2"} {
			if l := d.nodes["service.default."+s]; !strings.Contains(l, "not in input") {
				t.Errorf("dangling %s is labelled %q", s, l)
			}
		}
	})
}

func TestEdgeCases(t *testing.T) {
	needCorpus(t)
	t.Run("list", func(t *testing.T) {
		d := draw(t, manifest.Options{}, "kubeconform-fixtures/list_valid.yaml")
		for _, n := range []string{"redis-master", "redis-slave", "frontend"} {
			d.must(t, "service.default."+n, "replicationcontroller.default."+n)
		}
		d.mustNot(t, "service.default.redis-master", "replicationcontroller.default.redis-slave")
		d.mustNot(t, "service.default.redis-slave", "replicationcontroller.default.redis-master")
		pods := draw(t, manifest.Options{}, "kubectl-neat/list1-raw.yaml")
		for _, p := range []string{"pod.default.t1", "pod.default.t2"} {
			if _, ok := pods.nodes[p]; !ok {
				t.Errorf("no %s in %v", p, pods.nodes)
			}
		}
	})
	t.Run("multi with list", func(t *testing.T) {
		d := draw(t, manifest.Options{}, "kubeconform-fixtures/multi_with_list.yaml")
		if _, ok := d.nodes["namespace.b"]; !ok {
			t.Errorf("no namespace b in %v", d.nodes)
		}
	})
	t.Run("knative anchors and custom resources", func(t *testing.T) {
		d := draw(t, manifest.Options{}, "knative-docs/helloworld-go-sample-app.yaml")
		ns := "knative-samples."
		d.must(t, "service."+ns+"helloworld-go", "deployment."+ns+"helloworld-go")
		d.must(t, "trigger."+ns+"helloworld-go", "service."+ns+"helloworld-go")
		d.must(t, "trigger."+ns+"helloworld-go", "broker."+ns+"default")
		if l := d.nodes["broker."+ns+"default"]; !strings.Contains(l, "(Broker)") {
			t.Errorf("the Broker is labelled %q", l)
		}
	})
	t.Run("cassandra", func(t *testing.T) {
		d := draw(t, manifest.Options{}, "kubernetes-examples/cassandra-service.yaml", "kubernetes-examples/cassandra-statefulset.yaml")
		d.must(t, "statefulset.default.cassandra", "service.default.cassandra")
		d.must(t, "persistentvolumeclaim.default.cassandra-data", "storageclass.fast")
	})
	t.Run("unconventional keys", func(t *testing.T) {
		d := draw(t, manifest.Options{}, "kubeconform-fixtures/unconventional_keys.yaml")
		if _, ok := d.nodes["configmap.default.unconventional-keys"]; !ok {
			t.Errorf("no configmap in %v", d.nodes)
		}
	})
}

func TestOptions(t *testing.T) {
	needCorpus(t)
	f := "microservices-demo/kubernetes-manifests.yaml"
	d := draw(t, manifest.Options{Kinds: []string{"Service", "deploy"}}, f)
	for id := range d.nodes {
		if strings.HasPrefix(id, "serviceaccount.") {
			t.Errorf("--kinds kept %s", id)
		}
	}
	d = draw(t, manifest.Options{ExcludeKinds: []string{"serviceaccount"}}, f)
	if d.count("deployment.", "serviceaccount.") != 0 {
		t.Error("--exclude-kinds kept service accounts")
	}
	d = draw(t, manifest.Options{NoInfer: true}, f)
	if n := d.count("deployment.", "service."); n != 0 {
		t.Errorf("--no-infer drew %d call edges", n)
	}
	d = draw(t, manifest.Options{Namespaces: []string{"other"}}, f)
	if len(d.edges) != 0 {
		t.Errorf("--namespace other drew %d edges", len(d.edges))
	}
}
