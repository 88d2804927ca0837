package icon

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"golang.org/x/image/colornames"

	"github.com/kviz/kviz/render"
)

// Limits on an icon file.
const (
	MaxFileBytes = 256 << 10
	maxElements  = 2000
	maxDepth     = 16
)

// FromSVG reads an icon drawn elsewhere from SVG. Its name is file- and a
// hash of data, so the same file makes the same icon. Only a safe, drawable subset is accepted: the
// elements svg, g, path, circle, ellipse, rect, line, polyline, polygon,
// title and desc, with geometry and fill, stroke, stroke-width and
// fill-rule attributes of plain colours. Anything else — script,
// foreignObject, image, use, style, links, event handlers, transforms,
// gradients — is an error naming it, never dropped silently. The drawing
// is scaled to kviz's 100×100 icon box, keeping its proportions.
func FromSVG(data []byte) (*Icon, error) {
	if len(data) > MaxFileBytes {
		return nil, fmt.Errorf("larger than %d KiB", MaxFileBytes>>10)
	}
	sum := sha256.Sum256(data)
	r := &svgReader{dec: xml.NewDecoder(bytes.NewReader(data))}
	r.dec.Strict = true
	if err := r.read(); err != nil {
		return nil, err
	}
	return &Icon{Name: "file-" + hex.EncodeToString(sum[:8]), Elements: r.els}, nil
}

// inherited is what an element takes from its ancestors.
type inherited struct {
	fill, stroke string
	width        float64
	evenOdd      bool
}

type svgReader struct {
	dec   *xml.Decoder
	els   []Element
	count int
	// The view box, and how it maps into the 100×100 box.
	scale, dx, dy float64
}

var allowed = map[string]bool{"svg": true, "g": true, "path": true, "circle": true, "ellipse": true, "rect": true,
	"line": true, "polyline": true, "polygon": true, "title": true, "desc": true}

// harmless attributes are accepted and have no effect on the drawing.
var harmless = map[string]bool{"id": true, "class": true, "version": true, "stroke-linecap": true,
	"stroke-linejoin": true, "stroke-miterlimit": true, "clip-rule": true, "data-name": true, "baseProfile": true,
	"preserveAspectRatio": true}

func (r *svgReader) read() error {
	root := true
	var stack []inherited
	for {
		tok, err := r.dec.Token()
		if err == io.EOF {
			if root {
				return errors.New("no <svg> element")
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("not well-formed XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			el := t.Name.Local
			if !allowed[el] || t.Name.Space != "" && t.Name.Space != "http://www.w3.org/2000/svg" {
				return fmt.Errorf("<%s> is not allowed in an icon (kviz draws path, circle, ellipse, rect, line, polyline, polygon and g)", el)
			}
			if root != (el == "svg") {
				return errors.New("an icon file must be one <svg> element")
			}
			if r.count++; r.count > maxElements {
				return fmt.Errorf("more than %d elements", maxElements)
			}
			if len(stack) >= maxDepth {
				return fmt.Errorf("elements nested more than %d deep", maxDepth)
			}
			parent := inherited{fill: "#000000", width: 1}
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			attrs, inh, err := r.attributes(t.Attr, parent)
			if err != nil {
				return fmt.Errorf("<%s>: %w", el, err)
			}
			stack = append(stack, inh)
			if el == "title" || el == "desc" {
				if err := r.dec.Skip(); err != nil {
					return err
				}
				stack = stack[:len(stack)-1]
				continue
			}
			if root {
				if err := r.viewBox(attrs); err != nil {
					return err
				}
				root = false
				continue
			}
			if err := r.shape(el, attrs, inh); err != nil {
				return fmt.Errorf("<%s>: %w", el, err)
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.ProcInst, xml.Comment, xml.CharData:
		case xml.Directive:
			return errors.New("DOCTYPE and entity declarations are not allowed")
		}
	}
}

// attributes checks an element's attributes against the allowed set and
// returns the geometry ones and the inherited paint.
func (r *svgReader) attributes(list []xml.Attr, in inherited) (map[string]string, inherited, error) {
	geo := map[string]string{}
	for _, a := range list {
		name := a.Name.Local
		if a.Name.Space == "xmlns" || name == "xmlns" && a.Name.Space == "" {
			continue
		}
		if a.Name.Space != "" {
			return nil, in, fmt.Errorf("attribute %s:%s is not allowed", a.Name.Space, name)
		}
		switch name {
		case "fill", "stroke":
			c, err := color(a.Value)
			if err != nil {
				return nil, in, fmt.Errorf("%s: %w", name, err)
			}
			if name == "fill" {
				in.fill = c
			} else {
				in.stroke = c
			}
		case "stroke-width":
			w, err := strconv.ParseFloat(strings.TrimSuffix(a.Value, "px"), 64)
			if err != nil || w < 0 || w > 1e4 {
				return nil, in, fmt.Errorf("bad stroke-width %q", a.Value)
			}
			in.width = w
		case "fill-rule":
			in.evenOdd = a.Value == "evenodd"
		case "d", "cx", "cy", "r", "rx", "ry", "x", "y", "width", "height", "x1", "y1", "x2", "y2", "points", "viewBox":
			geo[name] = a.Value
		default:
			if !harmless[name] {
				return nil, in, fmt.Errorf("attribute %s is not allowed", name)
			}
		}
	}
	return geo, in, nil
}

// color accepts a plain colour; "none" is kept as "none".
func color(v string) (string, error) {
	c := strings.ToLower(strings.TrimSpace(v))
	if c == "none" || c == "transparent" {
		return "none", nil
	}
	if _, ok := colornames.Map[c]; ok {
		return c, nil
	}
	if _, ok := render.ParseColor(c); ok && strings.HasPrefix(c, "#") {
		return c, nil
	}
	return "", fmt.Errorf("%q is not a plain colour", v)
}

func (r *svgReader) viewBox(a map[string]string) error {
	var x, y, w, h float64
	if vb := a["viewBox"]; vb != "" {
		f := strings.FieldsFunc(vb, func(c rune) bool { return c == ' ' || c == ',' })
		if len(f) != 4 {
			return fmt.Errorf("bad viewBox %q", vb)
		}
		var err error
		vals := make([]float64, 4)
		for i, s := range f {
			if vals[i], err = strconv.ParseFloat(s, 64); err != nil {
				return fmt.Errorf("bad viewBox %q", vb)
			}
		}
		x, y, w, h = vals[0], vals[1], vals[2], vals[3]
	} else {
		w, _ = strconv.ParseFloat(strings.TrimSuffix(a["width"], "px"), 64)
		h, _ = strconv.ParseFloat(strings.TrimSuffix(a["height"], "px"), 64)
	}
	if !(w > 0 && h > 0) || math.IsInf(w, 0) || math.IsInf(h, 0) {
		return errors.New("the <svg> needs a viewBox, or a width and height")
	}
	if !(w < maxExtent && h < maxExtent && math.Abs(x) < maxExtent && math.Abs(y) < maxExtent) || math.Max(w, h)/math.Min(w, h) > maxExtent {
		return fmt.Errorf("absurd viewBox %g %g %g %g", x, y, w, h)
	}
	r.scale = 100 / math.Max(w, h)
	r.dx = -x*r.scale + (100-w*r.scale)/2
	r.dy = -y*r.scale + (100-h*r.scale)/2
	return nil
}

func (r *svgReader) num(a map[string]string, k string) (float64, error) {
	v, ok := a[k]
	if !ok {
		return 0, nil
	}
	f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), "px"), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, fmt.Errorf("bad %s %q", k, v)
	}
	return f, nil
}

