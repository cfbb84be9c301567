import { ffmpegInput } from './videos';

describe('ffmpegInput', () => {
  it('pins the demuxer of the detected container and allows local files only', () => {
    expect(ffmpegInput('mp4', '/tmp/in')).toEqual([
      '-protocol_whitelist',
      'file,pipe',
      '-f',
      'mov',
      '-i',
      'file:/tmp/in',
    ]);
    expect(ffmpegInput('avi', '/tmp/in')).toContain('avi');
  });
});
