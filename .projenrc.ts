import { JsonFile, cdk8s, javascript } from 'projen';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-netpol',
  description: 'cdk8s constructs for Kubernetes NetworkPolicy, with API-server validation and a synth-time reachability evaluator',
  author: 'cdk8s-netpol contributors',
  authorAddress: 'maintainers@cdk8s-netpol.dev',
  repositoryUrl: 'https://github.com/cdk8s-netpol/cdk8s-netpol.git',
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
  peerDeps: ['cdk8s-plus-27@^2.9.5'],
  // Non-jsii runtime dependencies must be bundled and never appear in public types.
  bundledDeps: ['yaml@^2.8.0'],
  // ipaddr.js serves only the tests' reference evaluator, as an independent IP implementation;
  // the library parses CIDRs itself because acceptance must match Go's parser exactly.
  devDeps: ['fast-check@^4', 'ipaddr.js@^2.2.0'],

  bin: { 'cdk8s-netpol': 'lib/cli/main.js' },

  publishToPypi: { distName: 'cdk8s-netpol', module: 'cdk8s_netpol' },
  publishToMaven: {
    javaPackage: 'dev.cdk8snetpol',
    mavenGroupId: 'dev.cdk8snetpol',
    mavenArtifactId: 'cdk8s-netpol',
  },
  publishToNuget: { dotNetNamespace: 'Cdk8sNetpol', packageId: 'Cdk8sNetpol' },
  publishToGo: { moduleName: 'github.com/cdk8s-netpol/cdk8s-netpol-go', packageName: 'cdk8snetpol' },

  // CI is .ci/run; no GitHub or release machinery.
  github: false,
  release: false,
  depsUpgrade: false,

  // Snapshots must fail when output changes; `npx projen test:update` rewrites them.
  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
  },

  gitignore: ['/bench/out/', '/examples/dist/', '/dist-demo/'],
});

// Tests live in test/ only: a source file named like a test (spec.ts) must not be run.
project.package.file.addOverride('jest.testMatch', ['<rootDir>/test/**/*.test.ts']);

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
  project.npmignore?.exclude(`/${dir}/`);
}
project.npmignore?.exclude('/.ci/', '/CONTRIBUTING.md');

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

// Proves the API translates to every jsii language (sources only; building them needs registries).
const bindingsCode = project.addTask('bindings:code', {
  description: 'Generate Python, Java, Go and .NET sources with jsii-pacmak --code-only',
  exec: 'jsii-pacmak --code-only --outdir dist/code-only --target python --target java --target go --target dotnet',
});
project.postCompileTask.spawn(bindingsCode);

project.addTask('demo', {
  description: 'Build, synthesize the example app and print its policies and reachability report',
  steps: [
    { spawn: 'compile' },
    { exec: 'ts-node --project examples/tsconfig.json examples/demo/main.ts' },
  ],
});

// silence jsii's Node 20 end-of-life banner (jsii 6.0 still supports engines >= 20.16)
for (const t of ['compile', 'watch', 'docgen', 'package:js', 'package-all', 'bindings:code', 'demo']) {
  project.tasks.tryFind(t)?.env('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');
}

project.synth();
