"""The shop on cdk8s-plus-33, in Python, without cdk8s-plus-27.

`npm run release:local` installs cdk8s-netpol by name (the README's `pip install`, from a local
index) with cdk8s-plus-33 alone, runs this and checks the policies it writes to dist/ and that
its intents hold. Any other cdk8s-plus line works the same way.
"""
import cdk8s
import cdk8s_plus_33 as kplus
from cdk8s_netpol import AllowConnection, DefaultDenyAll, Endpoint, Peer, PolicyTarget, ReachabilityIntents

app = cdk8s.App()
chart = cdk8s.Chart(app, "shop", namespace="shop")
monitoring = kplus.Namespace(chart, "monitoring", metadata=cdk8s.ApiObjectMetadata(name="monitoring"))
api = kplus.Deployment(
    chart, "api",
    metadata=cdk8s.ApiObjectMetadata(name="api"),
    containers=[kplus.ContainerProps(image="shop/api", port_number=8080)],
)
db = kplus.StatefulSet(
    chart, "db",
    metadata=cdk8s.ApiObjectMetadata(name="db"),
    containers=[kplus.ContainerProps(image="postgres:16", port_number=5432)],
)

DefaultDenyAll(chart, "default-deny", allow_dns=True)
AllowConnection(chart, "api-to-db", source=PolicyTarget.workload(api), destination=PolicyTarget.workload(db))
AllowConnection(chart, "scrape", source=PolicyTarget.all_pods_in(monitoring), destination=PolicyTarget.workload(api))

intents = ReachabilityIntents(app, "intents")
intents.expect_only_sources(Endpoint.workload(db), [Endpoint.workload(api)])
intents.expect_denied(Endpoint.workload(db), Endpoint.workload(api))
intents.expect_isolated(Endpoint.workload(db))
# The lints run with the intents; what they find here is deliberate. Prometheus runs in
# monitoring but is installed by its own Helm chart, so this app renders none of its pods.
for lint in ["NP-LINT-PEER-MATCHES-NOTHING[shop/allow-monitoring-to-api]", "NP-LINT-NO-EFFECT[shop/allow-monitoring-to-api]",
             "NP-LINT-SELECTS-NOTHING[monitoring/allow-all-pods-to-api-egress]"]:
    intents.acknowledge(lint, "Prometheus is installed by its Helm chart, outside this app")
app.synth()
print(Peer.workload(db).pod_selector.labels)
