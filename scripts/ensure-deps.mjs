// Installs the workspace's dependencies when they are missing or older than the lock file.
// Runs on whatever Node the machine has (20 is enough); the project's own Node 24 comes from
// the `node` package it installs into node_modules/.bin, which npm scripts put first on PATH.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || !existsSync('node_modules/.bin/node') || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  // `npm install` rather than `npm ci`: npm omits other platforms' optional binaries (swc, nx)
  // from the lock file, which makes `npm ci` refuse it on a fresh clone; install still
  // honours every locked version.
  console.log('[deps] installing dependencies…');
  execSync('npm install --no-audit --no-fund', { stdio: 'inherit' });
}
