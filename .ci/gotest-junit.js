// Converts `go test -json` output to JUnit XML: node .ci/gotest-junit.js go-test.json out.xml
// One testcase per test (subtests included), with the test's output in <failure> when it fails;
// a package that fails to build, or fails outside any test, counts as one failed testcase.
const fs = require('fs');

const [input, output] = process.argv.slice(2);
const tests = new Map(); // "pkg\0name" -> { pkg, name, result, seconds, output }
const packages = new Map(); // pkg -> { result, output, failedTests }
const pkgOf = (name) => packages.get(name) ?? packages.set(name, { result: undefined, output: '', failedTests: 0 }).get(name);

for (const line of fs.readFileSync(input, 'utf8').split('\n')) {
  if (!line.startsWith('{')) continue;
  const e = JSON.parse(line);
  if (e.Action === 'build-output' || e.Action === 'build-fail') {
    // "example.com/shop.test" and "example.com/shop [example.com/shop.test]" build the test of example.com/shop.
    const pkg = pkgOf(e.ImportPath.split(' ')[0].replace(/\.test$/, ''));
    if (e.Action === 'build-output') pkg.output += e.Output;
    else pkg.result = 'fail';
    continue;
  }
  if (!e.Package) continue;
  const pkg = pkgOf(e.Package);
  if (!e.Test) {
    if (e.Action === 'output') pkg.output += e.Output;
    if (['pass', 'fail', 'skip'].includes(e.Action)) pkg.result = pkg.result ?? e.Action;
    continue;
  }
  const key = `${e.Package}\0${e.Test}`;
  const test = tests.get(key) ?? tests.set(key, { pkg: e.Package, name: e.Test, result: undefined, seconds: 0, output: '' }).get(key);
  if (e.Action === 'output') test.output += e.Output;
  if (['pass', 'fail', 'skip'].includes(e.Action)) {
    test.result = e.Action;
    test.seconds = e.Elapsed ?? 0;
    if (e.Action === 'fail') pkg.failedTests++;
  }
}

const cases = [...tests.values()].map((t) => ({ ...t, result: t.result ?? 'fail' }));
for (const [name, pkg] of packages) {
  if (pkg.result === 'fail' && pkg.failedTests === 0) {
    cases.push({ pkg: name, name: '(package)', result: 'fail', seconds: 0, output: pkg.output });
  }
}
if (cases.length === 0) {
  cases.push({ pkg: 'go', name: '(no tests ran)', result: 'fail', seconds: 0, output: fs.readFileSync(input, 'utf8') });
}

const esc = (s) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c])
  // XML 1.0 has no place for most control characters (Go test output may carry ANSI escapes).
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
const count = (result) => cases.filter((c) => c.result === result).length;
const body = cases.map((c) => {
  const open = `    <testcase classname="${esc(c.pkg)}" name="${esc(c.name)}" time="${c.seconds}">`;
  if (c.result === 'fail') return `${open}<failure message="failed">${esc(c.output)}</failure></testcase>`;
  if (c.result === 'skip') return `${open}<skipped/></testcase>`;
  return `${open}</testcase>`;
});
const totals = `tests="${cases.length}" failures="${count('fail')}" errors="0" skipped="${count('skip')}"`;
fs.writeFileSync(output, [
  '<?xml version="1.0" encoding="UTF-8"?>',
  `<testsuites name="go" ${totals}>`,
  `  <testsuite name="go" ${totals}>`,
  ...body,
  '  </testsuite>',
  '</testsuites>',
  '',
].join('\n'));
console.log(`go: ${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`);
