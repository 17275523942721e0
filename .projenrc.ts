import { JsonFile, TaskShell, cdk8s, javascript } from 'projen';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-netpol',
  description: 'cdk8s constructs for Kubernetes NetworkPolicy, with API-server validation and a synth-time reachability evaluator',
  author: 'cdk8s-netpol contributors',
  authorAddress: 'maintainers@cdk8s-netpol.dev',
  repositoryUrl: 'https://github.com/cdk8s-netpol/cdk8s-netpol.git',
  homepage: 'https://github.com/cdk8s-netpol/cdk8s-netpol',
  stability: 'experimental',
  license: 'Apache-2.0',
  keywords: ['cdk8s', 'kubernetes', 'networkpolicy', 'network-policy', 'reachability'],
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  packageManager: javascript.NodePackageManager.NPM,

  // jsii 6.0 pairs with TypeScript 6.0; npm's "latest" TypeScript (7) has no compiler API.
  jsiiVersion: '~6.0.0',
  typescriptVersion: '~6.0.0',
  // Also selects @types/node ^20: the registry has no @types/node@ts6.0 dist-tag.
  minNodeVersion: '20.16.0',

  // projen pins peers as exact devDeps, so these must be published versions.
  cdk8sVersion: '2.70.0',
  constructsVersion: '10.5.0',
  // Non-jsii runtime dependencies must be bundled and never appear in public types.
  bundledDeps: ['yaml@^2.8.0'],
  // ipaddr.js serves only the tests' reference evaluator, as an independent IP implementation;
  // the library parses CIDRs itself because acceptance must match Go's parser exactly.
  // No cdk8s-plus line is a dependency, not even an optional peer: workloads and namespaces are
  // taken as constructs and read from the objects they render, and jsii would make any peer a
  // required dependency of the Python, Java, Go and .NET packages. The tests and examples use
  // cdk8s-plus-27 and cdk8s-plus-33; cdk8s-cli runs the validation plugin in a test;
  // playwright-core drives the system's Chromium in the report's browser test (it downloads no browser).
  devDeps: ['fast-check@^4', 'ipaddr.js@^2.2.0', 'cdk8s-plus-27@2.9.5', 'cdk8s-plus-33@2.5.57', 'cdk8s-cli@2.207.60', 'playwright-core@^1.65.0'],

  bin: { 'cdk8s-netpol': 'lib/cli/main.js' },

  publishToPypi: { distName: 'cdk8s-netpol', module: 'cdk8s_netpol' },
  publishToMaven: {
    javaPackage: 'dev.cdk8snetpol',
    mavenGroupId: 'dev.cdk8snetpol',
    mavenArtifactId: 'cdk8s-netpol',
  },
  publishToNuget: { dotNetNamespace: 'Cdk8sNetpol', packageId: 'Cdk8sNetpol' },
  publishToGo: { moduleName: 'github.com/cdk8s-netpol/cdk8s-netpol-go', packageName: 'cdk8snetpol' },

  // CI is .ci/run (no build workflow). Releases: GitHub Actions' release workflow on every push
  // to main with releasable commits publishes to npm, PyPI, Maven Central, NuGet and the Go
  // repository; versions follow conventional commits (`feat:` minor, `fix:` patch while 0.x), the
  // release notes are the changelog. `npm run release:local` rehearses it against local registries.
  github: true,
  buildWorkflow: false,
  pullRequestTemplate: false,
  githubOptions: { mergify: false },
  release: true,
  releaseToNpm: true,
  workflowNodeVersion: '22.x',
  // The first release (no v* tag yet) is 0.1.0; after it, the commits decide.
  nextVersionCommand: 'test -n "$LATEST_TAG" || echo 0.1.0',
  depsUpgrade: false,

  // Snapshots must fail when output changes; `npx projen test:update` rewrites them.
  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
  },

  gitignore: ['/bench/out/', '/examples/dist/', '/dist-demo/'],
});

// Tests live in test/ only: a source file named like a test (spec.ts) must not be run.
project.package.file.addOverride('jest.testMatch', ['<rootDir>/test/**/*.test.ts']);
// Property tests replay recorded seeds; test:soak explores (test/property-runs.ts).
project.package.file.addOverride('jest.setupFiles', ['<rootDir>/test/fast-check-setup.ts']);

