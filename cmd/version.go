package cmd

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// NewCmdVersion prints the version.
func NewCmdVersion(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the sdprep version",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(f.IO.Out, "sdprep version %s\n", f.Version)
			return err
		},
	}
}

// resolveVersion is the version to print: the one set at build time with
// -ldflags "-X github.com/sdprep/sdprep/cmd.version=v1.2.3", else what
// the Go toolchain recorded (`go install …@v1.2.3` records the module
// version; a build from a clone records the VCS revision), else "dev".
func resolveVersion(ldflags string, info *debug.BuildInfo) string {
	if ldflags != "" && ldflags != "dev" {
		return ldflags
	}
	if info == nil {
		return "dev"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "dev"
	}
	var rev string
	var dirty bool
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return v
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return v + " (" + rev + ")"
}

// buildVersion is resolveVersion for this binary.
func buildVersion(ldflags string) string {
	info, _ := debug.ReadBuildInfo()
	return resolveVersion(ldflags, info)
}
