package main

import (
	"context"
	"io"

	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
)

// encode writes a laid-out scene in one format.
func (e *env) encode(ctx context.Context, w io.Writer, m *model.Model, sc *render.Scene, format string, o renderOpts) error {
	return formats[format](w, sc, o)
}
