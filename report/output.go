package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"payout/calc"
	"payout/internal/msg"
	"payout/internal/scratch"
	"payout/internal/version"
	"payout/model"
	"payout/plan"
)

// Output folder layout (SPEC §7).
const (
	PayslipDir  = "payslips"
	SummaryFile = "summary.xlsx"
	// ClosedFile marks a month signed off and paid (written by payout close); such a folder is never
	// replaced.
	ClosedFile = "closed.json"
	// CorrectionsFile records the corrections carried out of a closed month (written by payout correct).
	CorrectionsFile = "corrections.jsonl"
	// Files and folders hold personal data (names and pay): readable by the owner only.
	fileMode = 0o600
	dirMode  = 0o700
)

// ErrExists is returned when the output folder exists and --force was not given; ErrClosed when it is a
// closed month, whatever the options.
var (
	ErrExists = errors.New("output folder exists")
	ErrClosed = errors.New("output folder is a closed month")
)

// Output is everything written to an output folder.
type Output struct {
	Result   *calc.Result
	Document calc.Document // the result document (with the warnings)
	Plan     *plan.Loaded
	Data     *model.MonthData
	Warnings []string
	Store    string
	// Workers is how many payslips are written at once (default: the number of usable cores).
	Workers int
	// OnPayslip, when set, is called after each payslip (from several goroutines at once).
	OnPayslip func()
	// FundLedger is the fund's running balance through this month, for the summary.
	FundLedger []FundRow
}

// Written says what WriteOutput did.
type Written struct {
	Dir      string
	Payslips int
	Previous string // where an existing folder was moved with force, "" if none
	// Removed are the half-written output folders of earlier runs that did not finish, removed first.
	Removed []string
}

// WriteOutput writes the month's output folder: payslips/<id>-<name>.xlsx, summary.xlsx, result.json and
// audit.jsonl. Everything is written to a temporary folder beside dir and renamed into place only when
// complete, so a failure leaves no half output. An existing dir is refused unless force, which keeps it as
// <dir>.prev-N (the smallest free N), and only when it is a payout output of the same month
// (CheckReplaceable); a closed month is always refused.
func WriteOutput(dir string, force bool, o Output) (Written, error) {
	w := Written{Dir: dir}
	if err := CheckOutputFolder(dir, o.Result.Month, force); err != nil {
		return w, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, dirMode); err != nil {
		return w, err
	}
	// Half-written folders of earlier runs that were killed go first.
	w.Removed = scratch.SweepOutputs(parent)
	tmp, release, err := scratch.MkdirTemp(parent, scratch.OutputTempPrefix(filepath.Base(dir)))
	if err != nil {
		return w, err
	}
	defer release()
	ok := false
	defer func() {
		if !ok {
			_ = os.RemoveAll(tmp)
		}
	}()
	if err := writeAll(tmp, o); err != nil {
		return w, err
	}
	w.Payslips = len(o.Result.Employees)
	// An interruption waits for the renames: the old folder is never left moved aside without the new one.
	err = scratch.Hold(func() error {
		// Checked again: the folder may have appeared or changed while the month was written.
		if err := CheckOutputFolder(dir, o.Result.Month, force); err != nil {
			return err
		}
		_, err := os.Lstat(dir)
		return putInPlace(tmp, dir, err == nil, &w)
	})
	ok = err == nil
	return w, err
}

// putInPlace moves an existing dir to the first free <dir>.prev-N (when exists) and renames tmp to dir;
// when that fails, the old folder is put back.
func putInPlace(tmp, dir string, exists bool, w *Written) error {
	if exists {
		for n := 1; ; n++ {
			prev := fmt.Sprintf("%s.prev-%d", dir, n)
			if _, err := os.Lstat(prev); errors.Is(err, os.ErrNotExist) {
				if err := os.Rename(dir, prev); err != nil {
					return err
				}
				w.Previous = prev
				break
			}
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if w.Previous != "" {
			_ = os.Rename(w.Previous, dir)
		}
		return err
	}
	return nil
}

func writeAll(dir string, o Output) error {
	if err := os.Chmod(dir, dirMode); err != nil {
		return err
	}
	if err := os.Mkdir(filepath.Join(dir, PayslipDir), dirMode); err != nil {
		return err
	}
	if err := writePayslips(filepath.Join(dir, PayslipDir), o); err != nil {
		return err
	}
	if err := createFile(filepath.Join(dir, SummaryFile), func(f *os.File) error {
		return WriteSummary(f, SummaryInput{Result: o.Result, Plan: o.Plan, Data: o.Data, Warnings: o.Warnings, Store: o.Store, FundLedger: o.FundLedger})
	}); err != nil {
		return err
	}
	if err := createFile(filepath.Join(dir, ResultFile), func(f *os.File) error {
		b, err := o.Document.JSON()
		if err != nil {
			return err
		}
		_, err = f.Write(b)
		return err
	}); err != nil {
		return err
	}
	files, err := HashFiles(dir)
	if err != nil {
		return err
	}
	return createFile(filepath.Join(dir, AuditFile), func(f *os.File) error {
		h := AuditHeader{ToolVersion: version.Version, Month: o.Result.Month, PlanSource: o.Plan.Source, PlanSHA256: o.Plan.SHA256, Inputs: o.Data.Files}
		return WriteAudit(f, h, o.Result, files)
	})
}

// createFile creates a new file with the personal-data mode and fills it.
func createFile(p string, fill func(*os.File) error) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fileMode)
	if err != nil {
		return err
	}
	if err := fill(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", filepath.Base(p), err)
	}
	return f.Close()
}

// writePayslips writes every payslip, on as many cores as there are.
func writePayslips(dir string, o Output) error {
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	emps := o.Result.Employees
	names := PayslipNames(emps)
	texts := newSourceTexts(o.Result, payslipSourcesMax)
	jobs := make(chan int)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	var once sync.Once
	stop := make(chan struct{})
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				e := &emps[j]
				err := createFile(filepath.Join(dir, names[j]), func(f *os.File) error {
					return writePayslip(f, o.Result, e, o.Plan.Plan, o.Store, texts)
				})
				if err == nil && o.OnPayslip != nil {
					o.OnPayslip()
				}
				if err != nil {
					errs <- fmt.Errorf(msg.OutPayslipFailed, e.ID, err)
					once.Do(func() { close(stop) })
					return
				}
			}
		}()
	}
loop:
	for j := range emps {
		select {
		case jobs <- j:
		case <-stop:
			break loop
		}
	}
	close(jobs)
	wg.Wait()
	close(errs)
	return <-errs
}
