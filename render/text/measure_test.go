package text

import (
	"math"
	"slices"
	"testing"
)

// TestWidth checks measured widths against Liberation Sans's advance
// widths (2048 units to the em): H 1479, e 1139, l 455, o 1139, space 569;
// in bold H 1479, e 1139, l 569, o 1251. The face rounds each advance to
// 1/64 of a pixel, so allow a little.
func TestWidth(t *testing.T) {
	for _, c := range []struct {
		s     string
		st    Style
		units float64
	}{
		{"Hello", Style{Size: 12}, 1479 + 1139 + 455 + 455 + 1139},
		{"Hello", Style{Size: 24}, 1479 + 1139 + 455 + 455 + 1139},
		{"Hello", Style{Size: 12, Bold: true}, 1479 + 1139 + 569 + 569 + 1251},
		{"l l", Style{Size: 10}, 455 + 569 + 455},
		{"", Style{Size: 12}, 0},
	} {
		want := c.units / 2048 * c.st.Size
		if got := Width(c.s, c.st); math.Abs(got-want) > 0.05 {
			t.Errorf("Width(%q, %+v) = %.3f, want %.3f", c.s, c.st, got, want)
		}
	}
	if r, i := Width("Hello", Style{Size: 12}), Width("Hello", Style{Size: 12, Italic: true}); r == 0 || i == 0 {
		t.Errorf("regular %v and italic %v widths", r, i)
	}
}

// TestKerning: "AV" is kerned tighter than its letters' advances.
func TestKerning(t *testing.T) {
	st := Style{Size: 100}
	if pair, apart := Width("AV", st), Width("A", st)+Width("V", st); pair >= apart {
		t.Errorf("AV measures %.2f, A and V apart %.2f: no kerning", pair, apart)
	}
}

func TestBlock(t *testing.T) {
	st := Style{Size: 10}
	w, h := Block([]string{"a", "Hello", "l"}, st)
	if w != Width("Hello", st) || h != 3*10*LineHeight {
		t.Errorf("Block = %v×%v, want %v×%v", w, h, Width("Hello", st), 3*10*LineHeight)
	}
	if w, h := Block(nil, st); w != 0 || h != 0 {
		t.Errorf("an empty block is %v×%v", w, h)
	}
}

func TestWrap(t *testing.T) {
	st := Style{Size: 10}
	one := Width("alpha beta", st)
	for _, c := range []struct {
		in   string
		max  float64
		want []string
	}{
		{"alpha beta gamma", one, []string{"alpha beta", "gamma"}},
		{"alpha beta gamma", one - 0.01, []string{"alpha", "beta", "gamma"}},
		{"alpha  beta", 1000, []string{"alpha beta"}},            // runs of spaces fold
		{"first\n\nthird", 1000, []string{"first", "", "third"}}, // newlines kept, empty lines too
		{"extraordinarily long", 1, []string{"extraordinarily", "long"}},
		{"", 100, []string{""}},
	} {
		if got := Wrap(c.in, st, c.max); !slices.Equal(got, c.want) {
			t.Errorf("Wrap(%q, %.2f) = %q, want %q", c.in, c.max, got, c.want)
		}
	}
}

// TestBaseline: the baseline sits inside the line box, nearer its bottom,
// and grows with the size.
func TestBaseline(t *testing.T) {
	b12, b24 := Baseline(Style{Size: 12}), Baseline(Style{Size: 24})
	if b12 <= 12*LineHeight/2 || b12 >= 12*LineHeight {
		t.Errorf("baseline %.2f outside the lower half of a %.1f line", b12, 12*LineHeight)
	}
	if math.Abs(b24-2*b12) > 0.1 {
		t.Errorf("baseline at 24 pt %.2f, twice 12 pt's is %.2f", b24, 2*b12)
	}
}
