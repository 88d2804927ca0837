//go:build unix

package wasmcache

import (
	"fmt"
	"os"
	"syscall"
)

// ownedByMe refuses a file of another user.
func ownedByMe(fi os.FileInfo) error {
	return ownedBy(fi, false)
}

// ownedBy refuses a file of another user; rootOK lets root's pass too, as
// the folders above a home do.
func ownedBy(fi os.FileInfo, rootOK bool) error {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fmt.Errorf("cannot tell its owner")
	}
	if int(st.Uid) == os.Getuid() || rootOK && st.Uid == 0 {
		return nil
	}
	return fmt.Errorf("owned by uid %d, not by this user (uid %d)", st.Uid, os.Getuid())
}
