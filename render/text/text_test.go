package text

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testFonts loads fonts from testdata/fonts, in order.
func testFonts(t testing.TB, lang string, names ...string) *Fonts {
	t.Helper()
	var list []*Font
	for _, n := range names {
		path := filepath.Join("..", "..", "testdata", "fonts", n)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		fs, err := Parse(n, data)
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		list = append(list, fs...)
	}
	return NewFonts(lang, list...)
}

func allFonts(t testing.TB) *Fonts {
	return testFonts(t, "", "NotoSansSC-subset.otf", "NotoSansSC-Bold-subset.otf", "NotoSansJP-subset.otf",
		"NotoSansKR-subset.otf", "NotoSansArabic-subset.ttf", "NotoSansDevanagari-subset.ttf",
		"NotoSansThai-subset.ttf", "NotoColorEmoji-subset.ttf")
}

func TestFamilies(t *testing.T) {
	fs := allFonts(t)
	var got []string
	for _, f := range fs.Extra() {
		got = append(got, f.Family)
	}
	want := "Noto Sans CJK SC,Noto Sans CJK SC,Noto Sans CJK JP,Noto Sans CJK KR,Noto Sans Arabic,Noto Sans Devanagari,Noto Sans Thai,Noto Color Emoji"
	if strings.Join(got, ",") != want {
		t.Errorf("families %q, want %q", strings.Join(got, ","), want)
	}
	if b := fs.Extra()[1]; !b.Bold {
		t.Errorf("%s %s is not seen as bold", b.Path, b.Family)
	}
}

// A Han character is one em wide: 12 points at 12 points. For every
// script the width the layout reserves is the sum of the shaped advances
// (Noto's kana are kerned and its hangul are 0.92 em).
func TestCJKWidth(t *testing.T) {
	st := Style{Size: 12, Fonts: allFonts(t)}
	if w := Width("控制平面", st); w != 48 {
		t.Errorf("Width(%q) = %g, want 48 (1 em a character)", "控制平面", w)
	}
	for _, s := range []string{"控制平面", "スケジューラー", "워커"} {
		w := Width(s, st)
		l := Shape(s, st)
		sum := 0.0
		for _, r := range l.Runs {
			for _, g := range r.Glyphs {
				sum += g.Advance
				if g.ID == 0 {
					t.Errorf("%q: .notdef drawn", s)
				}
			}
		}
		if math.Abs(sum-w) > 1e-9 || math.Abs(l.Width-w) > 1e-9 {
			t.Errorf("%q: advances %g, line %g, measured %g", s, sum, l.Width, w)
		}
	}
	// A space between CJK words stays in the CJK run; Latin takes
	// Liberation Sans.
	l := Shape("API 服务器", st)
	if len(l.Runs) != 2 || l.Runs[0].Font.Family != "Liberation Sans" || l.Runs[1].Font.Family != "Noto Sans CJK SC" {
		t.Errorf("runs of %q: %v", "API 服务器", families(l))
	}
}

func families(l Line) []string {
	var out []string
	for _, r := range l.Runs {
		out = append(out, r.Font.Family)
	}
	return out
}

// Arabic is joined (each letter takes its positional form, not the
// isolated one the cmap maps it to) and set right to left: the first
// letter is drawn rightmost.
func TestArabicShapedRTL(t *testing.T) {
	fs := allFonts(t)
	s := "يرسل" // ya, ra, sin, lam: initial, final, initial, final
	l := Shape(s, Style{Size: 12, Fonts: fs})
	if len(l.Runs) != 1 || !l.Runs[0].RTL || l.Runs[0].Font.Family != "Noto Sans Arabic" {
		t.Fatalf("runs %v, want one right-to-left run in Noto Sans Arabic", families(l))
	}
	font := l.Runs[0].Font
	isolated := map[uint32]bool{}
	for _, r := range s {
		gid, _ := font.face.NominalGlyph(r)
		isolated[uint32(gid)] = true
	}
	gs := l.Runs[0].Glyphs
	joined := 0
	for _, g := range gs {
		if !isolated[g.ID] {
			joined++
		}
	}
	if joined != 4 {
		t.Errorf("only %d of %d glyphs differ from the isolated forms", joined, len(gs))
	}
	for i := 1; i < len(gs); i++ {
		if gs[i].Cluster >= gs[i-1].Cluster || gs[i].X <= gs[i-1].X {
			t.Errorf("glyph %d: cluster %d at x %g after cluster %d at x %g: not right to left", i, gs[i].Cluster, gs[i].X, gs[i-1].Cluster, gs[i-1].X)
		}
	}
}

