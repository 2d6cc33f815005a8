import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SERVICES } from '@cs/platform';

/**
 * Architecture rules as a test (the Nx tags say the same; this enforces them):
 * services never import each other; domain folders import no framework, database or bus;
 * contracts import only validation libraries; libs never import services.
 */
const root = join(import.meta.dirname, '../../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

const services = readdirSync(join(root, 'services'));
/** Domain files are recognised by their role suffix, wherever they sit. */
const DOMAIN_FILE = /\.(decider|decide(-[a-z-]+)?|evolve|events|commands|state|values|lifecycle|guards|errors|policy)\.ts$/;
const domainFiles = (service: string) => sourceFiles(join(root, 'services', service, 'src')).filter((f) => DOMAIN_FILE.test(f));
/** Pure helpers folders (SLA arithmetic) are domain too. */
const SLA_FILES = (service: string) => (existsSync(join(root, 'services', service, 'src', 'sla')) ? sourceFiles(join(root, 'services', service, 'src', 'sla')) : []);
const FORBIDDEN_IN_DOMAIN = /^(@nestjs\/|typeorm|pg$|@nats-io\/|@cs\/(messaging|nest-common|contracts|org|observability)|node:)/;

describe('workspace boundaries', () => {
  it.each(services)('services/%s imports no other service', (service) => {
    const offending = sourceFiles(join(root, 'services', service, 'src')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => services.some((other) => other !== service && (spec.includes(`services/${other}/`) || spec === `@cs/${other}`)))
        .map((spec) => `${relative(root, file)} -> ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it.each(services)('the %s domain is pure (no framework, database, bus or clock imports)', (service) => {
    const files = [...domainFiles(service), ...SLA_FILES(service)];
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => FORBIDDEN_IN_DOMAIN.test(spec))
        .map((spec) => `${relative(root, file)} -> ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('finds the domain files it guards', () => {
    expect(domainFiles('complaints').map((f) => relative(root, f))).toEqual(
      expect.arrayContaining(['services/complaints/src/complaint/complaint.decide.ts', 'services/complaints/src/sla-config/sla-policy/sla-policy.decider.ts']),
    );
  });

  it('contracts depend only on validation libraries and themselves', () => {
    const offending = sourceFiles(join(root, 'libs/contracts/src')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => !spec.startsWith('.') && !['class-validator', 'class-transformer'].includes(spec))
        .map((spec) => `${relative(root, file)} -> ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('registers every service folder but the gateway in @cs/platform, and every registered service has its folder', () => {
    expect([...services].sort()).toEqual([...SERVICES.map((s) => s.name), 'gateway'].sort());
    for (const s of SERVICES) expect(existsSync(join(root, s.dir, 'src/main.ts'))).toBe(true);
  });

  it.each(SERVICES.map((s) => s.name))('services/%s/src/main.ts follows the factory convention and runs on its registry port', (name) => {
    const main = readFileSync(join(root, 'services', name, 'src/main.ts'), 'utf8');
    expect(main).toMatch(/export (async )?function createService\(/);
    expect(main).toMatch(/export \{ \w+ as configFromEnv \}|export (const|function) configFromEnv\b/);
    expect(main).toContain(`healthPort('${name}')`);
  });

  it('libraries never import services', () => {
    const offending = readdirSync(join(root, 'libs')).flatMap((lib) =>
      sourceFiles(join(root, 'libs', lib, 'src')).flatMap((file) =>
        importsOf(file)
          .filter((spec) => spec.includes('services/') || services.some((s) => spec === `@cs/${s}`))
          .map((spec) => `${relative(root, file)} -> ${spec}`),
      ),
    );
    expect(offending).toEqual([]);
  });
});
