/**
 * Video frames through ffmpeg (found via the `ffmpegPath` option — the CLI passes LIFEGUARD_FFMPEG — or on
 * PATH): frames are sampled at a fixed rate (default 1 frame/s), piped as PPM (raw RGB with a tiny header)
 * and handed out one at a time, so memory holds one frame whatever the video's length.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { pdqFromPixels } from '../core/pdq/index.ts';
import { pdqRobustFromPixels, resolveRobust, type RobustChoice } from '../core/pdq/robust-variants.ts';
import { invalidInput, notFound, tooLarge, unavailable } from '../core/lifeguard-error.ts';
import { fileDigests } from './hash-image.ts';

export interface VideoFrameOptions {
  /** The ffmpeg binary (default `ffmpeg` on PATH). */
  ffmpegPath?: string;
  /** Frames sampled per second of video (default 1; at most 60). */
  fps?: number;
  /** More sampled frames than this → `video_too_long` (default 3600: an hour at 1 frame/s). */
  maxFrames?: number;
  /** Larger frames (width × height) → `video_frame_too_large` (default 50,000,000). */
  maxFramePixels?: number;
  /** ffmpeg is stopped after this long → `video_timeout` (default 10 minutes). */
  timeoutMs?: number;
}

export interface VideoFrame {
  /** 0-based sample number. */
  index: number;
  /** Seconds from the start of the video. */
  t: number;
  width: number;
  height: number;
  /** RGB, 3 bytes per pixel, row by row. */
  pixels: Uint8Array;
}

export interface VideoHashes {
  md5: string;
  sha256: string;
  fps: number;
  /** `variants`: the robust query hashes of the frame, when asked for. */
  frames: { t: number; pdq: string; quality: number; variants?: { name: string; hash: string }[] }[];
}

const defaults = { fps: 1, maxFrames: 3600, maxFramePixels: 50_000_000, timeoutMs: 10 * 60_000 };

/** Validates the frame rate (a usage-level input, so `invalid_fps`). */
export function checkFps(fps: number): number {
  if (!Number.isFinite(fps) || fps <= 0 || fps > 60) throw invalidInput('invalid_fps', `frame rate must be > 0 and ≤ 60 frames per second, got ${fps}`);
  return fps;
}

/** Samples frames of the video file at `path`, one at a time. Stops ffmpeg when the consumer stops early. */
export async function* videoFrames(path: string, opts: VideoFrameOptions = {}): AsyncGenerator<VideoFrame> {
  const fps = checkFps(opts.fps ?? defaults.fps);
  const maxFrames = opts.maxFrames ?? defaults.maxFrames;
  const maxPixels = opts.maxFramePixels ?? defaults.maxFramePixels;
  const file = resolve(path);
  try {
    const s = await stat(file);
    if (!s.isFile()) throw invalidInput('not_a_file', `${path} is not a regular file`);
    if (s.size === 0) throw invalidInput('invalid_video', `${path} is empty`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw notFound('file_not_found', `no such file: ${path}`);
    throw e;
  }

  const args = [
    '-nostdin', '-hide_banner', '-loglevel', 'error',
    // Only local files: a playlist or concat file must not make ffmpeg fetch anything.
    '-protocol_whitelist', 'file',
    '-i', `file:${file}`,
    '-map', '0:v:0', '-vf', `fps=fps=${fps}:eof_action=pass`, '-frames:v', String(maxFrames + 1),
    '-f', 'image2pipe', '-c:v', 'ppm', '-pix_fmt', 'rgb24', 'pipe:1',
  ];
  const child = spawn(opts.ffmpegPath ?? 'ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let spawnError: NodeJS.ErrnoException | undefined;
  let stderr = '';
  let timedOut = false;
  child.on('error', (e) => (spawnError = e));
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 8192) stderr += d;
  });
  const closed = once(child, 'close').catch(() => [null, null]) as Promise<[number | null, NodeJS.Signals | null]>;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, opts.timeoutMs ?? defaults.timeoutMs);

  let finished = false;
  try {
    const parser = new PpmStreamParser(maxPixels);
    let index = 0;
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      for (const f of parser.push(chunk)) {
        if (index >= maxFrames) {
          throw tooLarge('video_too_long', `more than ${maxFrames} frames at ${fps} frame/s (about ${Math.round(maxFrames / fps)} s); lower --fps or raise the frame limit`);
        }
        yield { index, t: Math.round((index / fps) * 1000) / 1000, ...f };
        index++;
      }
    }
    const [code] = await closed;
    if (spawnError?.code === 'ENOENT') throw unavailable('ffmpeg_not_found', `ffmpeg not found at '${opts.ffmpegPath ?? 'ffmpeg'}': install ffmpeg or set LIFEGUARD_FFMPEG`);
    if (spawnError) throw unavailable('ffmpeg_failed', `cannot run ffmpeg: ${spawnError.message}`);
    if (timedOut) throw tooLarge('video_timeout', `decoding took longer than ${Math.round((opts.timeoutMs ?? defaults.timeoutMs) / 1000)} s`);
    if (code !== 0) throw ffmpegError(stderr.split(`file:${file}`).join(basename(file)).split(file).join(basename(file)));
    if (parser.pending) throw invalidInput('invalid_video', 'ffmpeg output ended inside a frame');
    if (index === 0) throw invalidInput('no_video_frames', 'no frame could be decoded from the video');
    finished = true;
  } finally {
    clearTimeout(timer);
    if (!finished && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await closed;
    }
  }
}

