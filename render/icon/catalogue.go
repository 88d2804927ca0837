package icon

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/kviz/kviz/render/text"
)

var (
	once  sync.Once
	icons map[string]*Icon
)

func index() map[string]*Icon {
	once.Do(build)
	return icons
}

// Glyph stroke width and the short name's size, in icon units (1/100 of
// the icon's side).
const (
	sw        = 5
	shortSize = 14
	shortMaxW = 56 // the heptagon's width where the short name sits
)

// The glyphs, keyed by kind. Each is drawn in the 100×100 box: Kubernetes
// glyphs in the area above the short name (y 14 to 70), generic glyphs
// centred.
func build() {
	icons = map[string]*Icon{}
	k8s := func(name, short string, glyph ...Element) {
		els := []Element{{Op: Path, D: heptagon(), Fill: Body, Stroke: Glyph, StrokeWidth: 3.5}}
		els = append(els, glyph...)
		if short != "" {
			els = append(els, shortName(short))
		}
		icons[name] = &Icon{Name: name, Elements: els}
	}
	generic := func(name string, glyph ...Element) {
		els := []Element{{Op: Path, D: roundSquare(4, 4, 92, 92, 16), Fill: Body}}
		icons[name] = &Icon{Name: name, Elements: append(els, glyph...)}
	}

	// Groupings.
	k8s("cluster", "", wheel(50, 46, 26)...)
	k8s("control-plane", "", gear(50, 46, 26)...)
	k8s("node", "node", server(50, 42)...)
	k8s("namespace", "ns", stroke(rect(28, 22, 44, 40)+dashes(28, 22, 44, 40)))

	// Control plane and node components: gears for the controllers, as the
	// seed figure draws them.
	for _, c := range [][2]string{{"api-server", "api"}, {"scheduler", "sched"},
		{"controller-manager", "c-m"}, {"cloud-controller-manager", "c-c-m"}} {
		k8s(c[0], c[1], gear(50, 42, 22)...)
	}
	k8s("etcd", "etcd", drum(50, 40, 34, 38, 3)...)
	k8s("kubelet", "kubelet", append(cube(40, 40, 16), gear(64, 32, 11)...)...)
	k8s("kube-proxy", "k-proxy", proxy()...)
	k8s("container-runtime", "cri", container(50, 42)...)

	// Resources.
	k8s("pod", "pod", cube(50, 42, 22)...)
	k8s("container", "ctr", container(50, 42)...)
	k8s("deployment", "deploy", append(cube(50, 43, 13), cycle(50, 43, 24)...)...)
	k8s("replicaset", "rs", append(cube(42, 48, 14), cube(58, 34, 14)...)...)
	k8s("statefulset", "sts", append(cube(38, 44, 15), drum(66, 42, 20, 26, 2)...)...)
	k8s("daemonset", "ds", append(append(cube(30, 46, 11), cube(50, 46, 11)...), cube(70, 46, 11)...)...)
	k8s("job", "job", append(cube(44, 44, 17), stroke("M64,26 L76,34 L64,42 Z"))...)
	k8s("cronjob", "cronjob", clock(50, 41, 21)...)
	k8s("service", "svc", network()...)
	k8s("ingress", "ing", stroke("M22,42 L56,42 M44,30 L56,42 L44,54 M62,22 L76,22 L76,62 L62,62"))
	k8s("configmap", "cm", document(50, 41)...)
	k8s("secret", "secret", padlock(50, 42)...)
	k8s("persistentvolume", "pv", drum(50, 40, 36, 38, 2)...)
	k8s("persistentvolumeclaim", "pvc", append(drum(44, 40, 30, 36, 2), stroke("M60,50 L76,50 L76,64 L60,64 Z M64,57 L72,57"))...)
	k8s("storageclass", "sc", append(drum(40, 46, 26, 26, 1), drum(60, 34, 26, 26, 1)...)...)
	k8s("serviceaccount", "sa", person(50, 42, 1)...)
	k8s("hpa", "hpa", append(cube(50, 42, 12), stroke("M18,42 L32,42 M24,35 L17,42 L24,49 M68,42 L82,42 M76,35 L83,42 L76,49"))...)
	k8s("networkpolicy", "netpol", shield(50, 42)...)

	// Generic parts.
	generic("user", person(50, 50, 1.45)...)
	generic("client", stroke("M16,26 L68,26 L68,62 L16,62 Z M34,76 L50,76 M42,62 L42,76"),
		Element{Op: Path, D: roundSquare(62, 40, 22, 38, 4), Fill: Body, Stroke: Glyph, StrokeWidth: sw},
		stroke("M70,71 L76,71"))
	generic("internet", globe(50, 50, 30)...)
	generic("cloud", Element{Op: Path, D: "M28,70 C12,70 12,48 28,48 C26,30 48,24 56,36 C62,24 84,28 80,48 C94,48 94,70 78,70 Z", Stroke: Glyph, StrokeWidth: sw})
	generic("load-balancer", stroke("M18,50 L44,50 M44,50 L76,24 M44,50 L80,50 M44,50 L76,76 M70,18 L78,23 L73,31 M73,44 L81,50 L73,56 M73,69 L78,77 L70,82"),
		Element{Op: Circle, X: 44, Y: 50, R: 7, Fill: Glyph})
	generic("microservice", stroke("M16,22 L84,22 L84,78 L16,78 Z M16,34 L84,34 M40,46 L30,56 L40,66 M60,46 L70,56 L60,66 M53,44 L47,68"))
	generic("database", drum(50, 50, 48, 60, 3)...)
	generic("queue", stroke("M14,36 L30,36 L30,64 L14,64 Z M36,36 L52,36 L52,64 L36,64 Z M58,36 L74,36 L74,64 L58,64 Z M78,50 L88,50 M84,45 L89,50 L84,55"))
	generic("box", stroke(rect(24, 24, 52, 52)))
	generic("text", stroke("M28,28 L72,28 M50,28 L50,74 M40,74 L60,74"))
}

