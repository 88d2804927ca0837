package text

import (
	"encoding/json"
	"os"
	"path/filepath"
)

// scanCache keeps the faces found in each font file between runs, so that
// only the first run that needs the machine's fonts pays for reading them
// all (seconds, on a machine with Noto installed).
type scanCache struct {
	path    string
	old     map[string]cachedFile // as read
	files   map[string]cachedFile // as this scan found them
	changed bool
}

// cachedFile is one font file's faces, valid while its size and
// modification time are these.
type cachedFile struct {
	Size  int64        `json:"size"`
	MTime int64        `json:"mtime"` // nanoseconds since 1970
	Faces []systemFace `json:"faces"`
}

type cacheFile struct {
	Version int                   `json:"version"`
	Files   map[string]cachedFile `json:"files"`
}

// cacheVersion changes whenever what a face records changes.
const cacheVersion = 1

func openScanCache(path string) *scanCache {
	c := &scanCache{path: path, old: map[string]cachedFile{}, files: map[string]cachedFile{}}
	if path == "" {
		return c
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return c
	}
	var f cacheFile
	if json.Unmarshal(data, &f) == nil && f.Version == cacheVersion && f.Files != nil {
		c.old = f.Files // a broken or older cache is ignored, then rewritten
	}
	return c
}

// faces are the faces of the font file at path: from the cache while the
// file is unchanged, else scanned.
func (c *scanCache) faces(path string) []systemFace {
	fi, err := os.Stat(path)
	if err != nil {
		return nil
	}
	if e, ok := c.old[path]; ok && e.Size == fi.Size() && e.MTime == fi.ModTime().UnixNano() {
		c.files[path] = e
		return e.Faces
	}
	faces := scanFile(path)
	c.files[path] = cachedFile{Size: fi.Size(), MTime: fi.ModTime().UnixNano(), Faces: faces}
	c.changed = true
	return faces
}

// save writes the cache when the scan read any file anew, through a
// temporary file renamed into place; failing to is harmless. Entries of
// other folders (another --font-dir) are kept while their files are.
func (c *scanCache) save() {
	if c.path == "" || !c.changed {
		return
	}
	for path, e := range c.old {
		if _, ok := c.files[path]; ok {
			continue
		}
		if fi, err := os.Stat(path); err == nil && fi.Size() == e.Size && fi.ModTime().UnixNano() == e.MTime {
			c.files[path] = e
		}
	}
	data, err := json.Marshal(cacheFile{Version: cacheVersion, Files: c.files})
	if err != nil {
		return
	}
	if err := os.MkdirAll(filepath.Dir(c.path), 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(c.path), ".fonts-*.json")
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return
	}
	if os.Rename(tmp.Name(), c.path) != nil {
		os.Remove(tmp.Name())
	}
}
