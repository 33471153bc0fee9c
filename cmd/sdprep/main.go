// Command sdprep is a terminal toolkit for system-design interview
// preparation. All of the work happens in package cmd.
package main

import (
	"os"

	"github.com/sdprep/sdprep/cmd"
)

func main() {
	os.Exit(cmd.Main())
}
