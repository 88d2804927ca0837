package layouts

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render/text"
)

// A character no font has fails the whole layout with one error per text,
// each at the text's position, before anything is drawn.
func TestMissingGlyphPositions(t *testing.T) {
	m, err := model.Parse("m.yaml", []byte(`title: Snow ☃
caption: 控制
nodes:
  - {id: a, label: "naïve ok"}
  - {id: b, label: "خادم"}
edges:
  - {from: a, to: b, label: "→ fine", relation: "☂"}
`), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Layout(context.Background(), m, Options{})
	want := []string{
		`m.yaml:1:8: title: character '☃' (U+2603) is in none of the fonts kviz has`,
		`m.yaml:2:10: caption: character '控' (U+63A7)`,
		`m.yaml:5:5: label of "b": character 'خ' (U+062E)`,
		`m.yaml:7:19: relation of edge "a" → "b": character '☂' (U+2602)`,
	}
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(want) {
		t.Fatalf("%d errors, want %d:\n%v", len(lines), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("error %d:\n%s\nwant\n%s", i, lines[i], w)
		}
	}
	if err := Check(m, Options{}); err == nil || err.Error() != strings.Join(lines, "\n") {
		t.Errorf("Check: %v", err)
	}
}

// The label box the layout reserves is the shaped width in the fonts the
// label is drawn with, and it fits its node; a long Chinese label wraps.
func TestLabelsInOtherScripts(t *testing.T) {
	sc := layout(t, load(t, filepath.Join("..", "testdata", "fonts", "scripts.yaml")), Options{})
	byID := map[string]int{}
	for i, n := range sc.Nodes {
		byID[n.ID] = i
	}
	for id, want := range map[string]string{"queue": "メッセージキュー", "app": "خادم التطبيقات", "proxy": "प्रॉक्सी सेवा", "web": "Διακομιστής ιστού"} {
		n := sc.Nodes[byID[id]]
		st := text.Style{Size: n.Lines[0].Size, Fonts: sc.Fonts}
		if w := text.Width(want, st); n.LabelBox.Width != round2(w) || w < 20 {
			t.Errorf("%s: label box %.2f wide, the shaped text %.2f", id, n.LabelBox.Width, w)
		}
	}
	long := sc.Nodes[byID["long"]]
	if len(long.Lines) < 2 {
		t.Errorf("the long Chinese label is %d line(s)", len(long.Lines))
	}
	for _, n := range sc.Nodes {
		if !n.Group && !n.Box().Contains(n.LabelBox, 0.01) {
			t.Errorf("%s: label box %+v outside the node %+v", n.ID, n.LabelBox, n.Box())
		}
	}
}

func round2(v float64) float64 { return float64(int(v*100+0.5)) / 100 }
