// Validates every manifest in deploy/kubernetes against the Kubernetes API's JSON schemas
// (kubernetes-models), so a typo in a field name or type fails here rather than at `kubectl apply`.
// Usage: node validate-kubernetes.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const folder = join(dirname(fileURLToPath(import.meta.url)), '..', 'kubernetes');
let failures = 0;
let checked = 0;

for (const file of readdirSync(folder).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')) {
  for (const doc of parseAllDocuments(readFileSync(join(folder, file), 'utf8'))) {
    const manifest = doc.toJS();
    if (!manifest) continue;
    const [group, version] = manifest.apiVersion.includes('/') ? manifest.apiVersion.split('/') : ['', manifest.apiVersion];
    const modulePath = `kubernetes-models/${group ? `${group}/` : ''}${version}/${manifest.kind}`;
    try {
      const { [manifest.kind]: Model } = await import(modulePath);
      new Model(manifest).validate();
      checked++;
      console.log(`ok   ${file}: ${manifest.kind} ${manifest.metadata?.name}`);
    } catch (error) {
      failures++;
      console.log(`FAIL ${file}: ${manifest.kind} ${manifest.metadata?.name}: ${error.message}`);
    }
  }
}

console.log(`${checked} manifests valid, ${failures} invalid`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
