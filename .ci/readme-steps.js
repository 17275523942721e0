#!/usr/bin/env node
// Prints README.md's steps as a bash script, so that CI follows them literally:
//   node .ci/readme-steps.js section '## Start a new app'   every block of the section: `sh` blocks
//                                                           as they are, and a block after a line
//                                                           naming a file (`main.ts`:) as that file
//   node .ci/readme-steps.js after 'by name:' 1             the n-th `sh` block after that line
'use strict';
const fs = require('fs');
const path = require('path');

const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
const [mode, anchor, which] = process.argv.slice(2);
const start = readme.indexOf(anchor);
if (start < 0 || !['section', 'after'].includes(mode)) {
  console.error(`usage: readme-steps.js section '<heading>' | after '<line>' <n>; "${anchor}" is not in README.md`);
  process.exit(2);
}
let text = readme.slice(start + anchor.length);
if (mode === 'section') {
  const next = text.search(/^## /m);
  text = next < 0 ? text : text.slice(0, next);
}

const blocks = [];
const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
for (let m; (m = fence.exec(text)) !== null;) {
  const before = text.slice(0, m.index).trimEnd().split('\n').pop();
  const file = before.match(/^`([^`]+)`[,:]/);
  blocks.push({ lang: m[1], body: m[2], file: file && file[1] });
}

const out = ['set -euo pipefail'];
if (mode === 'after') {
  const block = blocks.filter((b) => b.lang === 'sh')[Number(which) - 1];
  if (block === undefined) {
    console.error(`README.md has no sh block number ${which} after "${anchor}"`);
    process.exit(2);
  }
  out.push(block.body.trimEnd());
} else {
  for (const block of blocks) {
    if (block.file) {
      out.push(`cat > ${block.file} <<'README_EOF'`, block.body.trimEnd(), 'README_EOF');
    } else if (block.lang === 'sh') {
      out.push(block.body.trimEnd());
    }
  }
}
console.log(out.join('\n'));
