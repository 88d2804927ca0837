package render

import (
	"math"
	"testing"

	_ "github.com/kviz/kviz/internal/golden" // for -update
)

func TestParsePathForms(t *testing.T) {
	tests := []struct{ in, want string }{
		{"M10,20 L30,40 H50 V60 Z", "M10.00,20.00 L30.00,40.00 L50.00,40.00 L50.00,60.00 Z"},
		{"m10 20 l5 5 h5 v-5 z", "M10.00,20.00 L15.00,25.00 L20.00,25.00 L20.00,20.00 Z"},
		{"M1-2.5.5.5", "M1.00,-2.50 L0.50,0.50"},             // signs and second points split numbers
		{"M0 0 1 1 2 2", "M0.00,0.00 L1.00,1.00 L2.00,2.00"}, // a moveto's further pairs are lines
		{"M0,0 Q10,10 20,0 T40,0", "M0.00,0.00 C6.67,6.67 13.33,6.67 20.00,0.00 C26.67,-6.67 33.33,-6.67 40.00,0.00"},
		{"M0,0 C0,10 10,10 10,0 S20,-10 20,0", "M0.00,0.00 C0.00,10.00 10.00,10.00 10.00,0.00 C10.00,-10.00 20.00,-10.00 20.00,0.00"},
		{"M0 0 c1 2 3 4 5 6 s1 1 2 2", "M0.00,0.00 C1.00,2.00 3.00,4.00 5.00,6.00 C7.00,8.00 6.00,7.00 7.00,8.00"},
		{"M1e1,2E0", "M10.00,2.00"},
	}
	for _, tt := range tests {
		p, err := ParsePath(tt.in)
		if err != nil {
			t.Errorf("%q: %v", tt.in, err)
			continue
		}
		if got := p.SVG(); got != tt.want {
			t.Errorf("%q:\ngot  %s\nwant %s", tt.in, got, tt.want)
		}
	}
	for _, bad := range []string{"10,20", "M10", "M1 2 Z 3", "M0 0 A1 1 0 2 1 3 3", "M0 0 L1e999 0", "M0 0 Lx"} {
		if _, err := ParsePath(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

// TestArc checks that a half circle drawn as an arc ends where it should
// and stays on the circle.
func TestArc(t *testing.T) {
	for _, d := range []string{"M0,0 A10,10 0 0 1 20,0", "M0 0a10 10 0 0120 0"} {
		p, err := ParsePath(d)
		if err != nil {
			t.Fatal(err)
		}
		last := p[len(p)-1].Pts[2]
		if math.Abs(last[0]-20) > 1e-9 || math.Abs(last[1]) > 1e-9 {
			t.Errorf("%s ends at %v", d, last)
		}
		for _, s := range p[1:] {
			e := s.Pts[2]
			if r := math.Hypot(e[0]-10, e[1]); math.Abs(r-10) > 1e-6 {
				t.Errorf("%s: point %v is %v from the centre, want 10", d, e, r)
			}
			if e[1] > 1e-9 { // sweep 1 in y-down goes through negative y
				t.Errorf("%s: point %v on the wrong side", d, e)
			}
		}
	}
}

func FuzzParsePath(f *testing.F) {
	for _, s := range []string{"M10,20 L30,40 Z", "m0 0a10 10 0 0120 0", "M0,0 Q1,1 2,2 T3,3 S4,4 5,5", "M1-2.5.5e3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, d string) {
		p, err := ParsePath(d)
		if err != nil {
			return
		}
		for _, s := range p {
			for _, pt := range s.Pts {
				if math.IsNaN(pt[0]) || math.IsNaN(pt[1]) || math.IsInf(pt[0], 0) || math.IsInf(pt[1], 0) {
					t.Fatalf("%q gives the point %v", d, pt)
				}
			}
		}
	})
}
