// Writes the generated part of the deploy tree from the service registry (libs/platform):
// deploy/k8s/base/<service>/{configmap,deployment,pdb}.yaml and deploy/k8s/base/kustomization.yaml.
//   npm run deploy:render
// Generated files no service renders any more (a service left the registry) are removed.
// Commit the result: a unit test fails when the committed tree differs from the registry.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { GENERATED_NOTICE, renderDeployTree } from '@cs/platform';

const root = new URL('..', import.meta.url).pathname;
const base = join(root, 'deploy/k8s/base');
const files = renderDeployTree();

for (const dir of readdirSync(base)) {
  if (!statSync(join(base, dir)).isDirectory()) continue;
  for (const name of readdirSync(join(base, dir))) {
    const path = relative(root, join(base, dir, name));
    if (!files.has(path) && readFileSync(join(root, path), 'utf8').startsWith(GENERATED_NOTICE)) {
      rmSync(join(root, path));
      console.log(`[deploy] removed ${path}`);
    }
  }
  if (!readdirSync(join(base, dir)).length) rmSync(join(base, dir), { recursive: true });
}
let changed = 0;
for (const [path, content] of files) {
  const target = join(root, path);
  let current = null;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // a new service
  }
  if (current === content) continue;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
  changed++;
  console.log(`[deploy] wrote ${path}`);
}
console.log(`[deploy] ${files.size} generated files, ${changed} changed`);
