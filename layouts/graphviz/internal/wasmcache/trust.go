package wasmcache

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// stale is how old a leftover temporary file or staging folder must be
// before it is removed: younger ones may belong to a kviz running now.
const stale = 10 * time.Minute

// Check refuses a folder that is a symlink, is not a folder or belongs to
// another user. A folder of this user's that others can read is closed; one
// that others could write is closed and emptied of everything kviz would
// run, and refused for this run, as anything in it may have been planted.
func Check(d string) error {
	fi, err := os.Lstat(d)
	if err != nil {
		return fault{err}
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return faultf("cache folder %s is a symlink", d)
	}
	if !fi.IsDir() {
		return faultf("cache folder %s is not a folder", d)
	}
	if err := ownedByMe(fi); err != nil {
		return faultf("cache folder %s: %w", d, err)
	}
	perm := fi.Mode().Perm()
	if perm&0o077 == 0 {
		return nil
	}
	if err := os.Chmod(d, 0o700); err != nil {
		return fault{err}
	}
	if perm&0o022 == 0 {
		return nil
	}
	purge(d)
	return faultf("cache folder %s was writable by others: closed it and removed its contents", d)
}

// purge removes what kviz would read from the kviz folder.
func purge(d string) {
	os.RemoveAll(filepath.Join(d, "go-graphviz"))
	markers, _ := filepath.Glob(filepath.Join(d, "ready-*"))
	for _, m := range markers {
		os.RemoveAll(m)
	}
}

// checkAbove checks the folders above the cache folder, as written and
// with symlinks resolved: each must belong to this user or root and be
// closed to others unless sticky (as /tmp is), and a symlink must belong to
// this user or root.
func checkAbove(base string) error {
	abs, err := filepath.Abs(base)
	if err != nil {
		return err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return err
	}
	for _, p := range []string{abs, real} {
		for q := p; ; q = filepath.Dir(q) {
			if err := trustedAbove(q); err != nil {
				return err
			}
			if q == filepath.Dir(q) {
				break
			}
		}
	}
	return nil
}

func trustedAbove(p string) error {
	fi, err := os.Lstat(p)
	if err != nil {
		return err
	}
	if err := ownedBy(fi, true); err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	if fi.IsDir() && fi.Mode().Perm()&0o002 != 0 && fi.Mode()&os.ModeSticky == 0 {
		return fmt.Errorf("%s is writable by others", p)
	}
	return nil
}

// trusted refuses a path inside the cache folder that is a symlink,
// belongs to another user or is writable by group or others.
func trusted(p string, fi os.FileInfo) error {
	switch {
	case fi.Mode()&os.ModeSymlink != 0:
		return fmt.Errorf("%s is a symlink", p)
	case ownedByMe(fi) != nil:
		return fmt.Errorf("%s: %w", p, ownedByMe(fi))
	case fi.Mode().Perm()&0o022 != 0:
		return fmt.Errorf("%s is writable by others", p)
	case !fi.IsDir() && !fi.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file", p)
	}
	return nil
}

// checkTree checks everything in the kviz folder that go-graphviz or kviz
// will read: an untrusted path is removed and turns the cache off for this
// run; a damaged entry is removed and reported in healed, and the cache
// stays on. Old leftovers of interrupted writes are removed.
func checkTree(d string) (healed string, err error) {
	ents, err := os.ReadDir(d)
	if err != nil {
		return "", fault{err}
	}
	for _, e := range ents {
		p := filepath.Join(d, e.Name())
		switch {
		case e.Name() == "go-graphviz":
			if h, err := checkGraphviz(p); err != nil {
				return "", err
			} else if healed == "" {
				healed = h
			}
		case strings.HasPrefix(e.Name(), "ready-"):
			if err := checkPath(p); err != nil {
				return "", err
			}
		case strings.HasPrefix(e.Name(), "warm-"):
			removeOld(p)
		}
	}
	return healed, nil
}

// checkPath removes p and refuses the cache if p cannot be trusted.
func checkPath(p string) error {
	fi, err := os.Lstat(p)
	if err != nil {
		return fault{err}
	}
	if err := trusted(p, fi); err != nil {
		if rerr := os.RemoveAll(p); rerr != nil {
			return faultf("%v, and removing it failed: %v", err, rerr)
		}
		return faultf("%v: removed it", err)
	}
	return nil
}

// checkGraphviz checks go-graphviz's folder and, in the folder of this
// wazero version, every entry.
func checkGraphviz(p string) (healed string, err error) {
	if err := checkPath(p); err != nil {
		return "", err
	}
	vdir := filepath.Join(p, versionDir())
	if _, err := os.Lstat(vdir); errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err := checkPath(vdir); err != nil {
		return "", err
	}
	ents, err := os.ReadDir(vdir)
	if err != nil {
		return "", fault{err}
	}
	for _, e := range ents {
		q := filepath.Join(vdir, e.Name())
		switch {
		case isKey(e.Name()):
			if err := checkPath(q); err != nil {
				return "", err
			}
			if err := verifyFile(q); err != nil {
				if rerr := os.Remove(q); rerr != nil {
					return "", faultf("damaged entry %s (%v) cannot be removed: %v", e.Name(), err, rerr)
				}
				if healed == "" {
					healed = fmt.Sprintf("removed a damaged entry (%v)", err)
				}
			}
		case strings.HasSuffix(e.Name(), ".tmp"):
			removeOld(q)
		}
	}
	return healed, nil
}

// isKey reports whether name is a wazero cache key: 64 hex digits.
func isKey(name string) bool {
	if len(name) != 64 {
		return false
	}
	for _, c := range name {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// removeOld removes a leftover older than stale.
func removeOld(p string) {
	if fi, err := os.Lstat(p); err == nil && time.Since(fi.ModTime()) > stale {
		os.RemoveAll(p)
	}
}