// In a right-to-left label with a Latin word, the bidi algorithm puts the
// Latin run at the left end: it comes last in reading order.
func TestBidiOrder(t *testing.T) {
	l := Shape("يرسل إلى Kafka", Style{Size: 11, Fonts: allFonts(t)})
	if len(l.Runs) < 2 {
		t.Fatalf("runs %v", families(l))
	}
	first, last := l.Runs[0], l.Runs[len(l.Runs)-1]
	if first.Font.Family != "Liberation Sans" || first.RTL || !last.RTL || first.X != 0 {
		t.Errorf("visual runs %v: want Kafka (Liberation Sans, LTR) leftmost and Arabic rightmost", families(l))
	}
	for i := 1; i < len(l.Runs); i++ {
		if prev := l.Runs[i-1]; math.Abs(prev.X+prev.Width-l.Runs[i].X) > 1e-9 {
			t.Errorf("run %d starts at %g, the previous ends at %g", i, l.Runs[i].X, prev.X+prev.Width)
		}
	}
}

// Devanagari forms conjuncts: प्र (pa, virama, ra) is fewer glyphs than
// characters, and the vowel sign ि is moved before its consonant.
func TestDevanagariConjunct(t *testing.T) {
	st := Style{Size: 12, Fonts: allFonts(t)}
	l := Shape("प्रॉक्सी", st)
	n := 0
	for _, r := range l.Runs {
		n += len(r.Glyphs)
	}
	if runes := len([]rune("प्रॉक्सी")); n >= runes {
		t.Errorf("%d glyphs for %d characters: no conjunct formed", n, runes)
	}
}

func TestMissing(t *testing.T) {
	fs := allFonts(t)
	for _, tc := range []struct {
		s    string
		want rune
		off  int
	}{
		{"控制平面", 0, 0},
		{"Control Plane", 0, 0},
		{"Узел, Κόμβος", 0, 0},
		{"控制 ☃", '☃', 7},
		{"naïve 𝄞", '𝄞', 7},
		{"a\u200db\ufe0f", 0, 0}, // a joiner and a variation selector need no glyph
	} {
		m := fs.Check(tc.s, Style{Size: 12})
		switch {
		case tc.want == 0 && m != nil:
			t.Errorf("Check(%q) = %v, want nil", tc.s, m)
		case tc.want != 0 && (m == nil || m.Rune != tc.want || m.Offset != tc.off):
			t.Errorf("Check(%q) = %+v, want %q at %d", tc.s, m, tc.want, tc.off)
		}
	}
	m := (*Fonts)(nil).Check("节点", Style{Size: 12})
	if m == nil {
		t.Fatal("Liberation Sans alone has CJK?")
	}
	want := "character '节' (U+8282) is in none of the fonts kviz has: name a font that has it with `fonts: [FILE]` in the model or --font FILE (kviz fonts lists the fonts found)"
	if m.Error() != want {
		t.Errorf("error %q\nwant  %q", m.Error(), want)
	}
}

// A CJK label wraps between characters, every line within the width, and
// nothing is lost; a Latin one still wraps at spaces only.
func TestWrapScripts(t *testing.T) {
	st := Style{Size: 12, Fonts: allFonts(t)}
	s := "这是一个很长的标签它会在汉字之间换行而不会超出方框"
	lines := Wrap(s, st, 100)
	if len(lines) < 3 || strings.Join(lines, "") != s {
		t.Fatalf("Wrap = %q", lines)
	}
	for _, l := range lines {
		if w := Width(l, st); w > 100 {
			t.Errorf("line %q is %g wide, more than 100", l, w)
		}
	}
	latin := Wrap("kube-controller-manager runs controllers", st, 100)
	if strings.Join(latin, "|") != "kube-controller-manager|runs controllers" {
		t.Errorf("Latin wrap %q", latin)
	}
	mixed := Wrap("API 服务器 和 调度器", st, 60)
	for _, l := range mixed {
		if strings.HasPrefix(l, " ") || strings.HasSuffix(l, " ") {
			t.Errorf("line %q keeps a space at an end", l)
		}
	}
}

// Bold text takes the bold face of a family named in both weights.
func TestBoldFace(t *testing.T) {
	fs := allFonts(t)
	l := Shape("控制平面", Style{Size: 12, Bold: true, Fonts: fs})
	if f := l.Runs[0].Font; !f.Bold || f.Family != "Noto Sans CJK SC" {
		t.Errorf("bold CJK set in %s (bold %v)", f.Path, f.Bold)
	}
	l = Shape("控制平面", Style{Size: 12, Fonts: fs})
	if f := l.Runs[0].Font; f.Bold {
		t.Errorf("regular CJK set in %s, a bold face", f.Path)
	}
}

