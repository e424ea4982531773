// Backup codes: 10 single-use codes of 10 Crockford-base32 characters (50 random bits each), shown
// once at 2FA confirmation and stored only as hashes. The hash binds the user id, so one table-wide
// list of hashes cannot be matched against all users at once. A fast hash suffices at 50 bits of
// entropy behind per-challenge and per-user attempt limits (the same reasoning as API keys).
import { sha256Hex } from "./bytes.ts";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const BACKUP_CODE_COUNT = 10;

export function newBackupCodes(count = BACKUP_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const random = crypto.getRandomValues(new Uint8Array(10));
    let code = "";
    for (const byte of random) code += CROCKFORD[byte & 31];
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/** Case, spaces and hyphens do not matter; Crockford's look-alikes (O→0, I/L→1) are folded. */
export function normaliseBackupCode(input: string): string | undefined {
  const folded = input.toUpperCase().replace(/[\s-]+/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return /^[0-9A-HJKMNP-TV-Z]{10}$/.test(folded) ? folded : undefined;
}

export function hashBackupCode(userId: string, normalisedCode: string): Promise<string> {
  return sha256Hex(`traceo/backup-code/v1\0${userId}\0${normalisedCode}`);
}
