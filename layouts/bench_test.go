package layouts

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render/png"
	"github.com/kviz/kviz/render/svg"
)

// synthetic writes a model of about n nodes: namespaces of 20 pods, each
// fifth pod fronted by a service, services chained across namespaces.
func synthetic(n int) []byte {
	var b strings.Builder
	b.WriteString("title: synthetic\nnodes:\n")
	var edges []string
	for ns := 0; ns*24 < n; ns++ {
		fmt.Fprintf(&b, "  - id: ns%d\n    kind: namespace\n    nodes:\n", ns)
		for p := 0; p < 20; p++ {
			fmt.Fprintf(&b, "      - {id: p%d-%d, kind: pod, label: pod-%d-%d}\n", ns, p, ns, p)
		}
		for s := 0; s < 4; s++ {
			fmt.Fprintf(&b, "      - {id: s%d-%d, kind: svc, label: service-%d-%d}\n", ns, s, ns, s)
			for p := s * 5; p < s*5+5; p++ {
				edges = append(edges, fmt.Sprintf("  - {from: s%d-%d, to: p%d-%d}\n", ns, s, ns, p))
			}
		}
		if ns > 0 {
			edges = append(edges, fmt.Sprintf("  - {from: p%d-0, to: s%d-0, style: dotted}\n", ns-1, ns))
		}
	}
	b.WriteString("edges:\n")
	b.WriteString(strings.Join(edges, ""))
	return []byte(b.String())
}

var sizes = []int{10, 100, 1000}

func BenchmarkLoad(b *testing.B) {
	for _, n := range sizes {
		data := synthetic(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for i := 0; i < b.N; i++ {
				if _, err := model.Parse("b.yaml", data, model.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkLayout(b *testing.B) {
	for _, n := range sizes {
		m, err := model.Parse("b.yaml", synthetic(n), model.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := Layout(context.Background(), m, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSVG(b *testing.B) {
	for _, n := range sizes {
		m, _ := model.Parse("b.yaml", synthetic(n), model.Options{})
		sc, err := Layout(context.Background(), m, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				var buf bytes.Buffer
				if err := svg.Encode(&buf, sc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkPNG(b *testing.B) {
	// The 1,000-node drawing is some 53,000 points wide: drawn at a quarter
	// scale to stay under png.MaxPixels.
	scales := map[int]float64{10: 1, 100: 1, 1000: 0.25}
	for _, n := range sizes {
		m, _ := model.Parse("b.yaml", synthetic(n), model.Options{})
		sc, err := Layout(context.Background(), m, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				var buf bytes.Buffer
				if err := png.Encode(&buf, sc, scales[n]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
