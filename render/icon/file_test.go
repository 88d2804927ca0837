package icon

import (
	"strings"
	"testing"

	"github.com/kviz/kviz/render"
)

const goodSVG = `<?xml version="1.0"?>
<!-- a comment -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 12">
  <title>logo</title>
  <g fill="none" stroke="#e34c26" stroke-width="2">
    <circle cx="6" cy="6" r="5"/>
    <path d="M13 6a5 5 0 0 1 10 0" stroke="navy" stroke-linecap="round"/>
  </g>
  <rect x="1" y="1" width="4" height="4" rx="1" fill="#2a9d8f" fill-rule="evenodd"/>
  <ellipse cx="18" cy="9" rx="3" ry="2"/>
  <line x1="0" y1="0" x2="24" y2="12" stroke="red"/>
  <polyline points="0,12 6,6 12,12" stroke="red"/>
  <polygon points="12,0 14,4 10,4" fill="gold"/>
</svg>`

func TestFromSVG(t *testing.T) {
	ic, err := FromSVG([]byte(goodSVG))
	if err != nil {
		t.Fatal(err)
	}
	if len(ic.Elements) != 7 || !strings.HasPrefix(ic.Name, "file-") {
		t.Fatalf("icon %+v", ic)
	}
	again, _ := FromSVG([]byte(goodSVG))
	if again.Name != ic.Name {
		t.Errorf("the same file got two names: %s, %s", ic.Name, again.Name)
	}
	if Lookup(ic.Name) != nil {
		t.Errorf("an icon file went into a registry")
	}
	circle := ic.Elements[0]
	if circle.FillColor != "none" || circle.StrokeColor != "#e34c26" || circle.StrokeWidth != 2*100.0/24 {
		t.Errorf("the circle inherits %+v", circle)
	}
	if arc := ic.Elements[1]; arc.StrokeColor != "navy" {
		t.Errorf("the arc is stroked %q", arc.StrokeColor)
	}
	if ellipse := ic.Elements[3]; ellipse.FillColor != "#000000" {
		t.Errorf("an element with no fill is filled %q, not black as SVG says", ellipse.FillColor)
	}
	if line := ic.Elements[4]; line.FillColor != "none" {
		t.Errorf("a line is filled %q", line.FillColor)
	}
	// 24×12 scaled to 100 wide and centred: y runs from 25 to 75.
	for i, el := range ic.Elements {
		p, err := render.ParsePath(el.D)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range p {
			for _, pt := range s.Pts {
				if pt[0] < -0.01 || pt[0] > 100.01 || pt[1] < 24.99 || pt[1] > 75.01 {
					t.Errorf("element %d: point %v outside the scaled view box", i, pt)
				}
			}
		}
	}
}

func TestFromSVGRejects(t *testing.T) {
	wrap := func(body string) string {
		return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">` + body + `</svg>`
	}
	tests := []struct{ name, in, want string }{
		{"script", wrap(`<script>alert(1)</script>`), "<script> is not allowed"},
		{"event handler", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"/>`, "attribute onload is not allowed"},
		{"foreignObject", wrap(`<foreignObject><div/></foreignObject>`), "<foreignObject> is not allowed"},
		{"image", wrap(`<image href="http://example.com/x.png"/>`), "<image> is not allowed"},
		{"use", wrap(`<use href="#a"/>`), "<use> is not allowed"},
		{"link", wrap(`<a href="javascript:x"><path d="M0 0"/></a>`), "<a> is not allowed"},
		{"xlink attribute", wrap(`<path d="M0 0" xlink:href="http://x" xmlns:xlink="http://www.w3.org/1999/xlink"/>`), "is not allowed"},
		{"style attribute", wrap(`<path d="M0 0" style="fill:url(http://x)"/>`), "attribute style is not allowed"},
		{"style element", wrap(`<style>path{fill:red}</style>`), "<style> is not allowed"},
		{"gradient fill", wrap(`<path d="M0 0" fill="url(#g)"/>`), "is not a plain colour"},
		{"transform", wrap(`<g transform="rotate(45)"/>`), "attribute transform is not allowed"},
		{"entity", `<!DOCTYPE svg [<!ENTITY x "y">]><svg viewBox="0 0 1 1"/>`, "DOCTYPE"},
		{"not svg", `<html/>`, "is not allowed"},
		{"two roots", wrap(``) + wrap(``), "one <svg>"},
		{"no size", `<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>`, "needs a viewBox"},
		{"bad path", wrap(`<path d="M0 0 L"/>`), "a number is missing"},
		{"not XML", `<svg`, "not well-formed XML"},
		{"empty", ``, "no <svg> element"},
		{"huge", wrap(strings.Repeat(" ", MaxFileBytes)), "larger than 256 KiB"},
		{"radius past the float range once fitted", wrap(`<circle cx="5" cy="5" r="1e308"/>`), "<circle> reaches"},
		{"path far outside", wrap(`<path d="M0 0 L1e300 1e300"/>`), "<path> reaches 1e+300,1e+300, far outside its viewBox"},
		{"absurd viewBox", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1e300 1"/>`, "absurd viewBox"},
		{"sliver viewBox", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1e-300 1"/>`, "absurd viewBox"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FromSVG([]byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error with %q", err, tt.want)
			}
		})
	}
}

func FuzzFromSVG(f *testing.F) {
	f.Add([]byte(goodSVG))
	f.Add([]byte(`<svg viewBox="0 0 1 1"><path d="M0 0a1 1 0 1 1 1 1z"/></svg>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ic, err := FromSVG(data)
		if err != nil {
			return
		}
		for _, el := range ic.Elements {
			if _, err := render.ParsePath(el.D); err != nil {
				t.Fatalf("an accepted icon has a path kviz cannot read: %v", err)
			}
		}
	})
}
