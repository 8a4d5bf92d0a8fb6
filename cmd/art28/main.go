// Command art28 checks data processing agreements against Art. 28 GDPR.
package main

import (
	"os"

	"github.com/art28/art28/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
