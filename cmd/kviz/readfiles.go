package main

import (
	"path/filepath"
	"sync"
)

// readFiles notes the files the models name (icons, fonts) as they are
// read, so that watch redraws when one of them is saved, or created after
// a drawing failed for want of it. The zero value and nil note nothing.
type readFiles struct {
	mu    sync.Mutex
	files map[string]bool // absolute, cleaned
}

// noting wraps read, a reader of files named relative to the model at
// modelPath, to note each file asked for, read or not.
func (r *readFiles) noting(modelPath string, read func(string) ([]byte, error)) func(string) ([]byte, error) {
	if r == nil {
		return read
	}
	return func(rel string) ([]byte, error) {
		if abs, err := filepath.Abs(filepath.Join(filepath.Dir(modelPath), rel)); err == nil {
			r.mu.Lock()
			if r.files == nil {
				r.files = map[string]bool{}
			}
			r.files[abs] = true
			r.mu.Unlock()
		}
		return read(rel)
	}
}

// reset forgets the files noted: a model no longer naming a file is not
// redrawn when it changes.
func (r *readFiles) reset() {
	r.mu.Lock()
	clear(r.files)
	r.mu.Unlock()
}

// has reports whether path is a file noted.
func (r *readFiles) has(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.files[abs]
}

// folders lists the folders of the files noted.
func (r *readFiles) folders() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	seen := map[string]bool{}
	var out []string
	for f := range r.files {
		if d := filepath.Dir(f); !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}
