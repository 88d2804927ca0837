package png

import (
	"bufio"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"io"
	"math"
)

// write encodes img as PNG: RGB when every pixel is opaque, else RGBA;
// every row with the "Up" filter (each byte less the one above it), which
// suits drawings of flat colour, then zlib at its fastest. The standard
// encoder tries five filters on every row and spends most of its time
// choosing. A pHYs chunk records the density, scale × 72 dots per inch,
// so that slide tools place the image at its size in points. From scale 2
// up, the rows are compressed in strips on every core (see
// deflateStrips): the same pixels, other bytes.
func write(w io.Writer, img *image.RGBA, scale float64) error {
	b := img.Bounds()
	wd, ht := b.Dx(), b.Dy()
	opaque := img.Opaque()
	bpp, colorType := 4, byte(6)
	if opaque {
		bpp, colorType = 3, 2
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(wd))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(ht))
	ihdr[8], ihdr[9] = 8, colorType // bit depth, colour type; compression, filter, interlace 0
	chunk(bw, "IHDR", ihdr[:])
	chunk(bw, "pHYs", phys(scale))
	// Names the maker, so that kviz can tell its own images from others
	// in a folder (kviz render --prune).
	chunk(bw, "tEXt", []byte("Software\x00kviz"))

	idat := &chunkWriter{w: bw, kind: "IDAT"}
	deflate := deflateRows
	if scale >= 2 {
		deflate = deflateStrips
	}
	if err := deflate(idat, img, bpp); err != nil {
		return err
	}
	if err := idat.flush(); err != nil {
		return err
	}
	chunk(bw, "IEND", nil)
	return bw.Flush()
}

// deflateRows writes img's filtered rows to w as one zlib stream.
func deflateRows(w io.Writer, img *image.RGBA, bpp int) error {
	z, err := zlib.NewWriterLevel(w, zlib.BestSpeed)
	if err != nil {
		return err
	}
	f := newFilter(img, bpp)
	for y := 0; y < img.Bounds().Dy(); y++ {
		if _, err := z.Write(f.row(y)); err != nil {
			return err
		}
	}
	return z.Close()
}

// filter turns image rows into PNG rows with the Up filter, remembering
// the row above.
type filter struct {
	img       *image.RGBA
	bpp       int
	prev, cur []byte // the row above and this row, unfiltered
	out       []byte // the filter type, then the filtered row
}

func newFilter(img *image.RGBA, bpp int) *filter {
	n := img.Bounds().Dx() * bpp
	out := make([]byte, 1+n)
	out[0] = 2 // the Up filter
	return &filter{img: img, bpp: bpp, prev: make([]byte, n), cur: make([]byte, n), out: out}
}

// pixels reads row y into dst, unpremultiplied and without alpha when the
// image is opaque.
func (f *filter) pixels(dst []byte, y int) {
	wd := f.img.Bounds().Dx()
	src := f.img.Pix[y*f.img.Stride : y*f.img.Stride+wd*4]
	if f.bpp == 3 {
		for x := 0; x < wd; x++ {
			copy(dst[x*3:x*3+3], src[x*4:x*4+3])
		}
		return
	}
	unpremultiply(dst, src)
}

// row is row y filtered, valid until the next call. Rows must come in
// order, unless start sets the row above first.
func (f *filter) row(y int) []byte {
	f.pixels(f.cur, y)
	for i, c := range f.cur {
		f.out[1+i] = c - f.prev[i]
	}
	f.prev, f.cur = f.cur, f.prev
	return f.out
}

// start readies f for row y, out of order: it reads the row above.
func (f *filter) start(y int) {
	clear(f.prev)
	if y > 0 {
		f.pixels(f.prev, y-1)
	}
}

// phys is the data of a pHYs chunk for scale pixels per point: pixels per
// metre on both axes (72 points an inch, 0.0254 metres an inch), unit 1
// (the metre).
func phys(scale float64) []byte {
	ppm := uint32(math.Round(scale * 72 / 0.0254))
	var d [9]byte
	binary.BigEndian.PutUint32(d[0:], ppm)
	binary.BigEndian.PutUint32(d[4:], ppm)
	d[8] = 1
	return d[:]
}

// chunk writes one PNG chunk: length, type, data and CRC.
func chunk(w *bufio.Writer, kind string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	w.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(kind))
	crc.Write(data)
	w.WriteString(kind)
	w.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	w.Write(n[:])
}

// chunkWriter gathers compressed bytes into chunks of at most 256 KiB.
type chunkWriter struct {
	w    *bufio.Writer
	kind string
	buf  []byte
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	c.buf = append(c.buf, p...)
	for len(c.buf) >= 256<<10 {
		chunk(c.w, c.kind, c.buf[:256<<10])
		c.buf = c.buf[256<<10:]
	}
	return len(p), nil
}

func (c *chunkWriter) flush() error {
	if len(c.buf) > 0 {
		chunk(c.w, c.kind, c.buf)
		c.buf = nil
	}
	return nil
}

// unpremultiply turns image.RGBA's premultiplied pixels into the straight
// alpha PNG stores, as color.NRGBAModel converts them.
func unpremultiply(dst, src []byte) {
	for i := 0; i+3 < len(src); i += 4 {
		a := uint32(src[i+3])
		switch a {
		case 0xff:
			copy(dst[i:i+4], src[i:i+4])
		case 0:
			dst[i], dst[i+1], dst[i+2], dst[i+3] = 0, 0, 0, 0
		default:
			a16 := a * 0x101
			for k := 0; k < 3; k++ {
				c := uint32(src[i+k]) * 0x101
				dst[i+k] = uint8((c * 0xffff / a16) >> 8)
			}
			dst[i+3] = uint8(a)
		}
	}
}
