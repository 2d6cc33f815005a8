// Jest global teardown: stops the containers global-setup started (only where no local servers
// or env URLs were available).
export default async function globalTeardown() {
  for (const key of ['__PG_CONTAINER__', '__NATS_CONTAINER__']) {
    await globalThis[key]?.stop().catch(() => undefined);
  }
}
