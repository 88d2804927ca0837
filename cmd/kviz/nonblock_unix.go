//go:build unix

package main

import "syscall"

// nonBlock opens a file without waiting for a writer, should a FIFO be
// swapped in between the check and the open.
const nonBlock = syscall.O_NONBLOCK
