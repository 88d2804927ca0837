package main

import (
	"os/exec"
	"syscall"
)

// dieWithParent has Linux kill a worker when kviz exits, mid-layout too.
// Elsewhere a worker ends once its layout does and it reads the end of its
// input.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
