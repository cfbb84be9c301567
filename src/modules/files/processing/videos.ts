import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { childProcessEnv } from '@lib/providers';
import type { ProcessingResult } from './processing-result';

export interface VideoOptions {
  ffmpegPath: string;
  timeoutMs?: number;
}

const MAX_WIDTH = 1280;

/**
 * Social videos: an H.264/AAC MP4 (at most 1280 px wide, fast start, no
 * metadata such as recording location) and a JPEG thumbnail. The original
 * stays as uploaded; ffmpeg runs with an argument array (no shell).
 */
export async function processVideo(
  inputPath: string,
  type: 'mp4' | 'mov' | 'avi',
  workDir: string,
  options: VideoOptions,
): Promise<ProcessingResult> {
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const probe = await ffprobe(inputPath, type, options.ffmpegPath, timeoutMs);
  const video = join(workDir, 'video.mp4');
  const thumbnail = join(workDir, 'thumbnail.jpg');
  await run(
    options.ffmpegPath,
    [
      ...['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...ffmpegInput(type, inputPath)],
      ...['-map', '0:v:0', '-map', '0:a:0?', '-map_metadata', '-1', '-sn', '-dn'],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '28', '-pix_fmt', 'yuv420p'],
      ...['-vf', `scale='min(${MAX_WIDTH},iw)':-2`],
      ...['-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart', video],
    ],
    timeoutMs,
  );
  await run(
    options.ffmpegPath,
    [
      ...['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...ffmpegInput('mp4', video)],
      ...['-vf', "thumbnail,scale='min(640,iw)':-2", '-frames:v', '1', '-map_metadata', '-1'],
      thumbnail,
    ],
    timeoutMs,
  );
  const out = await ffprobe(video, 'mp4', options.ffmpegPath, timeoutMs);
  return {
    original: { fileName: `original.${type}`, mimeType: MIME[type], content: { path: inputPath } },
    variants: {
      video: {
        fileName: 'video.mp4',
        mimeType: 'video/mp4',
        content: { path: video },
        width: out.width,
        height: out.height,
      },
      thumbnail: {
        fileName: 'thumbnail.jpg',
        mimeType: 'image/jpeg',
        content: { path: thumbnail },
      },
    },
    metadata: {
      durationSeconds: probe.durationSeconds,
      width: probe.width,
      height: probe.height,
      hasAudio: probe.hasAudio,
      compressedSize: (await stat(video)).size,
    },
  };
}

const MIME = { mp4: 'video/mp4', mov: 'video/quicktime', avi: 'video/x-msvideo' } as const;

interface Probe {
  durationSeconds: number;
  width?: number;
  height?: number;
  hasAudio: boolean;
}

/** ffmpeg's demuxer for each container we accept (the type was read from the magic bytes). */
const DEMUXER = { mp4: 'mov', mov: 'mov', avi: 'avi' } as const;

/**
 * Input options that keep ffmpeg to what we checked: the demuxer of the detected
 * container (no probing into HLS playlists or other formats that open URLs) and
 * local files only (`file`, `pipe`: no http, tcp, concat or data protocols).
 */
export function ffmpegInput(type: keyof typeof DEMUXER, path: string): string[] {
  return ['-protocol_whitelist', 'file,pipe', '-f', DEMUXER[type], '-i', `file:${path}`];
}

async function ffprobe(
  path: string,
  type: keyof typeof DEMUXER,
  ffmpegPath: string,
  timeoutMs: number,
): Promise<Probe> {
  const output = await run(
    join(dirname(ffmpegPath), 'ffprobe'),
    [
      ...['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams'],
      ...ffmpegInput(type, path),
    ],
    timeoutMs,
  );
  const parsed = JSON.parse(output) as {
    format?: { duration?: string };
    streams?: { codec_type?: string; width?: number; height?: number }[];
  };
  const videoStream = parsed.streams?.find((s) => s.codec_type === 'video');
  if (!videoStream) throw new Error('No video stream');
  return {
    durationSeconds: Number(parsed.format?.duration ?? 0),
    width: videoStream.width,
    height: videoStream.height,
    hasAudio: Boolean(parsed.streams?.some((s) => s.codec_type === 'audio')),
  };
}

/** Runs a program (no shell), resolving with its stdout; kills it after `timeoutMs`. */
function run(program: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // ffmpeg parses hostile media: it gets none of our secrets in its environment.
    const child = spawn(program, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childProcessEnv(),
    });
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(stdout).toString('utf8'));
      else reject(new Error(`${program} failed (${signal ?? code}): ${stderr.trim()}`));
    });
  });
}
