/**
 * The 68-byte EICAR antivirus test file, assembled at run time so that this
 * source file itself is not flagged by scanners.
 */
export const EICAR_TEST_FILE = Buffer.from(
  ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join(''),
);
