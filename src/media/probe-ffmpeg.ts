/**
 * Whether video support is available: runs `<ffmpeg> -version` once (at start-up). ffmpeg is an optional
 * system package (Debian: `apt-get install ffmpeg`); without it the service decodes images only.
 */
import { execFile } from 'node:child_process';

export type FfmpegProbe = { available: true; version: string } | { available: false; reason: string };

/** Probes the ffmpeg binary at `path` (a name on PATH or a file), giving up after `timeoutMs`. */
export function probeFfmpeg(path: string, timeoutMs = 5000): Promise<FfmpegProbe> {
  return new Promise((resolve) => {
    execFile(path, ['-hide_banner', '-version'], { timeout: timeoutMs, maxBuffer: 1 << 20 }, (err, stdout) => {
      if (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? `ffmpeg not found at '${path}'` : code === 'EACCES' ? `ffmpeg at '${path}' is not executable` : `ffmpeg at '${path}' did not run (${err.message.split('\n')[0]})`;
        resolve({ available: false, reason: `${reason}: install the ffmpeg package or set LIFEGUARD_FFMPEG` });
        return;
      }
      const first = String(stdout).split('\n')[0]!.trim();
      resolve({ available: true, version: first.slice(0, 120) || 'ffmpeg' });
    });
  });
}