// examples/ and bench/ are type-checked and linted with their own tsconfig (eslint's project
// service needs one next to the files) and kept out of the npm tarball.
for (const dir of ['examples', 'bench']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: {
      extends: '../tsconfig.json',
      compilerOptions: { noEmit: true, rootDir: '..' },
      include: ['**/*.ts'],
    },
  });
  project.eslint?.addLintPattern(dir);
  // They may use what the package does not depend on (cdk8s-plus lines, for one).
  project.eslint?.allowDevDeps(`${dir}/**`);
  project.npmignore?.exclude(`/${dir}/`);
}
project.npmignore?.exclude('/.ci/', '/CONTRIBUTING.md', '/docs/');

// The layers of src/, lowest first (CONTRIBUTING.md, "Layers"): a folder imports only from the
// folders before it, and constructs/ and analysis/ never import each other.
const LAYERS = ['k8s', 'validation', 'policy', ['constructs', 'analysis'], 'intents', 'report', 'cli'];
const layerZones = LAYERS.flatMap((layer, rank) => (Array.isArray(layer) ? layer : [layer]).map((folder) => ({
  target: `./src/${folder}`,
  from: LAYERS.slice(rank).flat().filter((other) => other !== folder).map((other) => `./src/${other}`),
  message: `src/${folder} may import only from the layers below it (${LAYERS.slice(0, rank).flat().join(', ') || 'none'}); see CONTRIBUTING.md`,
})));
project.eslint?.addRules({ 'import/no-restricted-paths': ['error', { zones: layerZones }] });
// Errors that leave src/ are typed (k8s/input-error.ts), so callers branch on a class, not on message text.
project.eslint?.addOverride({
  files: ['src/**/*.ts'],
  rules: {
    'no-restricted-syntax': ['error', {
      selector: "ThrowStatement > NewExpression[callee.name='Error']",
      message: 'Throw a typed error (NetpolError, InputError or a subclass), not a bare Error.',
    }],
  },
});

// The jest matchers (`cdk8s-netpol/jest`) use jest's types, which must stay out of the jsii
// assembly: jest/index.ts is compiled on its own after the library, in place, and imports the
// compiled library from ../lib. The package ships jest/index.js and jest/index.d.ts, which
// `cdk8s-netpol/jest` resolves to without an `exports` map.
new JsonFile(project, 'jest/tsconfig.json', {
  obj: {
    extends: '../tsconfig.json',
    compilerOptions: { rootDir: '.', outDir: '.', noEmit: false },
    include: ['index.ts'],
  },
});
project.eslint?.addLintPattern('jest');
project.eslint?.addIgnorePattern('/jest/*.d.ts');
project.gitignore.exclude('/jest/*.js', '/jest/*.d.ts');
project.npmignore?.exclude('/jest/*.ts', '/jest/tsconfig.json');
project.npmignore?.include('/jest/index.js', '/jest/index.d.ts');

// ts-jest only transpiles (isolatedModules): type errors in tests would otherwise pass.
const typecheck = project.addTask('typecheck', {
  description: 'Type-check tests, examples and benchmarks',
  steps: [
    { exec: 'tsc -p test/tsconfig.json --noEmit' },
    { exec: 'tsc -p examples/tsconfig.json --noEmit' },
    { exec: 'tsc -p bench/tsconfig.json --noEmit' },
  ],
});
project.testTask.prependSpawn(typecheck);

// Names that are keywords in a jsii language (LabelExpression.in was `in_` in Python) fail the
// compile instead of being silenced, as projen does by default.
project.compileTask.reset('jsii --fail-on-warnings');
// The Python wheel's `cdk8s-netpol` script runs lib/cli/main.js itself: it must be executable in
// the tarball jsii-pacmak embeds (npm sets the bit only when it installs the npm package).
project.compileTask.exec('chmod +x lib/cli/main.js');
project.compileTask.exec('tsc -p jest/tsconfig.json');
project.tasks.tryFind('watch')?.reset('jsii -w --fail-on-warnings');

// Proves the API translates to every jsii language (sources only; building them needs registries).
const bindingsCode = project.addTask('bindings:code', {
  description: 'Generate Python, Java, Go and .NET sources with jsii-pacmak --code-only',
  exec: 'jsii-pacmak --code-only --outdir dist/code-only --target python --target java --target go --target dotnet',
});
project.postCompileTask.spawn(bindingsCode);

