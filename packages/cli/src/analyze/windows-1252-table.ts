// The Encoding Standard's windows-1252 characters for bytes 0x80-0x9F (the rest equal their byte).
// Shared by the CLI's Node fix and the workerd test that checks workerd decodes the same way.
export const WINDOWS_1252_HIGH_HALF = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
