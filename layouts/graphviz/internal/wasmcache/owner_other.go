//go:build !unix

package wasmcache

import "os"

// ownedByMe cannot check ownership here; the folder lies under the user's
// own profile, which other users cannot write.
func ownedByMe(os.FileInfo) error { return nil }

func ownedBy(os.FileInfo, bool) error { return nil }
