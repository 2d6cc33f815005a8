import { databaseUrlVariable, healthPort, readinessServiceNames, serviceDefinition, serviceNames, SERVICES } from './services.js';

describe('the service registry', () => {
  it('names each service once, in lower case with hyphens, on its own health port', () => {
    expect(new Set(serviceNames()).size).toBe(SERVICES.length);
    expect(new Set(SERVICES.map((s) => s.healthPort)).size).toBe(SERVICES.length);
    for (const s of SERVICES) {
      expect(s.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(s.dir).toBe(`services/${s.name}`);
      expect(s.healthPort).not.toBe(3000); // the gateway's
    }
  });

  it('names each database cs_<name> with hyphens as underscores, as the services create them', () => {
    expect(SERVICES.map((s) => s.database)).toEqual(SERVICES.map((s) => `cs_${s.name.replace(/-/g, '_')}`));
    expect(serviceDefinition('after-sales').database).toBe('cs_after_sales');
    expect(databaseUrlVariable('after-sales')).toBe('AFTER_SALES_DATABASE_URL');
  });

  it('answers ports and the default readiness list, and refuses an unknown service by naming the known ones', () => {
    expect(healthPort('members')).toBe(3101);
    expect(healthPort('complaints')).toBe(3102);
    expect(healthPort('after-sales')).toBe(3103);
    expect(readinessServiceNames()).toEqual(expect.arrayContaining(['members', 'complaints', 'after-sales']));
    expect(() => serviceDefinition('no-such')).toThrow(`Unknown service "no-such"; registered: ${serviceNames().join(', ')}`);
    expect(serviceNames().slice(0, 2)).toEqual(['members', 'complaints']); // complaints reads members' events
  });
});