// maxExtent bounds an icon's viewBox, and maxCoord its points once fitted
// to the 100×100 box: numbers such as r=1e308 would otherwise reach the
// drawing as +Inf or NaN.
const (
	maxExtent = 1e6
	maxCoord  = 1e4
)

// sane reports whether a fitted coordinate is finite and near the box.
func sane(v float64) bool { return math.Abs(v) <= maxCoord }

// shape turns one element into an icon element in the 100×100 box.
func (r *svgReader) shape(el string, a map[string]string, in inherited) error {
	nums := func(keys ...string) ([]float64, error) {
		out := make([]float64, len(keys))
		for i, k := range keys {
			var err error
			if out[i], err = r.num(a, k); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	var p render.Path
	var err error
	switch el {
	case "g":
		return nil
	case "path":
		if p, err = render.ParsePath(a["d"]); err != nil {
			return err
		}
	case "circle", "ellipse":
		v, err := nums("cx", "cy", "r", "rx", "ry")
		if err != nil {
			return err
		}
		rx, ry := v[3], v[4]
		if el == "circle" {
			rx, ry = v[2], v[2]
		}
		p = render.Ellipse(render.Box{X: v[0] - rx, Y: v[1] - ry, Width: 2 * rx, Height: 2 * ry})
	case "rect":
		v, err := nums("x", "y", "width", "height", "rx")
		if err != nil {
			return err
		}
		p = render.RoundRect(render.Box{X: v[0], Y: v[1], Width: v[2], Height: v[3]}, v[4])
	case "line":
		v, err := nums("x1", "y1", "x2", "y2")
		if err != nil {
			return err
		}
		p = render.Path{{Op: 'M', Pts: []render.Point{{v[0], v[1]}}}, {Op: 'L', Pts: []render.Point{{v[2], v[3]}}}}
	case "polyline", "polygon":
		d := "M" + a["points"]
		if el == "polygon" {
			d += "Z"
		}
		if p, err = render.ParsePath(d); err != nil {
			return err
		}
	}
	for i, s := range p {
		pts := make([]render.Point, len(s.Pts))
		for j, pt := range s.Pts {
			pts[j] = render.Point{pt[0]*r.scale + r.dx, pt[1]*r.scale + r.dy}
			if !sane(pts[j][0]) || !sane(pts[j][1]) {
				return fmt.Errorf("<%s> reaches %g,%g, far outside its viewBox", el, pt[0], pt[1])
			}
		}
		p[i].Pts = pts
	}
	e := Element{Op: Path, D: p.SVG(), FillColor: in.fill, StrokeColor: in.stroke, EvenOdd: in.evenOdd}
	if in.stroke != "" && in.stroke != "none" {
		e.StrokeWidth = in.width * r.scale
	}
	if el == "line" || el == "polyline" {
		e.FillColor = "none"
	}
	r.els = append(r.els, e)
	return nil
}
