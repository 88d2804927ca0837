package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/kviz/kviz/manifest"
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render/text"
)

// loadOpts are the options of reading a model or manifests.
type loadOpts struct {
	model    model.Options
	manifest manifest.Options
}

// read returns a file's bytes, or standard input's for "-", and the name
// positions are reported with.
func (e *env) read(name string) (string, []byte, error) {
	if name == "-" {
		data, err := io.ReadAll(io.LimitReader(e.stdin, model.MaxBytes+1))
		return "<stdin>", data, err
	}
	f, err := os.Open(name)
	if err != nil {
		return name, nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, model.MaxBytes+1))
	if err == nil && len(data) > model.MaxBytes {
		err = fmt.Errorf("%s: larger than %d MiB", name, model.MaxBytes>>20)
	}
	return name, data, err
}

// load reads a model, or Kubernetes manifests turned into one.
func (e *env) load(name string, o loadOpts) (*model.Model, error) {
	name, data, err := e.read(name)
	if err != nil {
		return nil, err
	}
	return e.parse(name, data, o)
}

// parse reads a model, or Kubernetes manifests turned into one, from bytes
// read from name.
func (e *env) parse(name string, data []byte, o loadOpts) (*model.Model, error) {
	objs, isManifest, err := manifest.ReadIfManifests(name, data, o.model.MaxNodes)
	if !isManifest {
		opts := o.model
		if name != "<stdin>" {
			opts.ReadIcon = e.named.noting(name, iconReader(name))
			opts.ReadFont = e.named.noting(name, confinedReader(name, text.MaxFontBytes))
		}
		return model.Parse(name, data, opts)
	}
	if err != nil {
		return nil, err
	}
	if len(objs) == 0 {
		fmt.Fprintf(e.stderr, "kviz: %s: warning: no Kubernetes objects, only empty documents\n", name)
	}
	return fromManifests(name, objs, o)
}

// fromManifests builds the model of some objects and loads it as any model
// is loaded, so that a rendered manifest and its imported model are drawn
// alike.
func fromManifests(name string, objs []*manifest.Object, o loadOpts) (*model.Model, error) {
	doc := manifest.Build(objs, o.manifest)
	maxEdges := o.model.MaxEdges
	if maxEdges <= 0 {
		maxEdges = model.DefaultMaxEdges
	}
	if len(doc.Edges) > maxEdges {
		return nil, fmt.Errorf("%s: its objects make %d edges, more than %d (raise the limit with --max-edges)", name, len(doc.Edges), maxEdges)
	}
	data, err := doc.YAML()
	if err != nil {
		return nil, err
	}
	if len(data) > model.MaxBytes {
		return nil, fmt.Errorf("%s: the model made from its %d objects is larger than %d MiB: draw fewer with --namespace or --kinds",
			name, len(objs), model.MaxBytes>>20)
	}
	// The objects were counted against --max-nodes as they were read; the
	// model's own positions are not the manifest's, so it has a name of
	// its own.
	opts := o.model
	opts.MaxNodes, opts.MaxEdges = 1<<30, 1<<30
	m, err := model.Parse(name+" (the model made from it)", data, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: the model made from its manifests is not valid (a kviz bug): %w", name, err)
	}
	return m, nil
}

// yamlFiles lists the .yaml and .yml files under dir, in lexical order.
func yamlFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ext := filepath.Ext(path); !d.IsDir() && (ext == ".yaml" || ext == ".yml") {
			out = append(out, path)
		}
		return nil
	})
	return out, err
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
			temps.forget(tmp.Name())
			err = fmt.Errorf("writing %s: %w", path, err)
		}
	}()
	if err = temps.add(tmp.Name()); err != nil {
		return err
	}
	if _, err = io.Copy(tmp, bytes.NewReader(data)); err != nil {
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
	return temps.commit(tmp.Name(), path)
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

// output writes data to path, or to standard output for "-".
func (e *env) output(path string, data []byte) error {
	if path == "-" {
		_, err := e.stdout.Write(data)
		return err
	}
	return writeFile(path, data)
}
