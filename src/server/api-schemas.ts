/** Schemas shared by several routes (error body, id params, pagination). */
import { z } from 'zod';

export const errorBody = z
  .object({ error: z.object({ code: z.string().describe('Stable snake_case code.'), message: z.string(), detail: z.record(z.string(), z.unknown()).optional() }) })
  .meta({ id: 'Error' });

export const idParams = z.object({ id: z.string().min(1).max(200) });
