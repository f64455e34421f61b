package cli

import (
	"io"
	"os"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"

	"payout/internal/msg"
)

// progress shows a bar per phase of a long run on stderr when stderr is a terminal, and nothing otherwise
// (CI logs, pipes, files).
type progress struct {
	w   io.Writer
	on  bool
	bar *progressbar.ProgressBar
}

func newProgress(errw io.Writer) *progress {
	f, ok := errw.(*os.File)
	on := ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
	return &progress{w: errw, on: on}
}

// phase starts a bar of total steps (-1: a spinner for a phase of unknown length).
func (p *progress) phase(label string, total int) {
	if !p.on {
		return
	}
	p.done()
	p.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionSetDescription(label),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}

// add advances the current bar; safe from several goroutines.
func (p *progress) add(n int) {
	if p.bar != nil {
		_ = p.bar.Add(n)
	}
}

// done finishes the current bar.
func (p *progress) done() {
	if p.bar != nil {
		_ = p.bar.Finish()
		p.bar = nil
	}
}

// Progress bar labels.
const (
	labelRead     = msg.ProgressRead
	labelPayslips = msg.ProgressPayslips
)
