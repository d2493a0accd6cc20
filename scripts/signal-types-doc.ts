/**
 * Writes docs/signal-types.md from the signal type registry (`node --import tsx scripts/signal-types-doc.ts`).
 * src/core/signal-types/registry-drives-everything.test.ts fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { signalTypesDoc } from '../src/core/signal-types/signal-types-doc.ts';

writeFileSync(new URL('../docs/signal-types.md', import.meta.url), signalTypesDoc());
