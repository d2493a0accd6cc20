/**
 * `lifeguard age estimate FILE...`: the on-device facial age estimate of each image, one JSON line per file,
 * for offline evaluation of the estimator (nothing is recorded; the images stay on this machine).
 */
import { createFaceApiEstimator } from '../../age-estimators/face-api-estimator.ts';
import { DEFAULT_MAX_PIXELS } from '../../media/decode-image.ts';
import { DEFAULT_MAX_BYTES, readFileBounded } from '../../media/read-file-bounded.ts';
import { exitCodes, type CliIo, type Command } from '../command.ts';
import { errorJson } from '../file-error.ts';
import { parseFlags } from '../parse-flags.ts';
import { usageError } from '../usage-error.ts';

const usage = `usage: lifeguard age estimate FILE...

Estimates the age of the one face in each image FILE with the on-device model (face-api; nothing is sent
anywhere and nothing is recorded). One JSON object per line:
  {"file","kind":"estimate","age","confidence","uncertaintyYears","provider","modelVersion"}
  {"file","kind":"no_face"} or {"file","kind":"several_faces"}
  {"file","error":{"code","message"}} for a file that cannot be read or decoded (exit status 3; the
  other files still complete).
The estimate is a weak signal: confidence stays under 0.5 and the model's typical error at ages 9-18 is
uncertaintyYears.
`;

export const command: Command = {
  summary: 'on-device facial age estimates of image files (offline evaluation)',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const { positionals } = parseFlags({ args, allowPositionals: true, options: {} });
    const [sub, ...files] = positionals;
    if (sub !== 'estimate') throw usageError(sub === undefined ? 'no subcommand given (estimate)' : `unknown subcommand '${sub}' (estimate)`);
    if (files.length === 0) throw usageError('no FILE given');
    const estimator = await createFaceApiEstimator({ maxPixels: DEFAULT_MAX_PIXELS });
    let failed = 0;
    for (const file of files) {
      try {
        const bytes = await readFileBounded(file, DEFAULT_MAX_BYTES);
        const r = await estimator.estimate(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        const line =
          r.kind === 'estimate'
            ? {
                file,
                kind: r.kind,
                age: Math.round(r.age * 10) / 10,
                confidence: r.confidence,
                uncertaintyYears: estimator.typicalErrorYears ?? null,
                provider: r.provider,
                modelVersion: estimator.modelVersion ?? null,
              }
            : { file, kind: r.kind };
        io.stdout.write(JSON.stringify(line) + '\n');
      } catch (e) {
        failed++;
        io.stdout.write(JSON.stringify({ file, error: errorJson(e) }) + '\n');
      }
    }
    return failed > 0 ? exitCodes.failure : exitCodes.ok;
  },
};
