"""The bindings example app in Python: namespace ``shop``, web -> api -> db and nothing else.

The same app as examples/bindings-app.ts (TypeScript), examples/java and examples/go.
Run it with ``python shop_app.py`` to write the manifests and the reachability report to dist/.
"""
from dataclasses import dataclass

import cdk8s
import cdk8s_plus_27 as kplus
from cdk8s_netpol import AllowConnection, DefaultDenyAll, Endpoint, PolicyTarget, ReachabilityIntents


@dataclass(frozen=True)
class ShopApp:
    """What the tests need to reach into."""

    chart: cdk8s.Chart
    web: kplus.Deployment
    api: kplus.Deployment
    db: kplus.StatefulSet
    intents: ReachabilityIntents


def shop_app(app: cdk8s.App) -> ShopApp:
    chart = cdk8s.Chart(app, "shop", namespace="shop")
    web = kplus.Deployment(
        chart, "web",
        metadata=cdk8s.ApiObjectMetadata(name="web"),
        containers=[kplus.ContainerProps(image="shop/web", port_number=8080)],
    )
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

    # Nothing in or out of the namespace but DNS lookups, then web -> api and api -> db.
    DefaultDenyAll(chart, "default-deny", allow_dns=True)
    AllowConnection(chart, "web-to-api", source=PolicyTarget.workload(web), destination=PolicyTarget.workload(api))
    AllowConnection(chart, "api-to-db", source=PolicyTarget.workload(api), destination=PolicyTarget.workload(db))

    # Checked on every synth: a broken intent fails it.
    intents = ReachabilityIntents(chart, "intents")
    intents.expect_allowed(Endpoint.workload(api), Endpoint.workload(db))
    intents.expect_denied(Endpoint.workload(web), Endpoint.workload(db))
    return ShopApp(chart, web, api, db, intents)


if __name__ == "__main__":
    app = cdk8s.App()
    shop_app(app)
    app.synth()
