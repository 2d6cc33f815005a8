import { SetMetadata } from '@nestjs/common';
import type { Role } from '@cs/org';

export const ROLES_KEY = 'gateway:roles';
export const PUBLIC_KEY = 'gateway:public';

/** Only these roles may call the route (403 otherwise). Without it any authenticated role may. */
export const Roles = (...roles: readonly Role[]) => SetMetadata(ROLES_KEY, roles);

/** No token needed (health, metrics). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
