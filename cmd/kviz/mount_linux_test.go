package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/rogpeppe/go-internal/testscript"
)

// canMount reports whether the tests may mount a tmpfs: a full or
// read-only disk is made that way.
func canMount() bool {
	if os.Getuid() != 0 {
		return false
	}
	d, err := os.MkdirTemp("", "kviz-mount-")
	if err != nil {
		return false
	}
	defer os.Remove(d)
	if syscall.Mount("tmpfs", d, "tmpfs", 0, "size=64k") != nil {
		return false
	}
	return syscall.Unmount(d, 0) == nil
}

// tmpfsCmd: "tmpfs DIR SIZE" mounts a tmpfs of SIZE (1m, 16m) on DIR;
// "tmpfs -ro DIR" makes it read-only.
func tmpfsCmd(ts *testscript.TestScript, neg bool, args []string) {
	switch {
	case len(args) == 2 && args[0] == "-ro":
		ts.Check(syscall.Mount("tmpfs", ts.MkAbs(args[1]), "tmpfs", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""))
	case len(args) == 2:
		ts.Check(syscall.Mount("tmpfs", ts.MkAbs(args[0]), "tmpfs", 0, "size="+args[1]))
		ts.Defer(func() { syscall.Unmount(ts.MkAbs(args[0]), syscall.MNT_DETACH) })
	default:
		ts.Fatalf("usage: tmpfs DIR SIZE | tmpfs -ro DIR")
	}
}

// umountCmd: "umount DIR".
func umountCmd(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		ts.Fatalf("usage: umount DIR")
	}
	ts.Check(syscall.Unmount(filepath.Clean(ts.MkAbs(args[0])), 0))
}
