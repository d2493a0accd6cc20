/** The flags `hash` and `match` share: how images and videos are read and how results are printed. */
import { checkFps } from '../media/video-frames.ts';
import { numberFlag } from './number-flag.ts';
import { usageError } from './usage-error.ts';

/** parseArgs options of --json, --dihedral, --video, --fps, --max-frames and --apply-exif. */
export const imageFlags = {
  json: { type: 'boolean' },
  dihedral: { type: 'boolean' },
  video: { type: 'boolean' },
  fps: { type: 'string' },
  'max-frames': { type: 'string' },
  'apply-exif': { type: 'boolean' },
} as const;

/** The video sampling flags: --fps (default 1) and --max-frames (default 3600), checked. */
export function videoFlags(values: { fps?: string | undefined; 'max-frames'?: string | undefined }): { fps: number; maxFrames: number } {
  const fps = numberFlag('fps', values.fps, 1);
  try {
    checkFps(fps);
  } catch (e) {
    throw usageError((e as Error).message);
  }
  const maxFrames = numberFlag('max-frames', values['max-frames'], 3600, true);
  if (maxFrames < 1) throw usageError('--max-frames must be at least 1');
  return { fps, maxFrames };
}
