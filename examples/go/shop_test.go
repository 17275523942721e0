package shop

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/jsii-runtime-go"
	"github.com/cdk8s-netpol/cdk8s-netpol-go/cdk8snetpol"
	"github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2"
)

func TestSynthesizesTheExpectedPoliciesAndItsIntentsHold(t *testing.T) {
	shop := NewShopApp(cdk8s.Testing_App(nil))
	names := []string{}
	for _, o := range *cdk8s.Testing_Synth(shop.Chart) {
		object := o.(map[string]interface{})
		if object["kind"] == "NetworkPolicy" {
			names = append(names, object["metadata"].(map[string]interface{})["name"].(string))
		}
	}
	expected := []string{
		"default-deny-all",
		"allow-dns",
		"allow-web-to-api-egress",
		"allow-web-to-api",
		"allow-api-to-db-egress",
		"allow-api-to-db",
	}
	if !reflect.DeepEqual(names, expected) {
		t.Fatalf("policies = %v, want %v", names, expected)
	}
}

func TestABrokenIntentFailsSynthWithOurMessage(t *testing.T) {
	shop := NewShopApp(cdk8s.Testing_App(nil))
	shop.Intents.ExpectAllowed(cdk8snetpol.Endpoint_Workload(shop.Web), cdk8snetpol.Endpoint_Workload(shop.Db), cdk8snetpol.PortRange_POSTGRES())
	message := func() (message string) {
		defer func() { message = fmt.Sprint(recover()) }()
		cdk8s.Testing_Synth(shop.Chart)
		return
	}()
	for _, want := range []string{"NP-REACH[shop/web -> shop/db", "expected allowed, but denied"} {
		if !strings.Contains(message, want) {
			t.Errorf("synth failed with %q, want it to contain %q", message, want)
		}
	}
}

func TestTheVerdictExplainsItselfAsInTypeScript(t *testing.T) {
	expected, err := os.ReadFile("../expected-explanation.txt")
	if err != nil {
		t.Fatal(err)
	}
	shop := NewShopApp(cdk8s.Testing_App(nil))
	documents := []*cdk8snetpol.ManifestDocument{}
	for _, manifest := range *cdk8s.Testing_Synth(shop.Chart) {
		documents = append(documents, &cdk8snetpol.ManifestDocument{Manifest: manifest})
	}
	verdict := cdk8snetpol.NewEvaluator(cdk8snetpol.ClusterModel_FromManifests(&documents, nil)).Check(&cdk8snetpol.ConnectionQuery{
		Source: jsii.String("shop/web"), Destination: jsii.String("shop/db"), Port: jsii.Number(5432),
	})
	if *verdict.Allowed {
		t.Errorf("web -> db is allowed, want denied")
	}
	if got, want := *verdict.Explanation, strings.TrimRight(string(expected), "\n"); got != want {
		t.Errorf("explanation = %q\nwant          %q", got, want)
	}
}
