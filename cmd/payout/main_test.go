package main

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
)

// asMain makes the test binary run payout itself: the test starts it as a process with this variable set.
const asMain = "PAYOUT_TEST_AS_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(asMain) == "1" {
		os.Exit(run(os.Args[1:]))
	}
	os.Exit(m.Run())
}

// payout starts the program with sys as its system temp folder.
func payout(sys string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	c := exec.Command(os.Args[0], args...)
	c.Env = append(os.Environ(), asMain+"=1", "TMPDIR="+sys, "TMP="+sys, "TEMP="+sys)
	var stderr bytes.Buffer
	c.Stderr = &stderr
	return c, &stderr
}
