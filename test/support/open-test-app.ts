/** A test app over a fresh test database, with one cleanup that closes both. */
import { createTestApp, type TestApp } from '../../src/server/test-app.ts';
import type { TestDatabase } from './databases.ts';

export async function openTestApp(target: TestDatabase, opts: Parameters<typeof createTestApp>[1] = {}): Promise<{ t: TestApp; cleanup: () => Promise<void> }> {
  const opened = await target.open();
  const t = await createTestApp(opened.database, opts);
  return {
    t,
    cleanup: async () => {
      await t.close();
      await opened.cleanup();
    },
  };
}
