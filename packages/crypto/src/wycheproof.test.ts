import { wycheproofSuite } from "./wycheproof-suite.ts";

// Node 20's WebCrypto (OpenSSL), which the rotation CLI runs on. It refuses IVs shorter than 96
// bits and the 2056-bit ones, so 40 valid SmallIv/LongIv/Ktv cases cannot be expressed here (they
// all run in workerd); every 96-bit-IV case, the only shape the envelope uses, runs in both.
wycheproofSuite("Node", { valid: 189, refusedByAuthentication: 81, refusedByParameters: [311, 312, 313, 314, 315, 316], inexpressible: 40 });
