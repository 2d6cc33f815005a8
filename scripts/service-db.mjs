// The database URL a service uses, resolved exactly as the services do:
// <SERVICE>_DATABASE_URL, else DATABASE_URL (default local) with database cs_<service>.
export function serviceDatabaseUrl(service) {
  const own = process.env[`${service.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`];
  if (own) return own;
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/cs_${service.replace(/-/g, '_')}`;
  return url.toString();
}
