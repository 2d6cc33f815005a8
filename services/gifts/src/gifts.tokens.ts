export const GIFTS_CONFIG = Symbol('GIFTS_CONFIG');
