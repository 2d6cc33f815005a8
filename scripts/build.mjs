// Compiles every lib and service (or the ones named) from src/ to dist/ with swc.
// Type checking is `npm run typecheck`; this step only emits JavaScript, fast.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const projects = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['libs', 'services'].flatMap((dir) => readdirSync(join(root, dir)).map((name) => `${dir}/${name}`));

for (const project of projects) {
  const src = join(root, project, 'src');
  if (!existsSync(src)) continue;
  rmSync(join(root, project, 'dist'), { recursive: true, force: true });
  execFileSync(
    join(root, 'node_modules/.bin/swc'),
    ['src', '-d', 'dist', '--strip-leading-paths', '--config-file', join(root, '.swcrc'), '--ignore', '**/*.spec.ts', '--quiet'],
    { stdio: 'inherit', cwd: join(root, project) },
  );
}
console.log(`[build] compiled ${projects.length} projects`);
