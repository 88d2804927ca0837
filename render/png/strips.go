package png

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/adler32"
	"image"
	"io"
	"runtime"
	"sync"
)

// stripRows is how many rows a strip holds. It is fixed, so that the bytes
// do not depend on how many cores the machine has.
const stripRows = 256

// deflateStrips writes img's filtered rows to w as one zlib stream whose
// deflate data is compressed strip by strip on every core: each strip is a
// deflate stream of its own, ended by a sync flush (the last one by the
// final block), so the strips' outputs concatenate into one valid stream.
// A strip starts with no history, which costs a little size.
func deflateStrips(w io.Writer, img *image.RGBA, bpp int) error {
	ht := img.Bounds().Dy()
	rowLen := 1 + img.Bounds().Dx()*bpp
	raw := make([]byte, ht*rowLen) // every filtered row, for the checksum
	n := (ht + stripRows - 1) / stripRows
	outs := make([]bytes.Buffer, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			y0, y1 := i*stripRows, min((i+1)*stripRows, ht)
			errs[i] = deflateStrip(&outs[i], img, bpp, y0, y1, raw[y0*rowLen:y1*rowLen], i == n-1)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	w.Write([]byte{0x78, 0x01}) // zlib: deflate, 32 KiB window, fastest
	for i := range outs {
		w.Write(outs[i].Bytes())
	}
	var sum [4]byte
	binary.BigEndian.PutUint32(sum[:], adler32.Checksum(raw))
	_, err := w.Write(sum[:])
	return err
}

// deflateStrip compresses rows y0 to y1 into out, keeping the filtered
// rows in raw; the last strip ends the stream.
func deflateStrip(out *bytes.Buffer, img *image.RGBA, bpp, y0, y1 int, raw []byte, last bool) error {
	fw, err := flate.NewWriter(out, flate.BestSpeed)
	if err != nil {
		return err
	}
	f := newFilter(img, bpp)
	f.start(y0)
	for y := y0; y < y1; y++ {
		row := f.row(y)
		copy(raw[(y-y0)*len(row):], row)
		if _, err := fw.Write(row); err != nil {
			return err
		}
	}
	if last {
		return fw.Close()
	}
	return fw.Flush()
}
