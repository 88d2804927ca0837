package png

import (
	"encoding/binary"
	"testing"
)

// chunks lists a PNG's chunk types and data in order.
func chunks(t *testing.T, data []byte) (kinds []string, bodies [][]byte) {
	t.Helper()
	if len(data) < 8 || string(data[:8]) != "\x89PNG\r\n\x1a\n" {
		t.Fatal("no PNG signature")
	}
	for p := 8; p < len(data); {
		if p+12 > len(data) {
			t.Fatalf("truncated chunk at byte %d", p)
		}
		n := int(binary.BigEndian.Uint32(data[p:]))
		kinds = append(kinds, string(data[p+4:p+8]))
		bodies = append(bodies, data[p+8:p+8+n])
		p += 12 + n
	}
	return kinds, bodies
}

// TestPhys checks the density chunk: 72 × scale dots per inch, in pixels
// per metre (72 / 0.0254 = 2834.6), before the image data as the PNG
// specification requires.
func TestPhys(t *testing.T) {
	sc := scene(t, figures[2].path)
	for _, c := range []struct {
		scale float64
		ppm   uint32
	}{{1, 2835}, {2, 5669}, {3, 8504}, {1.5, 4252}} {
		kinds, bodies := chunks(t, encode(t, sc, c.scale))
		found := false
		for i, k := range kinds {
			if k == "IDAT" && !found {
				t.Fatalf("scale %v: IDAT before pHYs", c.scale)
			}
			if k != "pHYs" {
				continue
			}
			found = true
			b := bodies[i]
			if len(b) != 9 {
				t.Fatalf("scale %v: pHYs has %d bytes, want 9", c.scale, len(b))
			}
			x, y := binary.BigEndian.Uint32(b), binary.BigEndian.Uint32(b[4:])
			if x != c.ppm || y != c.ppm || b[8] != 1 {
				t.Errorf("scale %v: pHYs %d×%d unit %d, want %d×%d per metre", c.scale, x, y, b[8], c.ppm, c.ppm)
			}
		}
		if !found {
			t.Errorf("scale %v: no pHYs chunk", c.scale)
		}
	}
}
