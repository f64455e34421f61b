//go:build unix

package importers

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"payout/internal/msg"
)

// Only regular files are read: a FIFO named like a table would block forever, a symlink to /dev/zero never
// ends. A symlink to a regular file is read.
func TestReadOnlyRegularFiles(t *testing.T) {
	cases := []struct {
		name string
		make func(t *testing.T, dir string)
		want string // "" when it reads clean
	}{
		{"a FIFO", func(t *testing.T, dir string) {
			if err := syscall.Mkfifo(filepath.Join(dir, "10月续保.csv"), 0o644); err != nil {
				t.Skip(err)
			}
		}, iss("10月续保.csv", msg.InNotRegular, msg.KindFIFO)},
		{"a symlink to /dev/zero", func(t *testing.T, dir string) {
			symlink(t, "/dev/zero", filepath.Join(dir, "10月续保.csv"))
		}, iss("10月续保.csv", msg.InNotRegular, msg.KindDevice)},
		{"a symlink to a folder", func(t *testing.T, dir string) {
			symlink(t, t.TempDir(), filepath.Join(dir, "10月续保"))
		}, iss("10月续保", msg.InFolderNamedTable, TRenewals, "续保")},
		{"a symlink to a regular file", func(t *testing.T, dir string) {
			other := t.TempDir()
			writeFile(t, other, "x.csv", []byte(baseFolder()["续保.csv"]+"P1,A01,2026-10-01,100\n"))
			symlink(t, filepath.Join(other, "x.csv"), filepath.Join(dir, "10月续保.csv"))
		}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			f := folder(baseFolder())
			delete(f, "续保.csv")
			f.write(t, dir)
			c.make(t, dir)
			done := make(chan *Report, 1)
			go func() {
				_, rep := read(t, dir)
				done <- rep
			}()
			var rep *Report
			select {
			case rep = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("Read did not return")
			}
			if c.want == "" {
				if len(rep.Issues) != 0 {
					t.Errorf("issues:%s", issueLines(rep))
				}
				return
			}
			if !hasIssue(rep, Error, c.want) {
				t.Errorf("want %s; issues:%s", c.want, issueLines(rep))
			}
		})
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
}
