package cmd

import (
	"fmt"

	"github.com/spf13/cobra"
)

// NewCmdVersion prints the version set at build time.
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
