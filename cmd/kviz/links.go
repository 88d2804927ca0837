package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/kviz/kviz/model"
)

// linkInside refuses path, found by walking the folder root, when it is a
// symlink that leads outside root once every link is resolved: a model
// folder, say a pull request's, could otherwise make kviz read and quote
// any file the user can read. The refusal names the link, never the
// target's content. A path not under a walked folder (root "") passes.
func linkInside(root, path string) error {
	if root == "" {
		return nil
	}
	fi, err := os.Lstat(path)
	if err != nil || fi.Mode()&os.ModeSymlink == 0 {
		return nil // not a link; reading it reports any error
	}
	refuse := func(why string) error {
		return model.ErrorList{{Pos: model.Pos{File: path, Line: 1, Col: 1}, Msg: why}}
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return err
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return refuse("a symlink that leads nowhere; not followed")
	}
	if !within(realRoot, real) {
		return refuse(fmt.Sprintf("a symlink that leads outside %s; not followed", root))
	}
	return nil
}

// within reports whether path is dir or lies under it; both are clean.
func within(dir, path string) bool {
	r, err := filepath.Rel(dir, path)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) && !filepath.IsAbs(r)
}