func stroke(d string) Element {
	return Element{Op: Path, D: d, Stroke: Glyph, StrokeWidth: sw}
}

func fill(d string) Element { return Element{Op: Path, D: d, Fill: Glyph} }

// shortName is the kind's short name under the glyph, shrunk to fit.
func shortName(s string) Element {
	size := float64(shortSize)
	if w := text.Width(s, text.Style{Size: size, Bold: true}); w > shortMaxW {
		size *= shortMaxW / w
	}
	return Element{Op: Text, X: 50, Y: 85, Text: s, Size: math.Round(size*10) / 10, Fill: Glyph}
}

func n(v float64) string { return fmt.Sprintf("%.2f", v) }

func pt(x, y float64) string { return n(x) + "," + n(y) }

// heptagon is Kubernetes' seven-sided badge with rounded corners.
func heptagon() string {
	const cx, cy, r, round = 50, 51, 47, 0.16
	var v [7][2]float64
	for i := range v {
		a := -math.Pi/2 + float64(i)*2*math.Pi/7
		v[i] = [2]float64{cx + r*math.Cos(a), cy + r*math.Sin(a)}
	}
	lerp := func(a, b [2]float64, t float64) string {
		return pt(a[0]+(b[0]-a[0])*t, a[1]+(b[1]-a[1])*t)
	}
	var b strings.Builder
	for i := range v {
		prev, cur, next := v[(i+6)%7], v[i], v[(i+1)%7]
		if i == 0 {
			b.WriteString("M" + lerp(cur, prev, round))
		} else {
			b.WriteString(" L" + lerp(cur, prev, round))
		}
		b.WriteString(" Q" + pt(cur[0], cur[1]) + " " + lerp(cur, next, round))
	}
	b.WriteString(" Z")
	return b.String()
}

func roundSquare(x, y, w, h, r float64) string {
	return fmt.Sprintf("M%s L%s Q%s %s L%s Q%s %s L%s Q%s %s L%s Q%s %s Z",
		pt(x+r, y), pt(x+w-r, y), pt(x+w, y), pt(x+w, y+r), pt(x+w, y+h-r), pt(x+w, y+h), pt(x+w-r, y+h),
		pt(x+r, y+h), pt(x, y+h), pt(x, y+h-r), pt(x, y+r), pt(x, y), pt(x+r, y))
}

func rect(x, y, w, h float64) string {
	return fmt.Sprintf("M%s L%s L%s L%s Z", pt(x, y), pt(x+w, y), pt(x+w, y+h), pt(x, y+h))
}

// dashes marks a rectangle's edges with short ticks, for "namespace".
func dashes(x, y, w, h float64) string {
	return fmt.Sprintf(" M%s L%s M%s L%s", pt(x+w/2, y-6), pt(x+w/2, y+6), pt(x+w/2, y+h-6), pt(x+w/2, y+h+6))
}

// gear is a cog of eight teeth around a hole.
func gear(cx, cy, r float64) []Element {
	const teeth = 8
	inner := r * 0.74
	var b strings.Builder
	for i := 0; i < teeth*4; i++ {
		a := float64(i)*2*math.Pi/(teeth*4) - math.Pi/2
		rr := inner
		if i%4 == 1 || i%4 == 2 {
			rr = r
		}
		op := " L"
		if i == 0 {
			op = "M"
		}
		b.WriteString(op + pt(cx+rr*math.Cos(a), cy+rr*math.Sin(a)))
	}
	b.WriteString(" Z")
	return []Element{fill(b.String()), {Op: Circle, X: cx, Y: cy, R: r * 0.32, Fill: Body}}
}

