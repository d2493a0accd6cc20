/** A test app over a fresh test database, with one cleanup that closes both. */
import { createTestApp, type TestApp } from '../../src/server/test-app.ts';
import type { TestDatabase } from './databases.ts';

export async function openTestApp(target: TestDatabase): Promise<{ t: TestApp; cleanup: () => Promise<void> }> {
  const opened = await target.open();
  const t = await createTestApp(opened.database);
  return {
    t,
    cleanup: async () => {
      await t.close();
      await opened.cleanup();
    },
  };
}
