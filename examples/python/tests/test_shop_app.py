import subprocess
import sys
from pathlib import Path

import cdk8s
import pytest
from cdk8s_netpol import ClusterModel, Endpoint, Evaluator, ManifestDocument, PortRange

from shop_app import shop_app

EXPECTED_EXPLANATION = (Path(__file__).parents[2] / "expected-explanation.txt").read_text().rstrip("\n")


def test_synthesizes_the_expected_policies_and_its_intents_hold():
    shop = shop_app(cdk8s.Testing.app())
    names = [o["metadata"]["name"] for o in cdk8s.Testing.synth(shop.chart) if o["kind"] == "NetworkPolicy"]
    assert names == [
        "default-deny-all",
        "allow-dns",
        "allow-web-to-api-egress",
        "allow-web-to-api",
        "allow-api-to-db-egress",
        "allow-api-to-db",
    ]


def test_a_broken_intent_fails_synth_with_our_message():
    shop = shop_app(cdk8s.Testing.app())
    shop.intents.expect_allowed(Endpoint.workload(shop.web), Endpoint.workload(shop.db), PortRange.POSTGRES)
    with pytest.raises(Exception) as failure:
        cdk8s.Testing.synth(shop.chart)
    assert "NP-REACH[shop/web -> shop/db" in str(failure.value)
    assert "expected allowed, but denied" in str(failure.value)


def test_the_verdict_explains_itself_as_in_typescript():
    shop = shop_app(cdk8s.Testing.app())
    model = ClusterModel.from_manifests([ManifestDocument(manifest=m) for m in cdk8s.Testing.synth(shop.chart)])
    verdict = Evaluator(model).check(source="shop/web", destination="shop/db", port=5432)
    assert verdict.allowed is False
    assert verdict.explanation == EXPECTED_EXPLANATION


def test_the_app_writes_manifests_that_the_command_line_from_the_wheel_explains_the_same(tmp_path):
    subprocess.run([sys.executable, Path(__file__).parents[1] / "shop_app.py"], cwd=tmp_path, check=True)
    cli = Path(sys.executable).parent / "cdk8s-netpol"
    explain = [cli, "explain", "--from", "shop/web", "--to", "shop/db", "--port", "5432", tmp_path / "dist"]
    result = subprocess.run(explain, capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[:2] == ["shop/web -> shop/db TCP/5432: DENIED", f"  {EXPECTED_EXPLANATION}"]
