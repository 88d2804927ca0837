package wasmcache

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// entry builds a cache entry as wazero writes one: offsets of nfuncs
// functions, the code, its CRC and a source map of nmap pairs.
func entry(version string, code []byte, nfuncs, nmap int) []byte {
	var b bytes.Buffer
	le := binary.LittleEndian
	b.WriteString(magic)
	b.WriteByte(byte(len(version)))
	b.WriteString(version)
	b.Write(le.AppendUint32(nil, uint32(nfuncs)))
	for i := 0; i < nfuncs; i++ {
		b.Write(le.AppendUint64(nil, uint64(i)))
	}
	b.Write(le.AppendUint64(nil, uint64(len(code))))
	b.Write(code)
	b.Write(le.AppendUint32(nil, crc32.Checksum(code, castagnoli)))
	if nmap == 0 {
		b.WriteByte(0)
		return b.Bytes()
	}
	b.WriteByte(1)
	b.Write(le.AppendUint64(nil, uint64(nmap)))
	b.Write(make([]byte, 16*nmap))
	return b.Bytes()
}

func TestVerify(t *testing.T) {
	code := []byte("\x90\x90\xc3 some native code")
	good := entry("v1.10.1", code, 3, 0)
	withMap := entry("v1.10.1", code, 3, 2)
	flipped := bytes.Clone(good)
	flipped[len(flipped)-8] ^= 1 // a byte of the code
	tests := []struct {
		name string
		data []byte
		want string // "" for a sound entry
	}{
		{"sound", good, ""},
		{"sound with a source map", withMap, ""},
		{"empty", nil, "not a wazero entry"},
		{"garbage", []byte(strings.Repeat("garbage!", 100)), "not a wazero entry"},
		{"truncated in the header", good[:9], "made by wazero"},
		{"truncated in the code", good[:len(good)-10], "truncated"},
		{"no source-map flag", good[:len(good)-1], "truncated"},
		{"truncated source map", withMap[:len(withMap)-1], "truncated"},
		{"trailing bytes", append(bytes.Clone(good), 0), "1 bytes too many"},
		{"a flipped code byte", flipped, "checksum mismatch"},
		{"another wazero", entry("v1.9.0", code, 3, 0), `made by wazero "v1.9.0"`},
		{"offset outside the code", entry("v1.10.1", code[:2], 3, 0), "function offset 2 outside 2 bytes"},
		{"absurd function count", append(bytes.Clone(good[:len(magic)+8]), 0xff, 0xff, 0xff, 0xff), "truncated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := verify(tt.data, "v1.10.1")
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("verify: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("verify = %v, want %q", err, tt.want)
			}
		})
	}
}

// FuzzVerify: verify reads bytes from disk that anyone with the folder
// could have written; it never panics, and accepts a sound entry only
// whole.
func FuzzVerify(f *testing.F) {
	f.Add(entry("v1.10.1", []byte("code"), 1, 0), 0)
	f.Add(entry("v1.10.1", []byte("more code"), 2, 3), 5)
	f.Add([]byte("WAZEVO\x07v1.10.1\xff\xff\xff\xff"), 0)
	f.Fuzz(func(t *testing.T, data []byte, cut int) {
		verify(data, "v1.10.1")
		code := data
		if len(code) == 0 {
			return
		}
		e := entry("v1.10.1", code, min(len(code), 4), len(code)%3)
		if err := verify(e, "v1.10.1"); err != nil {
			t.Fatalf("sound entry refused: %v", err)
		}
		if cut = max(cut, -cut) % len(e); cut > 0 && verify(e[:cut], "v1.10.1") == nil {
			t.Fatalf("entry cut to %d bytes accepted", cut)
		}
	})
}

