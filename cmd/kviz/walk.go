package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// ignoreFile is the name of the file of gitignore patterns that keeps paths
// out of a folder's drawings; one may sit in any folder, its patterns
// relative to it.
const ignoreFile = ".kvizignore"

// walkOpts are the options of reading a folder.
type walkOpts struct {
	exclude []string // gitignore patterns, relative to each folder given
	verbose bool     // a note for each file passed over
}

// found is a file of a folder that kviz draws.
type found struct {
	path     string
	markdown bool // a page whose kviz fences are drawn
}

// walkFolder lists the files under dir that kviz draws, in lexical order:
// models and manifests among the .yaml and .yml files, and the .md and .mdx
// pages that hold a kviz fence. Paths matched by --exclude or a .kvizignore
// are left out, as are node_modules and folders whose names start with a
// dot. notes says, one line each, why other YAML files were passed over.
func walkFolder(dir string, o walkOpts) (files []found, notes []string, err error) {
	var excl []gitignore.Pattern
	for _, p := range o.exclude {
		excl = append(excl, gitignore.ParsePattern(p, nil))
	}
	var ignored []gitignore.Pattern // from .kvizignore files, outer first
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if rel != "." {
			// --exclude comes last: it has the last word.
			if gitignore.NewMatcher(append(append([]gitignore.Pattern{}, ignored...), excl...)).Match(parts, d.IsDir()) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
		}
		if d.IsDir() {
			if rel != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			ps, err := readIgnore(filepath.Join(path, ignoreFile), parts, rel == ".")
			ignored = append(ignored, ps...)
			return err
		}
		if drawable(path) && linkInside(dir, path) != nil {
			// Never read: drawing it reports the refusal, naming the link.
			files = append(files, found{path: path})
			return nil
		}
		f, note, err := pick(path)
		switch {
		case err != nil:
			return err
		case f != nil:
			files = append(files, *f)
		case note != "" && o.verbose:
			notes = append(notes, note)
		}
		return nil
	})
	return files, notes, err
}

// pick decides whether a file is drawn; note says why a YAML file is not.
func pick(path string) (*found, string, error) {
	if !drawable(path) {
		return nil, "", nil
	}
	ext := strings.ToLower(filepath.Ext(path))
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", err
	}
	if ext == ".md" || ext == ".mdx" {
		if len(fences(data)) == 0 {
			return nil, "", nil
		}
		return &found{path: path, markdown: true}, "", nil
	}
	if c, why := classify(path, data); c == classOther {
		return nil, skipNote(path, why), nil
	}
	return &found{path: path}, "", nil
}

// drawable reports whether path is named like a file kviz may draw.
func drawable(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml", ".md", ".mdx":
		return true
	}
	return false
}

// readIgnore reads a .kvizignore's patterns, anchored at its folder.
func readIgnore(path string, parts []string, root bool) ([]gitignore.Pattern, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	var domain []string
	if !root {
		domain = parts
	}
	var ps []gitignore.Pattern
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		ps = append(ps, gitignore.ParsePattern(line, domain))
	}
	return ps, sc.Err()
}
