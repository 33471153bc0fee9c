package estimate

import (
	"os"
	"testing"
)

func TestZZScratch(t *testing.T) {
	for _, flags := range [][]string{
		{"dau", "300M", "writes-per-user", "2", "read-write-ratio", "100", "write-size", "280B", "media-fraction", "10%", "media-size", "200KB"},
		{"dau", "100M", "writes-per-user", "2", "reads-per-user", "100", "write-size", "280B", "media-fraction", "10%", "media-size", "200KB", "read-size", "1KB", "retention", "5y"},
	} {
		s := NewScenario(nil)
		for i := 0; i < len(flags); i += 2 {
			if err := s.Set(flags[i], flags[i+1]); err != nil {
				t.Fatal(err)
			}
		}
		e, as, err := Run(s)
		if err != nil {
			t.Fatal(err)
		}
		Report{Estimate: e, Assumptions: as}.Write(os.Stdout, FormatText)
	}
}
