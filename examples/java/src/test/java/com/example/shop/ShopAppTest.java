package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdk8snetpol.ClusterModel;
import dev.cdk8snetpol.ConnectionQuery;
import dev.cdk8snetpol.Endpoint;
import dev.cdk8snetpol.Evaluator;
import dev.cdk8snetpol.ManifestDocument;
import dev.cdk8snetpol.PortRange;
import dev.cdk8snetpol.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cdk8s.Testing;
import org.junit.jupiter.api.Test;

class ShopAppTest {
    @Test
    @SuppressWarnings("unchecked")
    void synthesizesTheExpectedPoliciesAndItsIntentsHold() {
        ShopApp shop = ShopApp.create(Testing.app());
        List<Object> names = Testing.synth(shop.chart()).stream()
                .map(o -> (Map<String, Object>) o)
                .filter(o -> "NetworkPolicy".equals(o.get("kind")))
                .map(o -> ((Map<String, Object>) o.get("metadata")).get("name"))
                .toList();
        assertEquals(List.of(
                "default-deny-all",
                "allow-dns",
                "allow-web-to-api-egress",
                "allow-web-to-api",
                "allow-api-to-db-egress",
                "allow-api-to-db"), names);
    }

    @Test
    void aBrokenIntentFailsSynthWithOurMessage() {
        ShopApp shop = ShopApp.create(Testing.app());
        shop.intents().expectAllowed(Endpoint.workload(shop.web()), Endpoint.workload(shop.db()), PortRange.POSTGRES);
        RuntimeException failure = assertThrows(RuntimeException.class, () -> Testing.synth(shop.chart()));
        assertTrue(failure.getMessage().contains("NP-REACH[shop/web -> shop/db"), failure.getMessage());
        assertTrue(failure.getMessage().contains("expected allowed, but denied"), failure.getMessage());
    }

    @Test
    void theVerdictExplainsItselfAsInTypeScript() throws Exception {
        String expected = Files.readString(Path.of("..", "expected-explanation.txt")).stripTrailing();
        ShopApp shop = ShopApp.create(Testing.app());
        List<ManifestDocument> documents = Testing.synth(shop.chart()).stream()
                .map(m -> ManifestDocument.builder().manifest(m).build())
                .toList();
        Verdict verdict = new Evaluator(ClusterModel.fromManifests(documents))
                .check(ConnectionQuery.builder().source("shop/web").destination("shop/db").port(5432).build());
        assertFalse(verdict.getAllowed());
        assertEquals(expected, verdict.getExplanation());
    }
}