// The fast path and the shaper agree on Latin text within a hair: the
// fast path keeps the widths every existing drawing was made with.
func TestFastPathAgrees(t *testing.T) {
	st := Style{Size: 12}
	s := "Kubernetes cluster"
	fastW := Width(s, st)
	mu.Lock()
	slow := shapeComplex([]rune(s), st)
	mu.Unlock()
	if math.Abs(fastW-slow.Width) > 0.05*fastW {
		t.Errorf("fast %g, shaped %g", fastW, slow.Width)
	}
}

func TestOutlineAndPicture(t *testing.T) {
	fs := allFonts(t)
	l := Shape("控", Style{Size: 12, Fonts: fs})
	g := l.Runs[0].Glyphs[0]
	out := l.Runs[0].Font.Outline(g.ID, 12)
	if len(out) < 10 || out[0].Op != 'M' {
		t.Errorf("outline of 控: %d segments", len(out))
	}
	for _, s := range out {
		for _, p := range s.Pts {
			if p[0] < -1 || p[0] > 13 || p[1] < -12 || p[1] > 3 {
				t.Fatalf("point %v outside the em box", p)
			}
		}
	}
	e := Shape("🚀", Style{Size: 12, Fonts: fs})
	if len(e.Runs) != 1 || !e.Runs[0].Font.Emoji {
		t.Fatalf("emoji runs %v", families(e))
	}
	img, x, y, w, h, ok := e.Runs[0].Font.Picture(e.Runs[0].Glyphs[0].ID, 12)
	if !ok || img.Bounds().Dx() < 32 || w < 10 || h < 10 || y > -8 || x < -2 {
		t.Errorf("emoji picture ok=%v at %g,%g size %g×%g", ok, x, y, w, h)
	}
}

func TestParseRefuses(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("not a font"), []byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x09")} {
		if _, err := Parse("bad.ttf", data); err == nil {
			t.Errorf("Parse(%q) took it", data)
		}
	}
}

func TestCSSFamily(t *testing.T) {
	fs := allFonts(t)
	st := Style{Size: 12, Fonts: fs}
	if got := CSSFamily(fs.Used("Control plane", st)); got != Family {
		t.Errorf("Latin family %q", got)
	}
	got := CSSFamily(fs.Used("控制 خادم", st))
	want := "'Liberation Sans', Arial, Helvetica, 'Noto Sans CJK SC', 'Noto Sans Arabic', sans-serif"
	if got != want {
		t.Errorf("family %q\nwant   %q", got, want)
	}
}

// The system fonts come from the folders named: here the test fonts, so
// the choice is the same on every machine. Han characters take the
// regional forms lang asks for; each script a font made for it.
func TestSystem(t *testing.T) {
	sys := NewSystem([]string{filepath.Join("..", "..", "testdata", "fonts")})
	if n := sys.Faces(); n != 8 {
		t.Errorf("%d faces, want the 8 test fonts", n)
	}
	for _, tc := range []struct {
		need, lang, want string
	}{
		{"直", "", "Noto Sans CJK SC"},
		{"直", "zh-Hans", "Noto Sans CJK SC"},
		{"直", "ja", "Noto Sans CJK JP"},
		{"خ", "", "Noto Sans Arabic"},
		{"🚀", "", "Noto Color Emoji"},
	} {
		got := sys.Find([]rune(tc.need), tc.lang)
		if len(got) == 0 || got[0].Family != tc.want {
			t.Errorf("Find(%q, %q) = %v, want %s first", tc.need, tc.lang, names(got), tc.want)
		}
	}
	// A family's every face comes along: bold text finds the bold one.
	got := sys.Find([]rune("控"), "")
	if len(got) != 2 || got[0].Bold || !got[1].Bold {
		t.Errorf("Find(控) = %v, want the regular then the bold SC face", names(got))
	}
	if got := NewSystem([]string{}).Find([]rune("控"), ""); len(got) != 0 {
		t.Errorf("no folders found %v", names(got))
	}
	if got := sys.Find([]rune("\u0378"), ""); len(got) != 0 {
		t.Errorf("an unassigned code point found %v", names(got))
	}
}

func names(fs []*Font) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Family+" "+f.Path)
	}
	return out
}

// Named fonts keep their order, except that with a lang the family drawing
// Han characters in that language's forms comes first.
func TestLangPicksHanForms(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{
		{"", "Noto Sans CJK SC"}, {"zh-Hans", "Noto Sans CJK SC"}, {"ja", "Noto Sans CJK JP"},
	} {
		fs := testFonts(t, tc.lang, "NotoSansSC-subset.otf", "NotoSansJP-subset.otf")
		l := Shape("直", Style{Size: 12, Fonts: fs})
		if got := l.Runs[0].Font.Family; got != tc.want {
			t.Errorf("lang %q: 直 set in %s, want %s", tc.lang, got, tc.want)
		}
	}
}

