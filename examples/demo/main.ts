/**
 * `npm run demo`: synthesizes the shop app into dist-demo/, then shows what a reviewer would
 * look at: the files, the policies per namespace, the API-server check of every policy, the
 * reachability matrices of the main ports and the intents report, and where the HTML report is.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { SHOP_NAMESPACES, shopApp } from './shop-app';
import { checkCommand } from '../../src/cli/check-command';
import { CommandResult } from '../../src/cli/command-result';
import { matrixCommand } from '../../src/cli/matrix-command';
import { readManifests } from '../../src/cli/read-manifests';
import { IntentReport } from '../../src/report';

/** The ports worth a matrix: the shop's own services. */
const MAIN_PORTS = ['http', '5432', '6379', 'metrics'];

function heading(title: string): void {
  console.log(`\n${title}\n${'─'.repeat(title.length)}`);
}

/** Prints a CLI command's output as the command line would, and whether it succeeded. */
function show(result: CommandResult): boolean {
  process.stdout.write(result.stdout);
  process.stdout.write(result.stderr);
  return result.exitCode === 0;
}

function main(): number {
  const outdir = path.resolve(__dirname, '..', '..', 'dist-demo');
  fs.rmSync(outdir, { recursive: true, force: true });
  const app = new App({ outdir });
  const shop = shopApp(app);
  // Fails, listing each broken intent, if the policies stop doing what the intents say.
  app.synth();
  const relative = path.relative(process.cwd(), outdir) || '.';

  heading(`Synthesized into ${relative}/`);
  const files = fs.readdirSync(outdir).sort();
  for (const file of files) {
    console.log(`  ${file.padEnd(22)} ${fs.statSync(path.join(outdir, file)).size.toString().padStart(6)} bytes`);
  }
  const manifests = files.filter((f) => f.endsWith('.k8s.yaml')).map((f) => path.join(outdir, f));

  heading('NetworkPolicies per namespace');
  const policies = readManifests(manifests).objects.map((o) => o.manifest).filter((m) => m.kind === 'NetworkPolicy');
  for (const namespace of SHOP_NAMESPACES) {
    const names = policies.filter((p) => p.metadata.namespace === namespace).map((p) => p.metadata.name);
    console.log(`  ${namespace} (${names.length})`);
    names.forEach((name) => console.log(`    ${name}`));
  }

  heading(`cdk8s-netpol check ${relative}/*.k8s.yaml`);
  const valid = show(checkCommand(manifests));

  for (const port of MAIN_PORTS) {
    heading(`cdk8s-netpol matrix --port ${port}`);
    show(matrixCommand(['--port', port, ...manifests]));
  }

  heading('Reachability intents');
  process.stdout.write(IntentReport.toText(shop.intents!.results()));
  console.log(`\nThe full report: ${relative}/reachability.md, reachability.json for tools, and a page to explore in a browser:`);
  console.log(`  ${path.join(outdir, 'reachability.html')}`);
  return valid ? 0 : 1;
}

process.exitCode = main();
