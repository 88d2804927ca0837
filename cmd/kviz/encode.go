package main

import (
	"context"
	"io"

	"github.com/kviz/kviz/layouts"
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/svg"
)

// encode writes a laid-out scene in one format, as view draws it (a step
// of a build, on a slide's page). With --dark-theme, an SVG is laid out
// again in that theme, viewed alike, and carries both: the reader's dark
// mode switches its colours.
func (e *env) encode(ctx context.Context, w io.Writer, m *model.Model, sc *render.Scene, format string, o renderOpts, view func(*render.Scene) *render.Scene) error {
	if format != "svg" || o.docs.darkTheme == "" {
		return formats[format](w, view(sc), o)
	}
	lo := o.layout
	lo.Theme = o.docs.darkTheme
	var dark *render.Scene
	err := e.budgeted(ctx, o, func(ctx context.Context) (err error) {
		dark, err = layouts.Layout(ctx, m, lo)
		return err
	})
	if err != nil {
		return err
	}
	return svg.EncodeDarkWith(w, view(sc), view(dark), svg.Options{EmbedFonts: o.fonts.embed})
}
