// Package shop is the bindings example app in Go: namespace shop, web -> api -> db and nothing else.
package shop

import (
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk8s-netpol/cdk8s-netpol-go/cdk8snetpol"
	"github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2"
	"github.com/cdk8s-team/cdk8s-plus-go/cdk8splus27/v2"
)

// ShopApp is what the tests need to reach into.
type ShopApp struct {
	Chart   cdk8s.Chart
	Web     cdk8splus27.Deployment
	Api     cdk8splus27.Deployment
	Db      cdk8splus27.StatefulSet
	Intents cdk8snetpol.ReachabilityIntents
}

// NewShopApp adds the shop chart to app.
func NewShopApp(app cdk8s.App) *ShopApp {
	chart := cdk8s.NewChart(app, jsii.String("shop"), &cdk8s.ChartProps{Namespace: jsii.String("shop")})
	web := cdk8splus27.NewDeployment(chart, jsii.String("web"), &cdk8splus27.DeploymentProps{
		Metadata:   &cdk8s.ApiObjectMetadata{Name: jsii.String("web")},
		Containers: &[]*cdk8splus27.ContainerProps{{Image: jsii.String("shop/web"), PortNumber: jsii.Number(8080)}},
	})
	api := cdk8splus27.NewDeployment(chart, jsii.String("api"), &cdk8splus27.DeploymentProps{
		Metadata:   &cdk8s.ApiObjectMetadata{Name: jsii.String("api")},
		Containers: &[]*cdk8splus27.ContainerProps{{Image: jsii.String("shop/api"), PortNumber: jsii.Number(8080)}},
	})
	db := cdk8splus27.NewStatefulSet(chart, jsii.String("db"), &cdk8splus27.StatefulSetProps{
		Metadata:   &cdk8s.ApiObjectMetadata{Name: jsii.String("db")},
		Containers: &[]*cdk8splus27.ContainerProps{{Image: jsii.String("postgres:16"), PortNumber: jsii.Number(5432)}},
	})

	// Nothing in or out of the namespace but DNS lookups, then web -> api and api -> db.
	cdk8snetpol.NewDefaultDenyAll(chart, jsii.String("default-deny"), &cdk8snetpol.DefaultDenyProps{AllowDns: jsii.Bool(true)})
	cdk8snetpol.NewAllowConnection(chart, jsii.String("web-to-api"), &cdk8snetpol.AllowConnectionProps{
		Source: cdk8snetpol.PolicyTarget_Workload(web), Destination: cdk8snetpol.PolicyTarget_Workload(api),
	})
	cdk8snetpol.NewAllowConnection(chart, jsii.String("api-to-db"), &cdk8snetpol.AllowConnectionProps{
		Source: cdk8snetpol.PolicyTarget_Workload(api), Destination: cdk8snetpol.PolicyTarget_Workload(db),
	})

	// Checked on every synth: a broken intent fails it.
	intents := cdk8snetpol.NewReachabilityIntents(chart, jsii.String("intents"), nil)
	intents.ExpectAllowed(cdk8snetpol.Endpoint_Workload(api), cdk8snetpol.Endpoint_Workload(db), nil)
	intents.ExpectDenied(cdk8snetpol.Endpoint_Workload(web), cdk8snetpol.Endpoint_Workload(db), nil)
	return &ShopApp{Chart: chart, Web: web, Api: api, Db: db, Intents: intents}
}
