package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/kviz/kviz/render/icon"
)

// realAbs is path made absolute, every symlink resolved.
func realAbs(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// iconReader reads icon files for the model at modelPath: paths relative
// to its folder that stay inside it once symlinks are resolved, and no
// larger than an icon may be.
func iconReader(modelPath string) func(string) ([]byte, error) {
	return confinedReader(modelPath, icon.MaxFileBytes)
}

// confinedReader reads the files a model names (icons, fonts) under the
// same rules, no larger than limit bytes.
func confinedReader(modelPath string, limit int) func(string) ([]byte, error) {
	dir := filepath.Dir(modelPath)
	return func(rel string) ([]byte, error) {
		if filepath.IsAbs(rel) {
			return nil, fmt.Errorf("must be relative to the model's folder")
		}
		// Absolute paths on both sides: "../docs/x.svg" from a model in
		// docs/ run as "kviz render m.yaml" lies inside.
		realDir, err := realAbs(dir)
		if err != nil {
			return nil, err
		}
		real, err := realAbs(filepath.Join(dir, rel))
		if err != nil {
			return nil, fmt.Errorf("cannot read it: %w", err)
		}
		if !within(realDir, real) {
			return nil, fmt.Errorf("lies outside the model's folder")
		}
		// A FIFO or a device would block the read, or never end it.
		if fi, err := os.Stat(real); err != nil {
			return nil, err
		} else if !fi.Mode().IsRegular() {
			return nil, fmt.Errorf("is not a regular file")
		}
		f, err := os.OpenFile(real, os.O_RDONLY|nonBlock, 0)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
			return nil, fmt.Errorf("is not a regular file")
		}
		data, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
		if err == nil && len(data) > limit {
			err = fmt.Errorf("larger than %d KiB", limit>>10)
		}
		return data, err
	}
}
