// Package layouts turns a *model.Model into a *render.Scene: it measures
// every label with the embedded font, has Graphviz place the boxes (package
// layouts/graphviz), and composes the flat scene with the theme's colours,
// the title, the caption and the legend.
package layouts

import (
	"context"
	"fmt"

	"github.com/kviz/kviz/layouts/graphviz"
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/icon"
	"github.com/kviz/kviz/render/text"
)

// Options override the model's own settings; "" keeps the model's.
type Options struct {
	Direction  string
	Engine     string // dot, neato, fdp, circo, twopi or osage
	Theme      string
	Background string  // a colour, or "transparent"
	Pad        float64 // points of margin around the drawing; 0 means 16
	// Fonts are fonts to fall back on after the model's own (--font).
	Fonts []*text.Font
	// System finds the machine's fonts for characters no other font has;
	// nil uses none, so that the drawing depends on no installed font.
	System *text.System
}

// settings are the model's choices with the options applied.
type settings struct {
	direction, engine, theme string
	pal                      *palette
	pad                      float64
	background               string
}

func resolve(m *model.Model, o Options) (settings, error) {
	s := settings{direction: m.Direction, engine: m.Layout, theme: m.Theme, pad: o.Pad}
	pick := func(v *string, opt string, allowed []string, what string) error {
		if opt == "" {
			return nil
		}
		for _, a := range allowed {
			if a == opt {
				*v = opt
				return nil
			}
		}
		return fmt.Errorf("unknown %s %q", what, opt)
	}
	if err := pick(&s.direction, o.Direction, model.Directions, "direction"); err != nil {
		return s, err
	}
	if err := pick(&s.engine, o.Engine, model.Layouts, "layout"); err != nil {
		return s, err
	}
	if err := pick(&s.theme, o.Theme, model.Themes, "theme"); err != nil {
		return s, err
	}
	if s.pad <= 0 {
		s.pad = 16
	}
	s.pal = themes[s.theme]
	s.background = s.pal.background
	if m.Style.Background != "" {
		s.background = m.Style.Background
	}
	switch bg := o.Background; {
	case bg == "":
	case bg == "transparent" || bg == "none":
		s.background = ""
	case model.ValidColor(bg):
		s.background = bg
	default:
		return s, fmt.Errorf("bad background colour %q", bg)
	}
	return s, nil
}

// Layout lays m out. The model is not modified.
func Layout(ctx context.Context, m *model.Model, o Options) (*render.Scene, error) {
	s, err := resolve(m, o)
	if err != nil {
		return nil, err
	}
	files, fonts, err := prepare(m, s, o)
	if err != nil {
		return nil, err
	}
	b := newBuilder(m, s, files, fonts)
	g := b.graph()
	if err := graphviz.Layout(ctx, g); err != nil {
		return nil, fmt.Errorf("%s: laying out: %w", m.File, err)
	}
	return b.scene(g), nil
}

// checkEngine refuses a model with groups under an engine that ignores
// them, rather than drawing group frames over unrelated boxes.
func checkEngine(m *model.Model, engine string) error {
	if graphviz.Clusters(engine) {
		return nil
	}
	for _, n := range m.Nodes {
		if n.IsGroup || len(n.Nodes) > 0 {
			msg := fmt.Sprintf("layout %s does not draw groups, and %q is one: use fdp (force-directed too), dot or osage", engine, n.ID)
			if m.Layout == engine && m.LayoutPos.Line > 0 {
				return model.ErrorList{{Pos: m.LayoutPos, Msg: msg}}
			}
			return fmt.Errorf("%s: %s", m.File, msg)
		}
	}
	return nil
}

// DOT is the DOT that Layout hands to Graphviz for m.
func DOT(m *model.Model, o Options) ([]byte, error) {
	s, err := resolve(m, o)
	if err != nil {
		return nil, err
	}
	files, fonts, err := prepare(m, s, o)
	if err != nil {
		return nil, err
	}
	return graphviz.DOT(newBuilder(m, s, files, fonts).graph()), nil
}

// Check finds the problems a model can have that loading it does not: a
// layout that cannot draw its groups, icon files kviz cannot draw. kviz
// validate runs it; Layout does too.
func Check(m *model.Model, o Options) error {
	s, err := resolve(m, o)
	if err != nil {
		return err
	}
	_, _, err = prepare(m, s, o)
	return err
}

// prepare checks the engine against the model, reads its icon files,
// returning their icon names by node, and its fonts, checking that they
// have every character the drawing shows.
func prepare(m *model.Model, s settings, o Options) (map[*model.Node]string, *text.Fonts, error) {
	if err := checkEngine(m, s.engine); err != nil {
		return nil, nil, err
	}
	fonts, err := modelFonts(m, o)
	if err != nil {
		return nil, nil, err
	}
	files := map[*model.Node]string{}
	var errs model.ErrorList
	m.Walk(func(n *model.Node) {
		if n.IconFile == nil {
			return
		}
		name, err := icon.FromSVG(n.IconFile.Data)
		if err != nil {
			errs = append(errs, &model.Error{Pos: n.IconFile.Pos, Msg: fmt.Sprintf("icon %q: %v", n.IconFile.Path, err)})
			return
		}
		files[n] = name
	})
	return files, fonts, errs.Err()
}

// CacheDir reports where Graphviz's compiled code is cached, or why it is
// not: see package layouts/graphviz/internal/wasmcache.
func CacheDir() (string, error) { return graphviz.CacheDir() }
