export const MEMBERS_CONFIG = Symbol('MEMBERS_CONFIG');