// wheel is a ship's wheel: the Kubernetes logo's idea.
func wheel(cx, cy, r float64) []Element {
	var b strings.Builder
	for i := 0; i < 7; i++ {
		a := -math.Pi/2 + float64(i)*2*math.Pi/7
		b.WriteString(" M" + pt(cx+r*0.25*math.Cos(a), cy+r*0.25*math.Sin(a)) + " L" + pt(cx+r*math.Cos(a), cy+r*math.Sin(a)))
	}
	return []Element{
		{Op: Circle, X: cx, Y: cy, R: r * 0.75, Stroke: Glyph, StrokeWidth: sw},
		stroke(strings.TrimSpace(b.String())),
		{Op: Circle, X: cx, Y: cy, R: r * 0.22, Fill: Glyph},
	}
}

// cube is an isometric cube of half-width s centred at cx, cy.
func cube(cx, cy, s float64) []Element {
	h := s * 0.58
	top := fmt.Sprintf("M%s L%s L%s L%s Z", pt(cx, cy-h-s*0.5), pt(cx+s, cy-s*0.5), pt(cx, cy-s*0.5+h), pt(cx-s, cy-s*0.5))
	body := fmt.Sprintf("M%s L%s L%s L%s L%s L%s Z", pt(cx-s, cy-s*0.5), pt(cx, cy-s*0.5+h), pt(cx+s, cy-s*0.5),
		pt(cx+s, cy+s*0.7), pt(cx, cy+s*0.7+h), pt(cx-s, cy+s*0.7))
	return []Element{
		fill(body),
		{Op: Path, D: top, Fill: Glyph, Stroke: Body, StrokeWidth: 2},
		{Op: Path, D: fmt.Sprintf("M%s L%s", pt(cx, cy-s*0.5+h), pt(cx, cy+s*0.7+h)), Stroke: Body, StrokeWidth: 2},
	}
}

// drum is a storage cylinder of width w, height h, with bands stripes.
func drum(cx, cy, w, h float64, bands int) []Element {
	rx, ry := w/2, h*0.14
	x0, x1, y0, y1 := cx-rx, cx+rx, cy-h/2+ry, cy+h/2-ry
	k := 0.5523
	body := fmt.Sprintf("M%s C%s %s %s C%s %s %s L%s C%s %s %s C%s %s %s Z",
		pt(x0, y0), pt(x0, y0-ry*k), pt(cx-rx*k, y0-ry), pt(cx, y0-ry), pt(cx+rx*k, y0-ry), pt(x1, y0-ry*k), pt(x1, y0),
		pt(x1, y1), pt(x1, y1+ry*k), pt(cx+rx*k, y1+ry), pt(cx, y1+ry), pt(cx-rx*k, y1+ry), pt(x0, y1+ry*k), pt(x0, y1))
	els := []Element{fill(body)}
	for i := 0; i < bands; i++ {
		y := y0 + float64(i)*(y1-y0)/float64(bands)
		els = append(els, Element{Op: Path, D: fmt.Sprintf("M%s C%s %s %s C%s %s %s",
			pt(x0, y), pt(x0, y+ry*k), pt(cx-rx*k, y+ry), pt(cx, y+ry), pt(cx+rx*k, y+ry), pt(x1, y+ry*k), pt(x1, y)),
			Stroke: Body, StrokeWidth: 3})
	}
	return els
}

// cycle is a circular arrow around a centre.
func cycle(cx, cy, r float64) []Element {
	var b strings.Builder
	for i := 0; i <= 12; i++ {
		a := math.Pi*0.15 + float64(i)*math.Pi*1.55/12
		op := " L"
		if i == 0 {
			op = "M"
		}
		b.WriteString(op + pt(cx+r*math.Cos(a), cy+r*math.Sin(a)))
	}
	end := math.Pi * 1.70
	ex, ey := cx+r*math.Cos(end), cy+r*math.Sin(end)
	head := fmt.Sprintf("M%s L%s L%s Z", pt(ex+7, ey+3), pt(ex-6, ey-6), pt(ex-5, ey+8))
	return []Element{stroke(b.String()), fill(head)}
}

func clock(cx, cy, r float64) []Element {
	return []Element{
		{Op: Circle, X: cx, Y: cy, R: r, Stroke: Glyph, StrokeWidth: sw},
		stroke(fmt.Sprintf("M%s L%s L%s", pt(cx, cy-r*0.65), pt(cx, cy), pt(cx+r*0.5, cy+r*0.3))),
	}
}

