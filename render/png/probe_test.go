package png

import (
	"fmt"
	"image"
	"math"
	"testing"
	"unicode"

	"github.com/kviz/kviz/internal/golden"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/text"
)

// The probes draw each figure twice, with and without some of its parts,
// and ask that every part makes its own mark where the Scene puts it: a
// likeness bound over the whole image cannot see one missing label, a
// dropped dash pattern or an icon left out.

func raster(t *testing.T, sc *render.Scene) *image.RGBA {
	t.Helper()
	img, err := Rasterize(sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// pixels is b in whole pixels, grown by pad on every side.
func pixels(b render.Box, pad float64) image.Rectangle {
	return image.Rect(int(math.Floor(b.X-pad)), int(math.Floor(b.Y-pad)),
		int(math.Ceil(b.X+b.Width+pad)), int(math.Ceil(b.Y+b.Height+pad)))
}

// texts points at every text the scene draws.
func texts(sc *render.Scene) []*render.Text {
	var out []*render.Text
	add := func(ts []render.Text) {
		for i := range ts {
			out = append(out, &ts[i])
		}
	}
	add(sc.Texts)
	for i := range sc.Nodes {
		add(sc.Nodes[i].Lines)
	}
	for i := range sc.Edges {
		add(sc.Edges[i].Lines)
	}
	if l := sc.Legend; l != nil {
		add(l.Texts)
		for i := range l.Nodes {
			add(l.Nodes[i].Lines)
		}
	}
	return out
}

// textBox is where t's glyphs lie: from an ascender above the baseline to
// a descender below, as wide as the text measures.
func textBox(t *render.Text) render.Box {
	w := text.Width(t.Text, text.Style{Size: t.Size, Bold: t.Bold, Italic: t.Italic})
	x := t.X
	switch t.Anchor {
	case render.AnchorMiddle:
		x -= w / 2
	case render.AnchorEnd:
		x -= w
	}
	return render.Box{X: x, Y: t.Y - t.Size, Width: w, Height: t.Size * 1.3}
}

// TestProbeText: every text, down to a one-letter label, changes at least
// two pixels per visible character inside its own box.
func TestProbeText(t *testing.T) {
	for _, f := range figures {
		t.Run(f.name(), func(t *testing.T) {
			sc := scene(t, f.path)
			with := raster(t, sc)
			all := texts(sc)
			if len(all) < 2 {
				t.Fatalf("only %d texts in %s", len(all), f.name())
			}
			saved := make([]string, len(all))
			for i, tx := range all {
				saved[i], tx.Text = tx.Text, ""
			}
			without := raster(t, sc)
			missing := 0
			for i, tx := range all {
				tx.Text = saved[i]
				visible := 0
				for _, r := range tx.Text {
					if !unicode.IsSpace(r) {
						visible++
					}
				}
				if n := golden.Count(with, without, pixels(textBox(tx), 1)); n < 2*visible {
					t.Errorf("text %q at %.0f,%.0f marks %d pixels, want at least %d", tx.Text, tx.X, tx.Y, n, 2*visible)
					missing++
				}
			}
			if missing > 0 {
				t.Log(golden.KeepImages(t, "text", with, without))
			}
		})
	}
}

// icons points at every icon the scene draws.
func icons(sc *render.Scene) []**render.Icon {
	var out []**render.Icon
	for i := range sc.Nodes {
		if sc.Nodes[i].Icon != nil {
			out = append(out, &sc.Nodes[i].Icon)
		}
	}
	if l := sc.Legend; l != nil {
		for i := range l.Nodes {
			if l.Nodes[i].Icon != nil {
				out = append(out, &l.Nodes[i].Icon)
			}
		}
	}
	return out
}

// TestProbeIcons: every icon changes at least a tenth of its square. The
// smallest catalogue icon (a thin outline) covers about a fifth.
func TestProbeIcons(t *testing.T) {
	for _, f := range figures {
		t.Run(f.name(), func(t *testing.T) {
			sc := scene(t, f.path)
			with := raster(t, sc)
			all := icons(sc)
			saved := make([]*render.Icon, len(all))
			for i, ic := range all {
				saved[i], *ic = *ic, nil
			}
			without := raster(t, sc)
			missing := 0
			for _, ic := range saved {
				r := pixels(ic.Box, 0)
				if n := golden.Count(with, without, r); n*10 < r.Dx()*r.Dy() {
					t.Errorf("icon %s at %v marks %d of its %d pixels", ic.Name, r, n, r.Dx()*r.Dy())
					missing++
				}
			}
			if missing > 0 {
				t.Log(golden.KeepImages(t, "icons", with, without))
			}
		})
	}
}

// dashed points at the dash pattern of every dashed line: edges, legend
// samples and node outlines.
func dashed(sc *render.Scene) (dashes []*[]float64, boxes []render.Box) {
	bounds := func(pts []render.Point) render.Box {
		b := render.Box{X: pts[0][0], Y: pts[0][1]}
		for _, p := range pts {
			x0, y0 := min(b.X, p[0]), min(b.Y, p[1])
			b = render.Box{X: x0, Y: y0, Width: max(b.X+b.Width, p[0]) - x0, Height: max(b.Y+b.Height, p[1]) - y0}
		}
		return b
	}
	edges := [][]render.Edge{sc.Edges}
	nodes := [][]render.Node{sc.Nodes}
	if l := sc.Legend; l != nil {
		edges, nodes = append(edges, l.Edges), append(nodes, l.Nodes)
	}
	for _, es := range edges {
		for i := range es {
			if e := &es[i]; e.Dash != nil {
				dashes, boxes = append(dashes, &e.Dash), append(boxes, bounds(e.Points))
			}
		}
	}
	for _, ns := range nodes {
		for i := range ns {
			if n := &ns[i]; n.Paint.Dash != nil {
				dashes, boxes = append(dashes, &n.Paint.Dash), append(boxes, n.Box())
			}
		}
	}
	return dashes, boxes
}

// TestProbeDashes: drawing a dashed line solid changes pixels along it,
// so the gaps were drawn as gaps.
func TestProbeDashes(t *testing.T) {
	found := 0
	for _, f := range figures {
		sc := scene(t, f.path)
		with := raster(t, sc)
		dashes, boxes := dashed(sc)
		found += len(dashes)
		for i, d := range dashes {
			saved := *d
			*d = nil
			without := raster(t, sc)
			*d = saved
			if n := golden.Count(with, without, pixels(boxes[i], 2)); n < 10 {
				t.Errorf("%s: the dashed line %d in %+v differs from a solid one in %d pixels; %s", f.name(), i, boxes[i], n,
					golden.KeepImages(t, fmt.Sprintf("%s-dash%d", f.name(), i), with, without))
			}
		}
	}
	if found < 3 {
		t.Fatalf("only %d dashed lines in the figures", found)
	}
}
