import { wycheproofSuite } from "./wycheproof-suite.ts";

// workerd (BoringSSL) takes every IV length but the empty one, and 128/192/256-bit keys, so every
// valid case runs; the six zero-length-IV cases (tcId 311-316, flag ZeroLengthIv) are refused at
// the parameter check, which is the refusal they test for.
wycheproofSuite("workerd", { valid: 229, refusedByAuthentication: 81, refusedByParameters: [311, 312, 313, 314, 315, 316], inexpressible: 0 });
