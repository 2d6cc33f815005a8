import { SERVICES } from '@cs/platform';
import { DEFAULT_JWT_SECRET, jwtSecretFromEnv, optionsFromEnv } from './gateway.options.js';

const STRONG = 'k'.repeat(32);

describe('Gateway options from the environment', () => {
  describe('when NODE_ENV is production', () => {
    it.each([
      ['missing', {}, /JWT_SECRET is missing or empty/],
      ['empty', { JWT_SECRET: '' }, /JWT_SECRET is missing or empty/],
      ['blank', { JWT_SECRET: '   ' }, /JWT_SECRET is missing or empty/],
      ['the development default', { JWT_SECRET: DEFAULT_JWT_SECRET }, /JWT_SECRET is the development default/],
      ['31 characters', { JWT_SECRET: 'k'.repeat(31) }, /JWT_SECRET is shorter than 32 characters/],
    ])('should refuse to start when JWT_SECRET is %s', (_label, env, message) => {
      expect(() => optionsFromEnv({ NODE_ENV: 'production', ...env })).toThrow(message);
      expect(() => jwtSecretFromEnv({ NODE_ENV: 'production', ...env })).toThrow(/NODE_ENV=production/);
    });

    it('should accept a secret of 32 characters or more', () => {
      expect(optionsFromEnv({ NODE_ENV: 'production', JWT_SECRET: STRONG }).jwtSecret).toBe(STRONG);
      expect(jwtSecretFromEnv({ NODE_ENV: 'production', JWT_SECRET: `${STRONG}more` })).toBe(`${STRONG}more`);
    });
  });

  describe('when NODE_ENV is not production', () => {
    it.each([['unset', {}], ['development', { NODE_ENV: 'development' }], ['test', { NODE_ENV: 'test' }]])(
      'should fall back to the development default when NODE_ENV is %s and JWT_SECRET is missing or empty',
      (_label, env) => {
        expect(optionsFromEnv(env).jwtSecret).toBe(DEFAULT_JWT_SECRET);
        expect(optionsFromEnv({ ...env, JWT_SECRET: '' }).jwtSecret).toBe(DEFAULT_JWT_SECRET);
      },
    );

    it('should keep a short secret as given', () => {
      expect(optionsFromEnv({ JWT_SECRET: 'short' }).jwtSecret).toBe('short');
    });
  });

  it('should ping, by default, every service the registry marks for readiness; READINESS_SERVICES overrides it', () => {
    expect(optionsFromEnv({}).readinessServices).toEqual(SERVICES.filter((s) => s.gatewayReadiness).map((s) => s.name));
    expect(optionsFromEnv({}).readinessServices).toEqual(expect.arrayContaining(['members', 'complaints']));
    expect(optionsFromEnv({ READINESS_SERVICES: ' members , ' }).readinessServices).toEqual(['members']);
  });
});