// tree makes a kviz folder holding one sound entry and its marker.
func tree(t *testing.T) (d, entryPath string) {
	d = filepath.Join(t.TempDir(), "kviz")
	vdir := filepath.Join(d, "go-graphviz", versionDir())
	if err := os.MkdirAll(vdir, 0o700); err != nil {
		t.Fatal(err)
	}
	entryPath = filepath.Join(vdir, strings.Repeat("ab", 32))
	write(t, entryPath, entry(wazeroVersion(), []byte("code"), 1, 0))
	write(t, filepath.Join(d, "ready-"+readyKey()), []byte(filepath.Base(entryPath)))
	return d, entryPath
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestCheckTreeHeals(t *testing.T) {
	d, e := tree(t)
	if healed, err := checkTree(d); err != nil || healed != "" {
		t.Fatalf("sound tree: healed %q, err %v", healed, err)
	}
	write(t, e, []byte("WAZEVO garbage"))
	old := filepath.Join(filepath.Dir(e), "x.1.tmp")
	young := filepath.Join(filepath.Dir(e), "x.2.tmp")
	write(t, old, nil)
	write(t, young, nil)
	os.Chtimes(old, time.Now().Add(-time.Hour), time.Now().Add(-time.Hour))
	healed, err := checkTree(d)
	if err != nil || !strings.Contains(healed, "removed a damaged entry") {
		t.Fatalf("damaged entry: healed %q, err %v", healed, err)
	}
	for path, want := range map[string]bool{e: false, old: false, young: true} {
		if _, err := os.Stat(path); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(path), err == nil, want)
		}
	}
}

func TestCheckTreeRefuses(t *testing.T) {
	tests := []struct {
		name  string
		plant func(t *testing.T, d, e string) string // returns what must be gone
		root  bool
		want  string
	}{
		{"symlinked go-graphviz folder", func(t *testing.T, d, e string) string {
			other := t.TempDir()
			os.RemoveAll(filepath.Join(d, "go-graphviz"))
			os.Symlink(other, filepath.Join(d, "go-graphviz"))
			return filepath.Join(d, "go-graphviz")
		}, false, "is a symlink: removed it"},
		{"symlinked entry", func(t *testing.T, d, e string) string {
			os.Remove(e)
			os.Symlink("/etc/passwd", e)
			return e
		}, false, "is a symlink: removed it"},
		{"entry writable by others", func(t *testing.T, d, e string) string {
			os.Chmod(e, 0o666)
			return e
		}, false, "is writable by others: removed it"},
		{"entry of another user", func(t *testing.T, d, e string) string {
			os.Chown(e, 65534, 65534)
			return e
		}, true, "owned by uid 65534"},
		{"marker of another user", func(t *testing.T, d, e string) string {
			m := filepath.Join(d, "ready-"+readyKey())
			os.Chown(m, 65534, 65534)
			return m
		}, true, "owned by uid 65534"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.root && os.Getuid() != 0 {
				t.Skip("needs root to give a file to another user")
			}
			d, e := tree(t)
			gone := tt.plant(t, d, e)
			_, err := checkTree(d)
			var f fault
			if !errors.As(err, &f) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("checkTree = %v, want a fault with %q", err, tt.want)
			}
			if _, err := os.Lstat(gone); err == nil {
				t.Errorf("%s left in place", gone)
			}
		})
	}
}

// A folder others could write is closed and emptied: anything in it may
// have been planted, checksum or not.
func TestCheckWorldWritable(t *testing.T) {
	d, e := tree(t)
	os.Chmod(d, 0o777)
	err := Check(d)
	if err == nil || !strings.Contains(err.Error(), "was writable by others") {
		t.Fatalf("Check = %v", err)
	}
	if fi, _ := os.Stat(d); fi.Mode().Perm() != 0o700 {
		t.Errorf("mode %v, want 0700", fi.Mode().Perm())
	}
	if _, err := os.Stat(e); err == nil {
		t.Error("planted entry left in place")
	}
	if err := Check(d); err != nil {
		t.Errorf("closed folder refused: %v", err)
	}
}

func TestCheckAbove(t *testing.T) {
	base := t.TempDir()
	if err := checkAbove(base); err != nil {
		t.Fatalf("private folder refused: %v", err)
	}
	open := filepath.Join(base, "open")
	os.Mkdir(open, 0o777)
	os.Chmod(open, 0o777)
	if err := checkAbove(filepath.Join(open)); err == nil || !strings.Contains(err.Error(), "writable by others") {
		t.Fatalf("folder under a world-writable one: %v", err)
	}
	os.Chmod(open, 0o777|os.ModeSticky)
	if err := checkAbove(open); err != nil {
		t.Fatalf("sticky folder refused: %v", err)
	}
}
