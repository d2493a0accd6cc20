/** `lifeguard hash`: PDQ, MD5 and SHA-256 of images (or per-frame PDQ of videos), one result per file. */
import { dihedralNames } from '../../core/pdq/index.ts';
import { hashImage } from '../../media/hash-image.ts';
import { hashVideo } from '../../media/video-frames.ts';
import { exitCodes, type CliIo, type Command } from '../command.ts';
import { writeFileError } from '../file-error.ts';
import { imageFlags, videoFlags } from '../image-flags.ts';
import { parseFlags } from '../parse-flags.ts';
import { usageError } from '../usage-error.ts';

const usage = `usage: lifeguard hash [--json] [--dihedral] [--video] [--fps N] [--max-frames N] [--apply-exif] FILE...

Hashes each FILE: PDQ (perceptual, with its quality 0..100), MD5 and SHA-256.
  --json         one JSON object per line: {"file","pdq","quality","md5","sha256"}
  --dihedral     also the PDQ of the 7 rotations/flips ("dihedral": 8 hashes, original first:
                 ${dihedralNames.join(', ')})
  --video        FILE is a video: one PDQ per sampled frame ("frames":[{"t","pdq","quality"}]) plus
                 the file's md5/sha256 (needs ffmpeg on PATH or LIFEGUARD_FFMPEG)
  --fps N        frames sampled per second of video (default 1)
  --max-frames N refuse videos with more sampled frames (default 3600)
  --apply-exif   rotate by the EXIF orientation before hashing (off: hash lists are built without it)
A file that cannot be hashed gives {"file","error":{"code","message"}}; the others still complete and the
exit status is 3.
`;

function parse(args: string[]) {
  return parseFlags({ args, allowPositionals: true, options: imageFlags });
}

export const command: Command = {
  summary: 'PDQ, MD5 and SHA-256 of images and video frames',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parse(args);
    if (positionals.length === 0) throw usageError('no FILE given');
    const { fps, maxFrames } = videoFlags(values);
    const ffmpegPath = io.env.LIFEGUARD_FFMPEG || undefined;
    let failed = 0;
    for (const file of positionals) {
      try {
        if (values.video) {
          const v = await hashVideo(file, { fps, maxFrames, ...(ffmpegPath ? { ffmpegPath } : {}) });
          if (values.json) io.stdout.write(JSON.stringify({ file, md5: v.md5, sha256: v.sha256, fps: v.fps, frames: v.frames }) + '\n');
          else {
            io.stdout.write(`${file}: video, ${v.frames.length} frames at ${v.fps}/s  md5 ${v.md5}  sha256 ${v.sha256}\n`);
            for (const f of v.frames) io.stdout.write(`  t=${f.t.toFixed(3)}s  pdq ${f.pdq}  quality ${f.quality}\n`);
          }
        } else {
          const h = await hashImage(file, { dihedral: values.dihedral === true, applyExifOrientation: values['apply-exif'] === true });
          if (values.json) {
            const out: Record<string, unknown> = { file, pdq: h.pdq, quality: h.quality, md5: h.md5, sha256: h.sha256 };
            if (values.dihedral && h.dihedral) out.dihedral = h.dihedral;
            io.stdout.write(JSON.stringify(out) + '\n');
          } else {
            io.stdout.write(`${file}: pdq ${h.pdq}  quality ${h.quality}  md5 ${h.md5}  sha256 ${h.sha256}\n`);
            if (values.dihedral && h.dihedral) h.dihedral.forEach((d, i) => io.stdout.write(`  ${dihedralNames[i]!.padEnd(10)} ${d}\n`));
          }
        }
      } catch (e) {
        failed++;
        writeFileError(io, file, e, values.json);
      }
    }
    return failed > 0 ? exitCodes.failure : exitCodes.ok;
  },
};
