// Command shop writes the example app's manifests and reachability report to dist/.
package main

import (
	"example.com/shop"

	"github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2"
)

func main() {
	app := cdk8s.NewApp(nil)
	shop.NewShopApp(app)
	app.Synth()
}
