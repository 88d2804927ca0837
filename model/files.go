package model

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// FolderReader reads the files a model at modelPath names (icons, fonts):
// paths relative to its folder that stay inside it once symlinks are
// resolved, and no larger than limit bytes. It suits Options.ReadIcon and
// Options.ReadFont.
func FolderReader(modelPath string, limit int) func(string) ([]byte, error) {
	dir := filepath.Dir(modelPath)
	return func(rel string) ([]byte, error) {
		if filepath.IsAbs(rel) {
			return nil, fmt.Errorf("must be relative to the model's folder")
		}
		realDir, err := filepath.EvalSymlinks(dir)
		if err != nil {
			return nil, err
		}
		real, err := filepath.EvalSymlinks(filepath.Join(dir, rel))
		if err != nil {
			return nil, fmt.Errorf("cannot read it: %w", err)
		}
		if r, err := filepath.Rel(realDir, real); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return nil, fmt.Errorf("lies outside the model's folder")
		}
		f, err := os.Open(real)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
		if err == nil && len(data) > limit {
			err = fmt.Errorf("larger than %d KiB", limit>>10)
		}
		return data, err
	}
}
