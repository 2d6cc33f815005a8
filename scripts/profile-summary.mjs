// Summarises V8 CPU profiles (from `BENCH_CPU_PROFILE=<dir> npm run bench`): per profile, the
// share of busy time (idle excluded) by package or area, self and inclusive, and the heaviest
// functions. Run: node scripts/profile-summary.mjs <dir or .cpuprofile files> [--top 12]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 12;
const inputs = args.filter((a, i) => !a.startsWith('--') && i !== topIndex + 1);
const files = inputs.flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(p, f)) : [p]));
if (!files.length) {
  console.error('usage: node scripts/profile-summary.mjs <dir or .cpuprofile files> [--top N]');
  process.exit(2);
}

/** Where a frame's code lives: an npm package, our own code (libs/x, services/x), node internals, or V8. */
function areaOf(frame) {
  const url = frame.url ?? '';
  const name = frame.functionName;
  if (['(root)', '(idle)', '(program)', '(garbage collector)'].includes(name)) return name;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /\/(libs|services)\/([^/]+)\//.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url ? 'other' : '(native)';
}

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const deltas = profile.timeDeltas ?? [];
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self].filter(([id]) => nodes.get(id).callFrame.functionName === '(idle)').reduce((a, [, t]) => a + t, 0);
  const busy = total - idle;
  const selfByArea = new Map();
  const inclusiveByArea = new Map();
  const byFunction = new Map();
  for (const [id, t] of self) {
    const frame = nodes.get(id).callFrame;
    const area = areaOf(frame);
    if (area === '(idle)') continue;
    selfByArea.set(area, (selfByArea.get(area) ?? 0) + t);
    const key = `${frame.functionName || '(anonymous)'} ${area}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + t);
    // inclusive: every distinct area on the stack gets the sample once
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) seen.add(areaOf(nodes.get(at).callFrame));
    for (const a of seen) inclusiveByArea.set(a, (inclusiveByArea.get(a) ?? 0) + t);
  }
  const pct = (t) => `${((100 * t) / busy).toFixed(1)} %`;
  console.log(`\n${basename(file)}: ${(total / 1e6).toFixed(1)} s sampled, busy ${(busy / 1e6).toFixed(1)} s (${((100 * busy) / total).toFixed(0)} %)`);
  console.log('  by area, inclusive (self):');
  for (const [area, t] of [...inclusiveByArea].filter(([a]) => !['(root)', '(idle)'].includes(a)).sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`    ${area.padEnd(34)} ${pct(t).padStart(7)} (${pct(selfByArea.get(area) ?? 0)})`);
  }
  console.log('  heaviest functions (self):');
  for (const [fn, t] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    ${pct(t).padStart(7)}  ${fn}`);
}
