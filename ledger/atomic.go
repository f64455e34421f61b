package ledger

import (
	"os"
	"path/filepath"
)

// syncFile flushes a file to disk (a variable so that tests can make it fail like a full disk).
var syncFile = (*os.File).Sync

// writeAtomic writes data to p with mode perm through a temporary file beside it: written, flushed to disk,
// then renamed into place, and the folder flushed. A full disk or a crash leaves the old file (or none), never
// a cut or empty one. It is how the ledger writes every small file: closed.json, fund-opening.json, the
// record of closed months and the corrections record.
func writeAtomic(p string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(p)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(p)+".tmp-*")
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			_ = os.Remove(tmp.Name())
		}
	}()
	_, err = tmp.Write(data)
	if err == nil {
		err = syncFile(tmp)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), perm); err != nil {
		return err
	}
	// Windows refuses to replace a read-only file.
	if _, err := os.Lstat(p); err == nil {
		_ = os.Chmod(p, 0o600)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return err
	}
	ok = true
	syncDir(dir)
	return nil
}

// syncDir flushes a folder's entries to disk, where the system allows it (not on Windows).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
