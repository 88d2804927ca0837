package manifest

import (
	"cmp"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/kviz/kviz/internal/golden" // for -update
	"github.com/kviz/kviz/model"
)

// corpus is the shared folder of real manifests, where it exists, or
// where $KVIZ_CORPUS says.
var corpus = cmp.Or(os.Getenv("KVIZ_CORPUS"), filepath.Join("..", "..", "shared", "corpus", "manifests"))

// FuzzRead feeds the reader any bytes: it must not panic, and whatever it
// accepts must become a model that loads without error.
func FuzzRead(f *testing.F) {
	for _, name := range []string{
		"kubernetes-examples/guestbook-all-in-one.yaml", "knative-docs/helloworld-go-sample-app.yaml",
		"kubeconform-fixtures/list_valid.yaml", "k8s-website/misc/simple-fanout-example.yaml",
		"k8s-website/mysql-replicated/mysql-statefulset.yaml", "kubeconform-fixtures/unconventional_keys.yaml",
	} {
		if data, err := os.ReadFile(filepath.Join(corpus, name)); err == nil {
			f.Add(data)
		}
	}
	// The project's own manifests seed the fuzzer in any clone.
	own, err := filepath.Glob(filepath.Join("..", "testdata", "manifests", "*.yaml"))
	if err != nil || len(own) == 0 {
		f.Fatalf("no seed manifests in testdata/manifests (%v)", err)
	}
	for _, name := range own {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {selector: {app: a}}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, ownerReferences: [{kind: Deployment, name: a}]}\nspec: {template: {metadata: {labels: {app: a}}, spec: {containers: [{env: [{name: X_ADDR, value: 'b:80'}]}]}}}\n"))
	f.Add([]byte("kind: List\nitems: [{kind: Pod, metadata: {name: 'p:q'}}, 5, null]\n"))
	f.Add([]byte("kind: StatefulSet\nmetadata: {name: db}\nspec: {volumeClaimTemplates: [{metadata: {name: d}, 5: x}]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, ok, _ := ReadIfManifests("f.yaml", data, 0); ok != Looks(data) {
			t.Fatalf("ReadIfManifests says manifests %v, Looks %v", ok, !ok)
		}
		objs, err := Read("f.yaml", data)
		if err != nil {
			if _, ok := err.(model.ErrorList); !ok {
				t.Fatalf("unpositioned error %T %v", err, err)
			}
			return
		}
		out, err := Build(objs, Options{}).YAML()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := model.Parse("model.yaml", out, model.Options{MaxNodes: 1 << 20}); err != nil {
			t.Fatalf("the model made from accepted manifests does not load: %v\n%s", err, out)
		}
	})
}
