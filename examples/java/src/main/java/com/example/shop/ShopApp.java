package com.example.shop;

import dev.cdk8snetpol.AllowConnection;
import dev.cdk8snetpol.DefaultDenyAll;
import dev.cdk8snetpol.Endpoint;
import dev.cdk8snetpol.PolicyTarget;
import dev.cdk8snetpol.ReachabilityIntents;
import java.util.List;
import org.cdk8s.ApiObjectMetadata;
import org.cdk8s.App;
import org.cdk8s.Chart;
import org.cdk8s.ChartProps;
import org.cdk8s.plus27.ContainerProps;
import org.cdk8s.plus27.Deployment;
import org.cdk8s.plus27.StatefulSet;

/** The bindings example app in Java: namespace {@code shop}, web -> api -> db and nothing else. */
public record ShopApp(Chart chart, Deployment web, Deployment api, StatefulSet db, ReachabilityIntents intents) {

    public static ShopApp create(App app) {
        Chart chart = new Chart(app, "shop", ChartProps.builder().namespace("shop").build());
        Deployment web = Deployment.Builder.create(chart, "web")
                .metadata(ApiObjectMetadata.builder().name("web").build())
                .containers(List.of(ContainerProps.builder().image("shop/web").portNumber(8080).build()))
                .build();
        Deployment api = Deployment.Builder.create(chart, "api")
                .metadata(ApiObjectMetadata.builder().name("api").build())
                .containers(List.of(ContainerProps.builder().image("shop/api").portNumber(8080).build()))
                .build();
        StatefulSet db = StatefulSet.Builder.create(chart, "db")
                .metadata(ApiObjectMetadata.builder().name("db").build())
                .containers(List.of(ContainerProps.builder().image("postgres:16").portNumber(5432).build()))
                .build();

        // Nothing in or out of the namespace but DNS lookups, then web -> api and api -> db.
        DefaultDenyAll.Builder.create(chart, "default-deny").allowDns(true).build();
        AllowConnection.Builder.create(chart, "web-to-api")
                .source(PolicyTarget.workload(web)).destination(PolicyTarget.workload(api)).build();
        AllowConnection.Builder.create(chart, "api-to-db")
                .source(PolicyTarget.workload(api)).destination(PolicyTarget.workload(db)).build();

        // Checked on every synth: a broken intent fails it.
        ReachabilityIntents intents = new ReachabilityIntents(chart, "intents");
        intents.expectAllowed(Endpoint.workload(api), Endpoint.workload(db));
        intents.expectDenied(Endpoint.workload(web), Endpoint.workload(db));
        return new ShopApp(chart, web, api, db, intents);
    }

    public static void main(String[] args) {
        App app = new App();
        create(app);
        app.synth();
    }
}
