/** `lifeguard bank add-video NAME FILE...`: banks whole videos as their deduplicated frame hashes. */
import { bankLocation, openBankContext } from '../../matching/bank-context.ts';
import { BankPdqIndex } from '../../matching/bank-pdq-index.ts';
import { addVideoToBank } from '../../matching/bank-video.ts';
import { exitCodes, type CliIo } from '../command.ts';
import { writeFileError } from '../file-error.ts';
import { videoFlags } from '../image-flags.ts';
import { parseFlags } from '../parse-flags.ts';
import { usageError } from '../usage-error.ts';

/** Usage lines for the bank command's help. */
export const addVideoUsage = `  bank add-video NAME FILE... [--id EXTERNAL_ID] [--category C] [--source S] [--fps N] [--max-frames N] [--create]
                                    bank whole videos: sampled frames (default 1/s), a still scene once`;

export async function addVideoCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseFlags({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
      id: { type: 'string' },
      category: { type: 'string' },
      source: { type: 'string', multiple: true },
      fps: { type: 'string' },
      'max-frames': { type: 'string' },
      create: { type: 'boolean' },
    },
  });
  const { values, positionals } = parsed;
  if (positionals.length < 2) throw usageError('bank add-video takes NAME and at least one FILE');
  const [name, ...files] = positionals as [string, ...string[]];
  const { fps, maxFrames } = videoFlags(values);
  const ffmpegPath = io.env.LIFEGUARD_FFMPEG || undefined;
  const ctx = await openBankContext(bankLocation({ dataDir: values['data-dir'] }, io.env));
  let failed = 0;
  try {
    const bank = (await ctx.store.getBank(name)) ?? (values.create ? await ctx.store.createBank(name) : await ctx.store.requireBank(name));
    for (const file of files) {
      try {
        const r = await addVideoToBank(ctx.store, bank.id, file, {
          fps,
          maxFrames,
          ...(ffmpegPath ? { ffmpegPath } : {}),
          externalId: values.id ?? null,
          category: values.category ?? null,
          sources: values.source ?? [],
        });
        io.stdout.write(
          values.json
            ? JSON.stringify({ bank: bank.name, file, ...r }) + '\n'
            : `banked ${file} in '${bank.name}' as video ${r.videoId}: ${r.sampled} frames sampled, ${r.frames} distinct hashes (${r.added} added, ${r.merged} merged)\n`,
        );
      } catch (e) {
        failed++;
        writeFileError(io, file, e, values.json);
      }
    }
    const index = await BankPdqIndex.updateSnapshot({ store: ctx.store, snapshotPath: ctx.location.snapshotPath });
    if (index.snapshotError) io.stderr.write(`warning: could not write the PDQ index snapshot: ${index.snapshotError}\n`);
  } finally {
    await ctx.close();
  }
  return failed > 0 ? exitCodes.failure : exitCodes.ok;
}
