import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { shop } from './shop';
import { AllowConnection, PolicyTarget } from '../../src/constructs';
import { Endpoint, IntentStatus, ReachabilityIntents } from '../../src/intents';
import { REPORT_FILES } from '../../src/intents/app-analysis';
import { PortRange } from '../../src/policy';
import { NetworkPolicyValidator } from '../../src/validation';

function readReport(outdir: string): { markdown: string; json: any } {
  return {
    markdown: fs.readFileSync(path.join(outdir, REPORT_FILES.markdown), 'utf8'),
    json: JSON.parse(fs.readFileSync(path.join(outdir, REPORT_FILES.json), 'utf8')),
  };
}

describe('the report', () => {
  test('app.synth writes reachability.md, .json and .html beside the manifests', () => {
    const { app, api, db, intents } = shop();
    intents.expectAllowed(Endpoint.workload(api), Endpoint.workload(db), PortRange.POSTGRES);
    app.synth();
    expect(fs.readdirSync(app.outdir).sort()).toEqual(['reachability.html', 'reachability.json', 'reachability.md', 'shop.k8s.yaml']);
    const { markdown, json } = readReport(app.outdir);
    expect(markdown).toMatch(/^# Reachability report\n\nWritten by cdk8s-netpol when the app synthesized.\n\n- 1 intent: 1 ok, /);
    expect(json.summary.intents).toEqual({ total: 1, ok: 1, broken: 0, acknowledged: 0, errors: 0 });
    expect(json.intents[0]).toMatchObject({ id: 'NP-REACH[shop/api -> shop/db TCP/5432]', status: IntentStatus.OK, constructPath: 'shop/intents' });
    // The intent's port first, then the policies': DNS, postgres (already there) and the named http port.
    expect(json.matrices.map((m: any) => `${m.protocol}/${m.port}`)).toEqual(['TCP/5432', 'TCP/53', 'TCP/http', 'UDP/53']);
    expect(json.matrices[0].allowed['shop/api']['shop/db']).toBe(true);
    const html = fs.readFileSync(path.join(app.outdir, REPORT_FILES.html), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('NP-REACH[shop/api -&#62; shop/db TCP/5432]');
  });

  test('htmlReport: false leaves the page out', () => {
    const { app } = shop({ intents: { htmlReport: false } });
    app.synth();
    expect(fs.readdirSync(app.outdir).sort()).toEqual(['reachability.json', 'reachability.md', 'shop.k8s.yaml']);
  });

  test('stays bounded: at most 12 ports, those the intents check first; fullReport gives every one', () => {
    const build = (fullReport: boolean) => {
      const { app, chart, api, db, intents } = shop({ apiToDb: false, intents: { fullReport } });
      const ports = Array.from({ length: 14 }, (_, i) => PortRange.tcp(7000 + i));
      new AllowConnection(chart, 'many', { source: PolicyTarget.workload(api), destination: PolicyTarget.workload(db), ports });
      intents.expectDenied(Endpoint.workload(db), Endpoint.workload(api), PortRange.tcp(9999));
      app.synth();
      return readReport(app.outdir).json;
    };
    const bounded = build(false);
    expect(bounded.matrices.map((m: any) => `${m.protocol}/${m.port}`)).toEqual(['TCP/9999', 'TCP/53',
      ...Array.from({ length: 10 }, (_, i) => `TCP/${7000 + i}`)]);
    expect(bounded.omittedPorts).toEqual(['TCP/7010', 'TCP/7011', 'TCP/7012', 'TCP/7013', 'TCP/http', 'UDP/53']);
    const full = build(true);
    expect(full.matrices).toHaveLength(18);
    expect(full.omittedPorts).toEqual([]);
  });

  test('leaves no temporary file behind, and an outdir that cannot take the report fails synthesis naming it, changing nothing', () => {
    const { app } = shop();
    app.synth();
    const written = fs.readdirSync(app.outdir).sort();
    expect(written).toEqual(['reachability.html', 'reachability.json', 'reachability.md', 'shop.k8s.yaml']);
    const before = readReport(app.outdir);
    // A directory where the JSON report's temporary file goes: writing it fails, whoever runs the test.
    const blocker = path.join(app.outdir, `.${REPORT_FILES.json}.${process.pid}.tmp`);
    fs.mkdirSync(blocker);
    const other = new App({ outdir: app.outdir });
    const chart = new Chart(other, 'other', { namespace: 'other' });
    new kplus.Deployment(chart, 'x', { containers: [{ image: 'x', portNumber: 80 }] });
    new ReachabilityIntents(chart, 'intents');
    expect(() => other.synth()).toThrow(`NP-REPORT[${app.outdir}]: the reachability report cannot be written there: `
      + 'reachability.json: illegal operation on a directory (EISDIR); make room or fix the permissions, or turn the report off with { report: false }');
    fs.rmdirSync(blocker);
    expect(fs.readdirSync(app.outdir).sort()).toEqual(written);
    expect(readReport(app.outdir)).toEqual(before);
  });

  test('covers every intents construct of the app; written unless all of them opt out', () => {
    const { app, chart, api, db, intents } = shop({ intents: { report: false } });
    intents.expectAllowed(Endpoint.workload(api), Endpoint.workload(db), PortRange.POSTGRES);
    new ReachabilityIntents(chart, 'more').expectDenied(Endpoint.workload(db), Endpoint.workload(api), PortRange.HTTP_ALT);
    app.synth();
    expect(readReport(app.outdir).json.intents.map((i: any) => i.constructPath)).toEqual(['shop/intents', 'shop/more']);

    const quiet = shop({ intents: { report: false } });
    quiet.app.synth();
    expect(fs.readdirSync(quiet.app.outdir)).toEqual(['shop.k8s.yaml']);
  });

  test('follows the app from one synthesis to the next, and comes back when deleted', () => {
    const { app, chart, web, db, intents } = shop();
    intents.expectDenied(Endpoint.workload(web), Endpoint.workload(db), PortRange.POSTGRES);
    app.synth();
    fs.rmSync(path.join(app.outdir, REPORT_FILES.markdown));
    app.synth();
    expect(readReport(app.outdir).json.intents[0].status).toBe(IntentStatus.OK);

    new AllowConnection(chart, 'web-to-db', { source: PolicyTarget.workload(web), destination: PolicyTarget.workload(db) });
    expect(() => app.synth()).toThrow(/NP-REACH\[shop\/web -> shop\/db TCP\/5432\]: expected denied, but allowed/);
    expect(readReport(app.outdir).json.intents[0].status).toBe(IntentStatus.BROKEN);
  });

  test('is not written where the outdir does not exist: synthYaml leaves no directory behind', () => {
    const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-netpol-')), 'dist');
    const app = new App({ outdir });
    new ReachabilityIntents(new Chart(app, 'empty'), 'intents');
    app.synthYaml();
    expect(fs.existsSync(outdir)).toBe(false);
  });
});

describe('synthesis with many charts', () => {
  /** Ten policies, raw objects and constructs, spread over `charts` charts. */
  function validations(charts: number): number {
    const app = Testing.app();
    const all = Array.from({ length: charts }, (_, i) => new Chart(app, `c${i}`, { namespace: 'shop' }));
    for (let i = 0; i < 5; i++) {
      const chart = all[i % charts];
      new ApiObject(chart, `raw-${i}`, { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: `raw-${i}` }, spec: { podSelector: {} } });
      new kplus.Deployment(chart, `w${i}`, { metadata: { name: `w${i}` }, containers: [{ image: 'x', portNumber: 80 }] });
      new AllowConnection(chart, `a${i}`, { source: PolicyTarget.labels({ app: `w${i}` }), destination: PolicyTarget.labels({ app: 'w0' }), ports: [PortRange.HTTP] });
    }
    // The lints would judge the contrived policies; this counts validations only.
    new ReachabilityIntents(all[0], 'intents', { lints: [] }).expectDenied(Endpoint.named('shop/w1'), Endpoint.named('shop/w0'), PortRange.HTTP);
    const check = jest.spyOn(NetworkPolicyValidator, 'check');
    try {
      app.synth();
      return check.mock.calls.length;
    } finally {
      check.mockRestore();
    }
  }

  test('validates each policy once per synthesis, however many charts: the analysis reuses the constructs\' answers', () => {
    // 5 raw policies and the 10 of the AllowConnections: the constructs validate theirs, the analysis the others.
    expect(validations(1)).toBe(15);
    expect(validations(5)).toBe(15);
  });
});
