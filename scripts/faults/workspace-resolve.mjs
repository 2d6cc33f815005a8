import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('../../', import.meta.url).pathname;
const packages = new Map();
for (const dir of ['libs', 'services']) {
  for (const name of readdirSync(join(root, dir))) {
    const file = join(root, dir, name, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    const entry = pkg.exports?.['.']?.default ?? pkg.main;
    if (!entry) continue;
    if (pkg.name?.startsWith('@cs/')) packages.set(pkg.name, pathToFileURL(join(root, dir, name, entry)).href);
  }
}

export async function resolve(specifier, context, next) {
  const url = packages.get(specifier);
  return url ? { url, shortCircuit: true, format: 'module' } : next(specifier, context);
}
