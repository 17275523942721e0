import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { shop } from './shop';
import { AllowConnection, PolicyTarget } from '../../src/constructs';
import { Endpoint, IntentStatus, ReachabilityIntents } from '../../src/intents';
import { REPORT_FILES } from '../../src/intents/app-analysis';
import { PortRange } from '../../src/policy';

function readReport(outdir: string): { markdown: string; json: any } {
  return {
    markdown: fs.readFileSync(path.join(outdir, REPORT_FILES.markdown), 'utf8'),
    json: JSON.parse(fs.readFileSync(path.join(outdir, REPORT_FILES.json), 'utf8')),
  };
}

describe('the report', () => {
  test('app.synth writes reachability.md and reachability.json beside the manifests', () => {
    const { app, api, db, intents } = shop();
    intents.expectAllowed(Endpoint.workload(api), Endpoint.workload(db), PortRange.POSTGRES);
    app.synth();
    expect(fs.readdirSync(app.outdir).sort()).toEqual(['reachability.json', 'reachability.md', 'shop.k8s.yaml']);
    const { markdown, json } = readReport(app.outdir);
    expect(markdown).toMatch(/^# Reachability report\n\nWritten by cdk8s-netpol when the app synthesized.\n\n- 1 intent: 1 ok, /);
    expect(json.summary.intents).toEqual({ total: 1, ok: 1, broken: 0, acknowledged: 0, errors: 0 });
    expect(json.intents[0]).toMatchObject({ id: 'NP-REACH[shop/api -> shop/db TCP/5432]', status: IntentStatus.OK, constructPath: 'shop/intents' });
    // Ports of the policies: DNS, postgres, and the named http port.
    expect(json.matrices.map((m: any) => `${m.protocol}/${m.port}`)).toEqual(['TCP/53', 'TCP/5432', 'TCP/http', 'UDP/53']);
    expect(json.matrices[1].allowed['shop/api']['shop/db']).toBe(true);
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
