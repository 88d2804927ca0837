package icon

import (
	"testing"

	_ "github.com/kviz/kviz/internal/golden" // for -update
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
)

func TestEveryKindHasAnIcon(t *testing.T) {
	for _, k := range model.Kinds {
		if !Has(k.Name) {
			t.Errorf("kind %s has no icon", k.Name)
		}
	}
}

// TestIconsAreDrawable parses every path and checks that every element
// lies in the 100×100 box and is painted by some role.
func TestIconsAreDrawable(t *testing.T) {
	for _, k := range model.Kinds {
		ic := Lookup(k.Name)
		if ic == nil {
			continue
		}
		for i, el := range ic.Elements {
			if el.Fill == None && el.Stroke == None {
				t.Errorf("%s element %d is painted by nothing", k.Name, i)
			}
			if el.Stroke != None && el.StrokeWidth <= 0 {
				t.Errorf("%s element %d has a stroke of width %v", k.Name, i, el.StrokeWidth)
			}
			switch el.Op {
			case Path:
				p, err := render.ParsePath(el.D)
				if err != nil {
					t.Errorf("%s element %d: %v", k.Name, i, err)
					continue
				}
				for _, s := range p {
					for _, pt := range s.Pts {
						if pt[0] < -1 || pt[0] > 101 || pt[1] < -1 || pt[1] > 101 {
							t.Errorf("%s element %d: point %v outside the icon", k.Name, i, pt)
						}
					}
				}
			case Circle:
				if el.X-el.R < 0 || el.X+el.R > 100 || el.Y-el.R < 0 || el.Y+el.R > 100 {
					t.Errorf("%s element %d: circle outside the icon", k.Name, i)
				}
			case Text:
				if el.Text == "" || el.Size <= 0 {
					t.Errorf("%s element %d: empty text", k.Name, i)
				}
			}
		}
	}
}

func TestShortNamesFit(t *testing.T) {
	for _, k := range model.Kinds {
		for _, el := range Lookup(k.Name).Elements {
			if el.Op == Text && el.Size > shortSize {
				t.Errorf("%s: short name at %v points, more than %v", k.Name, el.Size, shortSize)
			}
		}
	}
}

func TestParsePath(t *testing.T) {
	p, err := render.ParsePath("M10,20 L30,40 H50 V60 Q70,80 90,60 C1,2 3,4 5,6 Z")
	if err != nil {
		t.Fatal(err)
	}
	want := "M10.00,20.00 L30.00,40.00 L50.00,40.00 L50.00,60.00 C63.33,73.33 76.67,73.33 90.00,60.00 C1.00,2.00 3.00,4.00 5.00,6.00 Z"
	if got := p.SVG(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	for _, bad := range []string{"M10", "10,20", "M10,20 X5", "M1,2 L3,x"} {
		if _, err := render.ParsePath(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}
