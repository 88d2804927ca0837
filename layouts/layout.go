// Package layouts turns a *model.Model into a *render.Scene: it measures
// every label with the embedded font, has a Placer place the boxes (package
// layouts/graphviz; Graphviz itself once a program imports
// layouts/graphviz/wasm), and composes the flat scene with the theme's colours,
// the title, the caption and the legend.
package layouts

import (
	"context"
	"errors"
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
	Background string   // a colour, or "transparent"
	Pad        *float64 // points of margin around the drawing; nil means 16, and 0 none
	FontScale  float64  // text this many times larger, re-measured; 0 means 1
	// Placer lays the graph out; nil means the context's (graphviz.PlacerOf):
	// a worker process set with graphviz.WithPlacer, or else Graphviz in
	// this process once package layouts/graphviz/wasm is imported.
	Placer graphviz.Placer
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
	fontScale                float64     // see fontScale
	fonts                    *text.Fonts // after the embedded font; nil for none (see modelFonts)
}

func resolve(m *model.Model, o Options) (settings, error) {
	s := settings{direction: m.Direction, engine: m.Engine, theme: m.Theme, pad: 16, fontScale: fontScale(m, o)}
	if o.Pad != nil {
		s.pad = *o.Pad
	}
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
	if err := pick(&s.engine, o.Engine, model.Engines, "layout"); err != nil {
		return s, err
	}
	if err := pick(&s.theme, o.Theme, model.Themes, "theme"); err != nil {
		return s, err
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
	sc, _, err := lay(ctx, m, o, false)
	return sc, err
}

// LayoutDOT lays m out once and returns both the scene and the DOT that
// DOT returns: what `-f svg,dot` needs, without resolving, measuring and
// building the graph twice.
func LayoutDOT(ctx context.Context, m *model.Model, o Options) (*render.Scene, []byte, error) {
	return lay(ctx, m, o, true)
}

// lay is Layout, and LayoutDOT withDOT.
func lay(ctx context.Context, m *model.Model, o Options, withDOT bool) (*render.Scene, []byte, error) {
	s, err := resolve(m, o)
	if err != nil {
		return nil, nil, err
	}
	files, icons, err := prepare(m, s)
	if err != nil {
		return nil, nil, err
	}
	if s.fonts, err = modelFonts(m, o); err != nil {
		return nil, nil, err
	}
	place := o.Placer
	if place == nil {
		place = graphviz.PlacerOf(ctx)
	}
	if place == nil {
		return nil, nil, errors.New("no layout: import github.com/kviz/kviz/layouts/graphviz/wasm for Graphviz")
	}
	sc, dot, err := try(ctx, place, m, s, files, 0, withDOT)
	if err != nil {
		return nil, nil, err
	}
	if s.engine == "dot" {
		if sc, dot, err = roomier(ctx, place, m, s, files, withDOT, sc, dot); err != nil {
			return nil, nil, err
		}
	}
	sc.Fonts = s.fonts
	return finish(sc, icons), dot, nil
}

// spacings are the rank separations, as multiples of the usual, that a
// dot layout whose edges overlap is tried again with.
var spacings = []float64{1.5, 2}

// roomier gives edges that overlap more than allowed (see overlapShare)
// more room between ranks to part in: it tries each of the spacings and
// returns the least overlapping of those layouts and sc, with its DOT.
func roomier(ctx context.Context, place graphviz.Placer, m *model.Model, s settings, files map[*model.Node]string, withDOT bool, sc *render.Scene, dot []byte) (*render.Scene, []byte, error) {
	first := overlapShare(sc)
	if first <= maxOverlap {
		return sc, dot, nil
	}
	least, w, h := first, sc.Width, sc.Height
	for _, f := range spacings {
		sc2, dot2, err := try(ctx, place, m, s, files, f*graphviz.RankSep, withDOT)
		if err != nil {
			return nil, nil, err
		}
		o := overlapShare(sc2)
		if o == first && sc2.Width == w && sc2.Height == h {
			break // the placer has no ranks to space (a fake one): no use
		}
		if o < least {
			sc, dot, least = sc2, dot2, o
		}
	}
	return sc, dot, nil
}

// try builds, places and composes m with rankSep points between ranks (0
// for the usual), returning the scene and, withDOT, the DOT placed.
func try(ctx context.Context, place graphviz.Placer, m *model.Model, s settings, files map[*model.Node]string, rankSep float64, withDOT bool) (*render.Scene, []byte, error) {
	b := newBuilder(m, s, files)
	g := b.graph()
	g.RankSep = rankSep
	var dot []byte
	if withDOT {
		dot = graphviz.DOT(g) // before placing: the DOT holds what goes in
	}
	if err := place.Place(ctx, g); err != nil {
		return nil, nil, fmt.Errorf("%s: laying out: %w", m.File, err)
	}
	return b.scene(g), dot, nil
}

// finish makes a scene whole: its icons go into it, and its numbers are
// rounded as its JSON has them, so that drawing the JSON scene gives the
// same bytes as drawing this one.
func finish(sc *render.Scene, icons map[string]*icon.Icon) *render.Scene {
	icon.Embed(sc, icons)
	sc.Round()
	sc.Version = render.SceneVersion
	return sc
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
			if m.Engine == engine && m.EnginePos.Line > 0 {
				return model.ErrorList{{Pos: m.EnginePos, Msg: msg}}
			}
			return fmt.Errorf("%s: %s", m.File, msg)
		}
	}
	return nil
}

// DOT is the DOT that Layout first hands to Graphviz for m (LayoutDOT
// has the one it keeps, when edges overlap and it tries again).
func DOT(m *model.Model, o Options) ([]byte, error) {
	s, err := resolve(m, o)
	if err != nil {
		return nil, err
	}
	files, _, err := prepare(m, s)
	if err != nil {
		return nil, err
	}
	if s.fonts, err = modelFonts(m, o); err != nil {
		return nil, err
	}
	return graphviz.DOT(newBuilder(m, s, files).graph()), nil
}

// Check finds the problems a model can have that loading it does not: a
// layout that cannot draw its groups, icon files kviz cannot draw. kviz
// validate runs it; Layout does too.
func Check(m *model.Model, o Options) error {
	s, err := resolve(m, o)
	if err != nil {
		return err
	}
	if _, _, err = prepare(m, s); err != nil {
		return err
	}
	_, err = modelFonts(m, o) // a label no font has is an error
	return err
}

// prepare checks the engine against the model and reads its icon files,
// returning their icon names by node, and the icons by name.
func prepare(m *model.Model, s settings) (map[*model.Node]string, map[string]*icon.Icon, error) {
	if err := checkEngine(m, s.engine); err != nil {
		return nil, nil, err
	}
	files := map[*model.Node]string{}
	icons := map[string]*icon.Icon{}
	var errs model.ErrorList
	m.Walk(func(n *model.Node) {
		if n.IconFile == nil {
			return
		}
		ic, err := icon.FromSVG(n.IconFile.Data)
		if err != nil {
			errs = append(errs, &model.Error{Pos: n.IconFile.Pos, Msg: fmt.Sprintf("icon %q: %v", n.IconFile.Path, err)})
			return
		}
		files[n], icons[ic.Name] = ic.Name, ic
	})
	return files, icons, errs.Err()
}