// network is a service: one endpoint fanning out to three.
func network() []Element {
	return []Element{
		stroke("M50,32 L50,42 M26,50 L74,50 M26,50 L26,58 M50,42 L50,58 M74,50 L74,58"),
		fill(rect(38, 18, 24, 16)),
		fill(rect(16, 56, 20, 14)), fill(rect(40, 56, 20, 14)), fill(rect(64, 56, 20, 14)),
	}
}

func proxy() []Element {
	return []Element{
		stroke("M20,34 L72,34 M62,24 L74,34 L62,44 M80,54 L28,54 M38,44 L26,54 L38,64"),
	}
}

func container(cx, cy float64) []Element {
	return []Element{
		stroke(rect(cx-24, cy-16, 48, 32)),
		stroke(fmt.Sprintf("M%s L%s M%s L%s M%s L%s", pt(cx-12, cy-10), pt(cx-12, cy+10), pt(cx, cy-10), pt(cx, cy+10), pt(cx+12, cy-10), pt(cx+12, cy+10))),
	}
}

func server(cx, cy float64) []Element {
	return []Element{
		stroke(rect(cx-22, cy-22, 44, 18) + " " + rect(cx-22, cy+2, 44, 18)),
		{Op: Circle, X: cx + 13, Y: cy - 13, R: 3, Fill: Glyph},
		{Op: Circle, X: cx + 13, Y: cy + 11, R: 3, Fill: Glyph},
	}
}

func document(cx, cy float64) []Element {
	return []Element{stroke(fmt.Sprintf("M%s L%s L%s L%s L%s Z M%s L%s M%s L%s M%s L%s",
		pt(cx-18, cy-24), pt(cx+8, cy-24), pt(cx+18, cy-14), pt(cx+18, cy+24), pt(cx-18, cy+24),
		pt(cx-9, cy-8), pt(cx+9, cy-8), pt(cx-9, cy+2), pt(cx+9, cy+2), pt(cx-9, cy+12), pt(cx+5, cy+12)))}
}

func padlock(cx, cy float64) []Element {
	return []Element{
		stroke(fmt.Sprintf("M%s L%s C%s %s %s L%s", pt(cx-12, cy-2), pt(cx-12, cy-12), pt(cx-12, cy-30), pt(cx+12, cy-30), pt(cx+12, cy-12), pt(cx+12, cy-2))),
		fill(roundSquare(cx-20, cy-4, 40, 30, 4)),
		{Op: Circle, X: cx, Y: cy + 9, R: 5, Fill: Body},
	}
}

// person is a head over shoulders, scaled by s.
func person(cx, cy, s float64) []Element {
	return []Element{
		{Op: Circle, X: cx, Y: cy - 12*s, R: 11 * s, Fill: Glyph},
		fill(fmt.Sprintf("M%s C%s %s %s C%s %s %s Z", pt(cx-22*s, cy+22*s), pt(cx-22*s, cy-4*s), pt(cx+22*s, cy-4*s), pt(cx+22*s, cy+22*s),
			pt(cx+10*s, cy+24*s), pt(cx-10*s, cy+24*s), pt(cx-22*s, cy+22*s))),
	}
}

func shield(cx, cy float64) []Element {
	return []Element{
		stroke(fmt.Sprintf("M%s L%s L%s C%s %s %s C%s %s %s Z",
			pt(cx, cy-26), pt(cx+20, cy-18), pt(cx+20, cy), pt(cx+20, cy+14), pt(cx+10, cy+22), pt(cx, cy+28),
			pt(cx-10, cy+22), pt(cx-20, cy+14), pt(cx-20, cy-18))),
		stroke(fmt.Sprintf("M%s L%s L%s", pt(cx-9, cy+1), pt(cx-2, cy+8), pt(cx+10, cy-6))),
	}
}

func globe(cx, cy, r float64) []Element {
	return []Element{
		{Op: Circle, X: cx, Y: cy, R: r, Stroke: Glyph, StrokeWidth: sw},
		stroke(fmt.Sprintf("M%s L%s M%s C%s %s %s C%s %s %s",
			pt(cx-r, cy), pt(cx+r, cy),
			pt(cx, cy-r), pt(cx-r*0.6, cy-r*0.5), pt(cx-r*0.6, cy+r*0.5), pt(cx, cy+r),
			pt(cx+r*0.6, cy+r*0.5), pt(cx+r*0.6, cy-r*0.5), pt(cx, cy-r))),
	}
}
