package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/kviz/kviz/model"
)

// load reads a model from a file, or from standard input for "-".
func (e *env) load(name string, opts model.Options) (*model.Model, error) {
	if name == "-" {
		return model.Load("<stdin>", e.stdin, opts)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return model.Load(name, f, opts)
}

// writeFile replaces path with data atomically: the bytes go to a temporary
// file in the same folder, which is renamed over path only once complete.
// A failure leaves no partial file and the old one untouched. A path that
// is not a regular file (a device such as /dev/stdout, a pipe) is written
// directly: renaming over it would replace the device.
func writeFile(path string, data []byte) (err error) {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		if fi.IsDir() {
			return fmt.Errorf("writing %s: is a folder", path)
		}
		return writeDevice(path, data)
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".kviz-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = fmt.Errorf("writing %s: %w", path, err)
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm() // keep the old file's permissions
	}
	if err = os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// output writes data to path, or to standard output for "-".
func (e *env) output(path string, data []byte) error {
	if path == "-" {
		_, err := e.stdout.Write(data)
		return err
	}
	return writeFile(path, data)
}

func writeDevice(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
