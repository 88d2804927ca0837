package wasmcache

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
)

// maxEntry bounds the size of an entry read for checking: Graphviz's is
// about 6 MB.
const maxEntry = 256 << 20

// magic begins every entry of wazero's optimising compiler.
const magic = "WAZEVO"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// verifyFile checks one cache entry as wazero's compiler will read it.
func verifyFile(p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		return err
	}
	if fi.Size() > maxEntry {
		return fmt.Errorf("%d bytes", fi.Size())
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return verify(data, wazeroVersion())
}

var errShort = errors.New("truncated")

// verify checks an entry's layout: "WAZEVO", the wazero version (a length
// byte and the text), the number of functions n (uint32), n function
// offsets (uint64), the code's length (uint64), the code, its CRC-32C
// (uint32), a source-map flag (0 or 1) and, after a 1, the map's length l
// (uint64) and l pairs of uint64. Numbers are little-endian; nothing may
// follow.
func verify(data []byte, version string) error {
	r := reader{data: data}
	if string(r.take(len(magic))) != magic {
		return errors.New("not a wazero entry")
	}
	vlen := r.take(1)
	if vlen == nil {
		return errShort
	}
	if v := string(r.take(int(vlen[0]))); v != version {
		return fmt.Errorf("made by wazero %.20q, not %q", v, version)
	}
	n, ok := r.u32()
	if !ok || uint64(n) > uint64(r.left())/8 {
		return errShort
	}
	offsets := make([]uint64, n)
	for i := range offsets {
		offsets[i], _ = r.u64()
	}
	size, ok := r.u64()
	if !ok || size > uint64(r.left()) {
		return errShort
	}
	for _, o := range offsets {
		if o >= size {
			return fmt.Errorf("function offset %d outside %d bytes of code", o, size)
		}
	}
	code := r.take(int(size))
	sum, ok := r.u32()
	if !ok {
		return errShort
	}
	if crc32.Checksum(code, castagnoli) != sum {
		return errors.New("checksum mismatch")
	}
	return verifySourceMap(&r)
}

func verifySourceMap(r *reader) error {
	flag := r.take(1)
	switch {
	case flag == nil:
		return errShort
	case flag[0] == 1:
		l, ok := r.u64()
		if !ok || l > uint64(r.left())/16 {
			return errShort
		}
		r.take(int(l) * 16)
	case flag[0] != 0:
		return errors.New("bad source-map flag")
	}
	if r.left() != 0 {
		return fmt.Errorf("%d bytes too many", r.left())
	}
	return nil
}

// reader reads an entry front to back; take returns nil past the end.
type reader struct {
	data []byte
	off  int
}

func (r *reader) left() int { return len(r.data) - r.off }

func (r *reader) take(n int) []byte {
	if n < 0 || n > r.left() {
		r.off = len(r.data)
		return nil
	}
	b := r.data[r.off : r.off+n : r.off+n]
	r.off += n
	return b
}

func (r *reader) u32() (uint32, bool) {
	b := r.take(4)
	if b == nil {
		return 0, false
	}
	return binary.LittleEndian.Uint32(b), true
}

func (r *reader) u64() (uint64, bool) {
	b := r.take(8)
	if b == nil {
		return 0, false
	}
	return binary.LittleEndian.Uint64(b), true
}

// wazeroVersion is the version wazero writes into its entries and folder
// name, found as wazero finds it: from the build's module list.
func wazeroVersion() string {
	return moduleVersion("github.com/tetratelabs/wazero", "dev")
}

func moduleVersion(path, missing string) string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if strings.Contains(d.Path, path) && d.Version != "" && d.Version != "(devel)" {
				return d.Version
			}
		}
	}
	return missing
}

// versionDir is the folder wazero keeps this version's entries in, inside
// go-graphviz's.
func versionDir() string {
	return "wazero-" + wazeroVersion() + "-" + runtime.GOARCH + "-" + runtime.GOOS
}