/** The file's digests and one PDQ per sampled frame, with its time. */
export async function hashVideo(path: string, opts: VideoFrameOptions & { robust?: RobustChoice } = {}): Promise<VideoHashes> {
  const frames: VideoHashes['frames'] = [];
  const robust = resolveRobust(opts.robust ?? false);
  for await (const f of videoFrames(path, opts)) {
    if (robust) {
      const r = pdqRobustFromPixels(f.pixels, f.width, f.height, 3, robust);
      frames.push({ t: f.t, pdq: r.hash, quality: r.quality, variants: r.variants.map(({ name, hash }) => ({ name, hash })) });
      continue;
    }
    const { hash, quality } = pdqFromPixels(f.pixels, f.width, f.height, 3);
    frames.push({ t: f.t, pdq: hash, quality });
  }
  const { md5, sha256 } = await fileDigests(path);
  return { md5, sha256, fps: opts.fps ?? defaults.fps, frames };
}

/** A clear error from ffmpeg's stderr (paths already reduced to the file's base name). */
function ffmpegError(stderr: string) {
  const first = stderr.split('\n').map((l) => l.trim()).filter(Boolean).slice(-2).join(' / ').slice(0, 300);
  if (/matches no streams|does not contain any stream|no video stream/i.test(stderr)) {
    return invalidInput('no_video_stream', 'the file has no video stream');
  }
  return invalidInput('invalid_video', `not a readable video${first ? `: ${first}` : ''}`);
}

/** Splits ffmpeg's image2pipe PPM output into frames, holding at most one frame. */
class PpmStreamParser {
  readonly #maxPixels: number;
  #head: Buffer = Buffer.alloc(0);
  #frame: { width: number; height: number; pixels: Uint8Array; filled: number } | undefined;

  constructor(maxPixels: number) {
    this.#maxPixels = maxPixels;
  }

  get pending(): boolean {
    return this.#frame !== undefined || this.#head.length > 0;
  }

  push(chunk: Buffer): { width: number; height: number; pixels: Uint8Array }[] {
    const out: { width: number; height: number; pixels: Uint8Array }[] = [];
    let data = chunk;
    while (data.length > 0) {
      if (this.#frame) {
        const f = this.#frame;
        const n = Math.min(data.length, f.pixels.length - f.filled);
        f.pixels.set(data.subarray(0, n), f.filled);
        f.filled += n;
        data = data.subarray(n);
        if (f.filled === f.pixels.length) {
          out.push({ width: f.width, height: f.height, pixels: f.pixels });
          this.#frame = undefined;
        }
        continue;
      }
      this.#head = this.#head.length === 0 ? data : Buffer.concat([this.#head, data]);
      data = Buffer.alloc(0);
      const header = parsePpmHeader(this.#head);
      if (header === undefined) {
        if (this.#head.length > 256) throw invalidInput('invalid_video', 'unexpected ffmpeg frame output');
        this.#head = Buffer.from(this.#head); // own it: the stream's chunk may be reused
        break;
      }
      if (header.width * header.height > this.#maxPixels) {
        throw tooLarge('video_frame_too_large', `video frames are ${header.width}×${header.height}, more than ${this.#maxPixels} pixels`);
      }
      this.#frame = { width: header.width, height: header.height, pixels: new Uint8Array(header.width * header.height * 3), filled: 0 };
      data = this.#head.subarray(header.length);
      this.#head = Buffer.alloc(0);
    }
    return out;
  }
}

/** Parses "P6 <w> <h> <maxval>" + one whitespace byte; undefined when more bytes are needed. */
function parsePpmHeader(buf: Buffer): { width: number; height: number; length: number } | undefined {
  const tokens: number[] = [];
  let i = 0;
  if (buf.length < 2) return undefined;
  if (buf[0] !== 0x50 || buf[1] !== 0x36) throw invalidInput('invalid_video', 'unexpected ffmpeg frame output');
  i = 2;
  while (tokens.length < 3) {
    while (i < buf.length && (buf[i] === 0x20 || buf[i] === 0x0a || buf[i] === 0x0d || buf[i] === 0x09)) i++;
    if (i < buf.length && buf[i] === 0x23) {
      const nl = buf.indexOf(0x0a, i);
      if (nl === -1) return undefined;
      i = nl + 1;
      continue;
    }
    const start = i;
    while (i < buf.length && buf[i]! >= 0x30 && buf[i]! <= 0x39) i++;
    if (i === buf.length) return undefined;
    if (i === start) throw invalidInput('invalid_video', 'unexpected ffmpeg frame output');
    tokens.push(Number(buf.toString('latin1', start, i)));
  }
  if (i >= buf.length) return undefined;
  const [width, height, maxval] = tokens as [number, number, number];
  if (maxval !== 255 || width < 1 || height < 1) throw invalidInput('invalid_video', 'unexpected ffmpeg frame format');
  return { width, height, length: i + 1 };
}
