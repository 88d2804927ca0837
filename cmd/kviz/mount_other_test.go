//go:build !linux

package main

import "github.com/rogpeppe/go-internal/testscript"

func canMount() bool { return false }

func tmpfsCmd(ts *testscript.TestScript, neg bool, args []string) { ts.Fatalf("tmpfs: Linux only") }

func umountCmd(ts *testscript.TestScript, neg bool, args []string) { ts.Fatalf("umount: Linux only") }
