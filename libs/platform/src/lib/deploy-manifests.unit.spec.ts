import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_NOTICE, renderDeployTree, renderKustomization } from './deploy-manifests.js';
import { NODE_RUNTIME_FLAGS, SERVICES } from './services.js';

const root = join(import.meta.dirname, '../../../..');
const read = (path: string) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : '(missing)');

describe('the deploy tree rendered from the registry', () => {
  const rendered = renderDeployTree();

  it.each([...rendered.keys()])('%s is committed as rendered (run `npm run deploy:render`)', (path) => {
    expect(read(path)).toBe(rendered.get(path));
  });

  it('has no generated file that the registry no longer renders', () => {
    const base = join(root, 'deploy/k8s/base');
    const stale = readdirSync(base)
      .filter((dir) => statSync(join(base, dir)).isDirectory())
      .flatMap((dir) => readdirSync(join(base, dir)).map((name) => `deploy/k8s/base/${dir}/${name}`))
      .filter((path) => read(path).startsWith(GENERATED_NOTICE) && !rendered.has(path));
    expect(stale).toEqual([]);
  });

  it('renders a deployment, a config map and a disruption budget for every service, listed in the base', () => {
    for (const s of SERVICES) {
      for (const file of ['configmap', 'deployment', 'pdb']) expect(rendered.has(`deploy/k8s/base/${s.name}/${file}.yaml`)).toBe(true);
      expect(rendered.get(`deploy/k8s/base/${s.name}/deployment.yaml`)).toContain(`args: ["--optimize-for-size", "${s.dir}/dist/main.js"]`);
    }
    const kustomization = renderKustomization(SERVICES);
    for (const s of SERVICES) expect(kustomization).toContain(`  - ${s.name}/deployment.yaml\n`);
  });

  it('keeps the overlays free of service names: they select services by label', () => {
    const overlays = join(root, 'deploy/k8s/overlays');
    const naming = readdirSync(overlays).flatMap((overlay) =>
      readdirSync(join(overlays, overlay))
        .filter((f) => f.endsWith('.yaml'))
        .flatMap((f) => {
          const text = readFileSync(join(overlays, overlay, f), 'utf8').replace(/^\s*#.*$/gm, '');
          return SERVICES.filter((s) => new RegExp(`\\b${s.name}\\b`).test(text)).map((s) => `${overlay}/${f}: ${s.name}`);
        }),
    );
    expect(naming).toEqual([]);
  });

  it('starts the gateway and the image with the same V8 flags as every service', () => {
    const flags = NODE_RUNTIME_FLAGS.map((f) => `"${f}"`).join(', ');
    expect(read('deploy/k8s/base/gateway/deployment.yaml')).toContain(`args: [${flags}, "services/gateway/dist/main.js"]`);
    expect(read('deploy/docker/Dockerfile')).toContain(`exec node ${NODE_RUNTIME_FLAGS.join(' ')} services/\${SERVICE}/dist/main.js`);
  });
});
