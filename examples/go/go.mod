// The bindings example app in Go. The cdk8s-netpol module is the one jsii-pacmak writes to
// dist/go (`npx projen package:go` at the repository root); so are cdk8s and cdk8s-plus-27,
// which the Go proxy here does not serve. .ci/bindings runs `go test` on a copy, after adding
// `replace` directives to those three directories.
module example.com/shop

go 1.25

require (
	github.com/aws/jsii-runtime-go v1.140.0
	github.com/cdk8s-netpol/cdk8s-netpol-go/cdk8snetpol v0.0.0
	github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2 v2.70.0
	github.com/cdk8s-team/cdk8s-plus-go/cdk8splus27/v2 v2.9.5
)
