// Prefixed, time-sortable ids (`rep_…`, `key_…`): 48-bit millisecond time then 80 random bits,
// in Crockford base32 like ULID, so ids sort by creation and say what they name.
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export type IdPrefix = "acc" | "key" | "rep" | "req" | "usr" | "ses" | "rtk" | "chl" | "bkc";

export function newId(prefix: IdPrefix, now = Date.now()): string {
  let time = "";
  let rest = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[rest % 32] + time;
    rest = Math.floor(rest / 32);
  }
  const random = crypto.getRandomValues(new Uint8Array(16));
  let tail = "";
  for (const byte of random) tail += CROCKFORD[byte & 31];
  return `${prefix}_${time}${tail}`;
}
