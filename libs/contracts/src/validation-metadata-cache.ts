import { getMetadataStorage } from 'class-validator';

type Lookup = (targetConstructor: Function, targetSchema: string, always: boolean, strictGroups: boolean, groups?: string[]) => unknown[];

/**
 * class-validator looks up a class's rules on every validation by walking every class it knows
 * (an `instanceof` per registered class, for inherited rules): with the contracts of all services
 * loaded that was 9–11 % of a service's and the gateway's CPU under load. The rules of a class do
 * not change once its module is loaded, so the lookup is remembered per class and options, and
 * forgotten whenever a rule, constraint or schema is registered.
 */
export function rememberValidationLookups(): void {
  const storage = getMetadataStorage() as unknown as Record<string, unknown> & { getTargetValidationMetadatas: Lookup };
  if (storage.__lookupsRemembered) return;
  storage.__lookupsRemembered = true;
  const lookup = storage.getTargetValidationMetadatas.bind(storage) as Lookup;
  let remembered = new WeakMap<Function, Map<string, unknown[]>>();
  for (const method of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema']) {
    const original = storage[method] as (...args: unknown[]) => unknown;
    storage[method] = (...args: unknown[]) => {
      remembered = new WeakMap();
      return original.apply(storage, args);
    };
  }
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let byKey = remembered.get(target);
    if (!byKey) remembered.set(target, (byKey = new Map()));
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
}

rememberValidationLookups();