// Python, Java and Go bindings of this module alone: the release publishes whatever dist/ holds.
// (.ci/bindings builds the cdk8s and cdk8s-plus-27 modules its example apps need beside them.)
// jsii-pacmak's --target takes every following word: keep it last.
const pacmak = 'jsii-pacmak -v --outdir dist --no-npmignore';
for (const language of ['python', 'java', 'go']) {
  project.tasks.tryFind(`package:${language}`)?.reset(`${pacmak} . --target ${language}`);
}
// No .NET SDK on these machines: bindings:code still proves the .NET sources generate.
const packageAll = project.tasks.tryFind('package-all')!;
packageAll.reset();
for (const t of ['package:js', 'package:python', 'package:java', 'package:go']) {
  packageAll.spawn(project.tasks.tryFind(t)!);
}
// The build packs the npm tarball only, locally as in CI; test:bindings builds the others.
project.packageTask.reset();
project.packageTask.spawn(project.tasks.tryFind('package:js')!);
// The example apps' build output, when run in place (.ci/bindings runs them on copies).
project.gitignore.exclude('/examples/*/dist/', '/examples/java/target/', '/examples/go/go.sum', '__pycache__/', '.pytest_cache/');
project.addTask('test:bindings', {
  description: 'Build the Python, Java and Go bindings and run their example apps\' tests',
  exec: 'bash .ci/bindings',
});

project.addTask('test:soak', {
  description: 'Run the property tests on fresh random inputs, ten times as many: npm run test:soak [-- jest options]',
  env: { FC_SEED: 'random', FC_RUNS_FACTOR: '10' },
  exec: 'jest --ci --coverage=false test/analysis test/k8s test/fuzz test/constructs/cluster-network-policy.test.ts test/bench/pair-count.test.ts',
  receiveArgs: true,
});

project.addTask('release:local', {
  description: 'Publish the built npm package and wheel to a local Verdaccio and pypiserver, install them by name as the README says, and synthesize',
  exec: 'bash .ci/release-local',
});
// projen's built-in task shell only knows `test -f/-d/-e/-s/-L`: this one needs /bin/sh.
project.tasks.tryFind('bump:next-version')!.shell = TaskShell.sh();

project.addTask('bench', {
  description: 'Benchmark the evaluator: npm run bench -- [--scale S|M|L|XL[,...]] [--seed N] [--json]',
  exec: 'ts-node --project bench/tsconfig.json bench/run.ts',
  receiveArgs: true,
});
project.addTask('bench:gen', {
  description: 'Write a generated cluster as manifests: npm run bench:gen -- --scale S|M|L|XL [--out DIR] [--seed N] [--format yaml|json] [--mutate PERCENT]',
  exec: 'ts-node --project bench/tsconfig.json bench/gen.ts',
  receiveArgs: true,
});

project.addTask('bench:cli', {
  description: 'Time the built CLI end to end: npm run bench:cli -- [--scale M,L[,...]] [--seed N] [--peer PATH] [--peer-scale S,M] [--peer-timeout S] [--json]',
  exec: 'ts-node --project bench/tsconfig.json bench/cli.ts',
  receiveArgs: true,
});

project.addTask('bench:synth', {
  description: 'Time app.synth() with intents and the report: npm run bench:synth -- [--size S|M|L[,...]] [--seed N] [--json]',
  exec: 'ts-node --project bench/tsconfig.json bench/synth.ts',
  receiveArgs: true,
});

project.addTask('demo', {
  description: 'Build, synthesize the example app and print its policies and reachability report',
  steps: [
    { spawn: 'compile' },
    { exec: 'ts-node --project examples/tsconfig.json examples/demo/main.ts' },
  ],
});

// silence jsii's Node 20 end-of-life banner (jsii 6.0 still supports engines >= 20.16)
for (const t of ['compile', 'watch', 'docgen', 'package:js', 'package:python', 'package:java', 'package:go', 'package:dotnet',
  'package-all', 'bindings:code', 'test:bindings', 'demo']) {
  project.tasks.tryFind(t)?.env('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');
}

project.synth();
