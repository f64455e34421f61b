// Command bench measures payout on generated dealer-group months (make bench-data, then make bench): for
// each month folder, the wall time and peak RSS of `payout compute` (full output) and of `--dry-run`, the
// time of each phase (read, validate, compute, write), rows read per second and payslips written per second;
// and, for the xlsx files, a bare excelize Rows() pass over the same files, the floor for reading with our
// library, with the ratio of our read phase to it.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

type stats struct {
	Rows      int                `json:"rows"`
	Employees int                `json:"employees"`
	Payslips  int                `json:"payslips"`
	Seconds   map[string]float64 `json:"seconds"`
}

func main() {
	bin := flag.String("bin", "bin/payout", "the payout binary")
	month := flag.String("month", "2026-10", "the month of the folders")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: bench [-bin bin/payout] FOLDER...")
		os.Exit(2)
	}
	fmt.Printf("machine: %d cores, %s/%s, %s\n\n", runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version())
	for _, dir := range flag.Args() {
		if err := benchFolder(*bin, *month, dir); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
	}
}

// run runs payout and returns its wall time and peak RSS in MB.
func run(bin string, args ...string) (time.Duration, float64, error) {
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = nil, os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, 0, fmt.Errorf("%s %s: %w", bin, strings.Join(args, " "), err)
	}
	wall := time.Since(start)
	return wall, peakRSS(cmd.ProcessState), nil
}

func benchFolder(bin, month, dir string) error {
	tmp, err := os.MkdirTemp("", "payout-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	statsFile := filepath.Join(tmp, "stats.json")
	out := filepath.Join(tmp, "out", month)
	wall, rss, err := run(bin, "compute", "--month", month, "--in", dir, "--out", out, "--stats", statsFile)
	if err != nil {
		return err
	}
	var st stats
	b, err := os.ReadFile(statsFile)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return err
	}
	dryWall, dryRSS, err := run(bin, "compute", "--month", month, "--in", dir, "--dry-run", "--format", "json")
	if err != nil {
		return err
	}
	s := st.Seconds
	fmt.Printf("== %s: %d employees, %d rows\n", dir, st.Employees, st.Rows)
	fmt.Printf("compute (full output):  %6.2f s wall, peak RSS %4.0f MB\n", wall.Seconds(), rss)
	fmt.Printf("compute --dry-run:      %6.2f s wall, peak RSS %4.0f MB\n", dryWall.Seconds(), dryRSS)
	fmt.Printf("phases: read %.2f s, validate %.2f s, compute %.2f s (%.1f%% of the total), write %.2f s\n",
		s["read"], s["validate"], s["compute"], 100*s["compute"]/s["total"], s["write"])
	fmt.Printf("rows read per second:   %8.0f\n", float64(st.Rows)/s["read"])
	fmt.Printf("payslips per second:    %8.0f (%d payslips, %d cores)\n", float64(st.Payslips)/s["write"], st.Payslips, runtime.NumCPU())
	floor, n, err := bareExcelize(dir)
	if err != nil {
		return err
	}
	if n > 0 {
		fmt.Printf("bare excelize Rows() pass over the %d xlsx files: %.2f s; read phase / floor = %.2f\n", n, floor.Seconds(), s["read"]/floor.Seconds())
	}
	fmt.Println()
	return nil
}

// bareExcelize streams every sheet of every xlsx file in dir with excelize's Rows() and raw values, one file
// after the other, doing nothing with the cells.
func bareExcelize(dir string) (time.Duration, int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, 0, err
	}
	start := time.Now()
	n := 0
	for _, e := range entries {
		if !strings.HasSuffix(strings.ToLower(e.Name()), ".xlsx") {
			continue
		}
		n++
		f, err := excelize.OpenFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return 0, 0, err
		}
		for _, sheet := range f.GetSheetList() {
			rows, err := f.Rows(sheet)
			if err != nil {
				f.Close()
				return 0, 0, err
			}
			for rows.Next() {
				if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
					break
				}
			}
			rows.Close()
		}
		f.Close()
	}
	return time.Since(start), n, nil
}