// Each character takes the first font that has it, as a browser given the
// SVG's font-family list does: Latin after Han goes back to Liberation
// Sans even though the CJK font has Latin letters too.
func TestFontPerCharacter(t *testing.T) {
	l := Shape("控制 API", Style{Size: 12, Fonts: allFonts(t)})
	if fams := families(l); len(fams) != 2 || fams[0] != "Noto Sans CJK SC" || fams[1] != "Liberation Sans" {
		t.Errorf("runs %v, want Noto Sans CJK SC then Liberation Sans", fams)
	}
}

// The scan's cache gives the same faces and choices as a scan, and an
// entry whose file changed is read again.
func TestSystemCache(t *testing.T) {
	src := filepath.Join("..", "..", "testdata", "fonts")
	dir := t.TempDir()
	for _, n := range []string{"NotoSansSC-subset.otf", "NotoSansJP-subset.otf"} {
		data, err := os.ReadFile(filepath.Join(src, n))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, n), data, 0o644)
	}
	cache := filepath.Join(t.TempDir(), "kviz", "fonts.json")
	scan := func() (*System, []string) {
		s := NewSystem([]string{dir})
		s.Cache = cache
		return s, names(s.Find([]rune("直"), "ja"))
	}
	s1, first := scan()
	if _, err := os.Stat(cache); err != nil || s1.Faces() != 2 {
		t.Fatalf("no cache written (%v), %d faces", err, s1.Faces())
	}
	s2, second := scan()
	if s2.Faces() != 2 || strings.Join(first, ",") != strings.Join(second, ",") || !strings.Contains(first[0], "JP") {
		t.Errorf("from the cache %v, scanned %v", second, first)
	}
	// A font replaced by another under the same name is read again.
	data, _ := os.ReadFile(filepath.Join(src, "NotoSansKR-subset.otf"))
	os.WriteFile(filepath.Join(dir, "NotoSansJP-subset.otf"), data, 0o644)
	s3 := NewSystem([]string{dir})
	s3.Cache = cache
	fams, _ := s3.Families()
	if strings.Join(fams, ",") != "Noto Sans CJK KR,Noto Sans CJK SC" {
		t.Errorf("after the change: %v", fams)
	}
	// Scanning another folder keeps this one's entries.
	dir2 := t.TempDir()
	data, _ = os.ReadFile(filepath.Join(src, "NotoSansThai-subset.ttf"))
	os.WriteFile(filepath.Join(dir2, "thai.ttf"), data, 0o644)
	other := NewSystem([]string{dir2})
	other.Cache = cache
	other.Faces()
	data, _ = os.ReadFile(cache)
	if !strings.Contains(string(data), "NotoSansSC-subset.otf") || !strings.Contains(string(data), "thai.ttf") {
		t.Error("scanning another folder dropped the cached entries")
	}
}

// TestSubset: a subset keeps the fonts that set some character, and sets
// every character with the same font as the whole list. The list's first
// font (SC bold) draws nothing in regular text, yet its family must keep
// its place before JP's: kept in the list's order, the subset would set
// 直, which both SC and JP have, in JP's Japanese form.
func TestSubset(t *testing.T) {
	fs := testFonts(t, "", "NotoSansSC-Bold-subset.otf", "NotoSansJP-subset.otf", "NotoSansSC-subset.otf", "NotoSansThai-subset.ttf")
	const s = "直 スケ Ab"
	sub := fs.Subset([]Styled{{S: s}})
	var got []string
	for _, f := range sub.Extra() {
		got = append(got, f.Path)
	}
	if want := "NotoSansSC-subset.otf NotoSansJP-subset.otf"; strings.Join(got, " ") != want {
		t.Errorf("subset %q, want %q", got, want)
	}
	for _, r := range s {
		a, b := fs.Used(string(r), Style{}), sub.Used(string(r), Style{})
		if len(a) != len(b) || len(a) > 0 && a[0] != b[0] {
			t.Errorf("%q is set in %v, in the subset in %v", r, a, b)
		}
	}
	if sub := fs.Subset([]Styled{{S: "直", Style: Style{Bold: true}}}); len(sub.Extra()) != 1 || !sub.Extra()[0].Bold {
		t.Errorf("bold 直 keeps %v, want SC bold alone", sub.Extra())
	}
	if sub := NewFonts("ja", fs.Extra()...).Subset([]Styled{{S: "Ab"}}); sub == nil || sub.Lang != "ja" || sub.Extra() != nil {
		t.Errorf("Latin text in ja keeps %+v, want the language alone", sub)
	}
	if fs.Subset([]Styled{{S: "Ab"}}) != nil {
		t.Error("no font and no language left is not nil")
	}
}
