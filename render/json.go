package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// EncodeJSON writes the scene as JSON (see Scene), every number rounded to
// 1/100 point so that output is stable across machines. sc is not changed:
// the rounding is done on a copy, which also fills in Version and each
// node's ShapeBox. After the scene come the texts' language and the font
// files of the families that draw some text (Scene.Fonts; the embedded
// Liberation Sans is never written).
func EncodeJSON(w io.Writer, sc *Scene) error {
	c, err := clone(sc)
	if err != nil {
		return err
	}
	c.Version = SceneVersion
	c.Round()
	for i := range c.Nodes {
		c.Nodes[i].ShapeBox = c.Nodes[i].shapeBox()
	}
	if c.Legend != nil {
		for i := range c.Legend.Nodes {
			c.Legend.Nodes[i].ShapeBox = c.Legend.Nodes[i].shapeBox()
		}
	}
	if c.Nodes == nil {
		c.Nodes = []Node{}
	}
	if c.Edges == nil {
		c.Edges = []Edge{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // an edge key "a->b" and a label "<none>" as written, for people reading it too
	enc.SetIndent("", "  ")
	return enc.Encode(toJSON(sc, c))
}

// clone is a deep copy of sc through its JSON form: what the copy lacks,
// the JSON scene lacks too.
func clone(sc *Scene) (*Scene, error) {
	data, err := json.Marshal(sc)
	if err != nil {
		return nil, err
	}
	var c Scene
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, err
	}
	return &c, nil
}

func (n *Node) shapeBox() Box {
	if n.Icon != nil {
		return n.Icon.Box
	}
	return n.Box()
}

// DecodeJSON reads a scene that EncodeJSON wrote. Unknown fields, another
// version, drawings an encoder cannot draw (a spline of the wrong number
// of points, an icon with no symbol, a negative size), values outside
// an enum type's constants and fonts that text.Parse refuses are errors;
// syntax errors name the line and column, in name.
func DecodeJSON(name string, data []byte) (*Scene, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var sc Scene
	js := sceneJSON{Scene: &sc}
	if err := dec.Decode(&js); err != nil {
		return nil, positioned(name, data, err)
	}
	if dec.More() {
		return nil, positioned(name, data, fmt.Errorf("more than one scene at offset %d", dec.InputOffset()))
	}
	if sc.Version != SceneVersion {
		return nil, fmt.Errorf("%s: scene version %d, want %d", name, sc.Version, SceneVersion)
	}
	if err := sc.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	fonts, err := js.fonts()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	sc.Fonts = fonts
	return &sc, nil
}

// positioned prefixes a JSON error with name:line:col where it has an
// offset: the character a syntax error stops at, the start of a value of
// the wrong type.
func positioned(name string, data []byte, err error) error {
	var off int64 = -1
	switch e := err.(type) {
	case *json.SyntaxError:
		off = e.Offset - 1 // the offset is just past the bad character
	case *json.UnmarshalTypeError:
		off = valueStart(data, e.Offset)
	}
	if off < 0 {
		return fmt.Errorf("%s: %w", name, err)
	}
	off = min(off, int64(len(data)))
	line, col := 1, 1
	for _, b := range data[:off] {
		if b == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Errorf("%s:%d:%d: %w", name, line, col, err)
}

// valueStart is where the JSON value ending at end begins: a string's
// opening quote, or the first character of a number or word. (Arrays and
// objects are reported where they end.)
func valueStart(data []byte, end int64) int64 {
	end = min(end, int64(len(data)))
	i := end - 1
	if i >= 0 && data[i] == '"' {
		for i--; i >= 0; i-- {
			if data[i] == '"' && (i == 0 || data[i-1] != '\\') {
				return i
			}
		}
		return 0
	}
	for i >= 0 && !strings.ContainsRune(",:[{ \t\r\n", rune(data[i])) {
		i--
	}
	return i + 1
}

// check refuses what the encoders cannot draw.
func (sc *Scene) check() error {
	if !(sc.Width >= 0 && sc.Height >= 0) {
		return fmt.Errorf("size %vx%v", sc.Width, sc.Height)
	}
	symbols := map[string]bool{}
	for i, s := range sc.Icons {
		if s.ID == "" || symbols[s.ID] {
			return fmt.Errorf("icons[%d]: id %q is empty or used twice", i, s.ID)
		}
		symbols[s.ID] = true
		for j, el := range s.Elements {
			if el.Op != OpPath && el.Op != OpCircle && el.Op != OpText {
				return fmt.Errorf("icons[%d].elements[%d]: op %q", i, j, el.Op)
			}
			if el.Op == OpPath {
				if _, err := ParsePath(el.D); err != nil {
					return fmt.Errorf("icons[%d].elements[%d]: %w", i, j, err)
				}
			}
		}
	}
	check := func(where string, nodes []Node, edges []Edge) error {
		for i, n := range nodes {
			if !(n.Width >= 0 && n.Height >= 0) {
				return fmt.Errorf("%snodes[%d]: size %vx%v", where, i, n.Width, n.Height)
			}
			if !slices.Contains(Shapes, n.Shape) {
				return fmt.Errorf("%snodes[%d]: shape %q", where, i, n.Shape)
			}
			if n.Icon != nil && !symbols[n.Icon.Symbol] {
				return fmt.Errorf("%snodes[%d]: icon symbol %q is not in icons", where, i, n.Icon.Symbol)
			}
		}
		keys := map[string]bool{}
		for _, e := range edges {
			keys[EdgeKey(e.From, e.To)] = true
		}
		for i, e := range edges {
			if len(e.Points) < 4 || (len(e.Points)-1)%3 != 0 {
				return fmt.Errorf("%sedges[%d]: a spline of %d points", where, i, len(e.Points))
			}
			if j := e.Join; j != nil && (j.Index <= 0 || j.Index >= len(e.Points)-1 || j.Index%3 != 0 || !keys[j.Onto] || j.Onto == EdgeKey(e.From, e.To)) {
				return fmt.Errorf("%sedges[%d]: join onto %q at point %d", where, i, j.Onto, j.Index)
			}
		}
		return nil
	}
	if err := check("", sc.Nodes, sc.Edges); err != nil {
		return err
	}
	if l := sc.Legend; l != nil {
		if err := check("legend.", l.Nodes, l.Edges); err != nil {
			return err
		}
	}
	return sc.checkEnums()
}

// Round rounds every length and position in the scene to 1/100 point, as
// EncodeJSON writes them: a scene rounded before it is drawn draws the
// same from its JSON as from itself.
func (sc *Scene) Round() {
	r := round
	sc.Width, sc.Height = r(sc.Width), r(sc.Height)
	roundNodes(sc.Nodes)
	roundEdges(sc.Edges)
	roundTexts(sc.Texts)
	if l := sc.Legend; l != nil {
		l.Box = l.Box.round()
		l.Paint.round()
		roundNodes(l.Nodes)
		roundEdges(l.Edges)
		roundTexts(l.Texts)
	}
	for i := range sc.Icons {
		for j := range sc.Icons[i].Elements {
			el := &sc.Icons[i].Elements[j]
			el.X, el.Y, el.R, el.Size, el.StrokeWidth = r(el.X), r(el.Y), r(el.R), r(el.Size), r(el.StrokeWidth)
		}
	}
}

func roundNodes(nodes []Node) {
	for i := range nodes {
		n := &nodes[i]
		n.X, n.Y, n.Width, n.Height = round(n.X), round(n.Y), round(n.Width), round(n.Height)
		n.LabelBox, n.ShapeBox = n.LabelBox.round(), n.ShapeBox.round()
		n.Paint.round()
		if n.Icon != nil {
			n.Icon.Box = n.Icon.Box.round()
		}
		roundTexts(n.Lines)
	}
}

func roundEdges(edges []Edge) {
	for i := range edges {
		e := &edges[i]
		for j, p := range e.Points {
			e.Points[j] = p.round()
		}
		e.LabelBox = e.LabelBox.round()
		e.Width = round(e.Width)
		e.Dash = rounded(e.Dash)
		for _, a := range []*Arrow{e.Head, e.Tail} {
			if a != nil {
				a.Tip, a.Base = a.Tip.round(), a.Base.round()
			}
		}
		roundTexts(e.Lines)
	}
}

func roundTexts(ts []Text) {
	for i := range ts {
		ts[i].X, ts[i].Y, ts[i].Size = round(ts[i].X), round(ts[i].Y), round(ts[i].Size)
	}
}

// rounded is fs rounded, in a new slice: a scene may share its dash
// patterns with other scenes, and with a package's table of them.
func rounded(fs []float64) []float64 {
	if fs == nil {
		return nil
	}
	out := make([]float64, len(fs))
	for i, f := range fs {
		out[i] = round(f)
	}
	return out
}

func (p *Paint) round() {
	p.StrokeWidth, p.Radius = round(p.StrokeWidth), round(p.Radius)
	p.Dash = rounded(p.Dash)
}

func (p Point) round() Point { return Point{round(p[0]), round(p[1])} }

func (b Box) round() Box { return Box{round(b.X), round(b.Y), round(b.Width), round(b.Height)} }

func round(v float64) float64 {
	r := math.Round(v*100) / 100
	if r == 0 {
		return 0 // no negative zero
	}
	return r
}
