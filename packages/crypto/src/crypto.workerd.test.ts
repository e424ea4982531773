// The package inside workerd, the runtime that serves production.
import { blindIndexSuite } from "./blind-index-suite.ts";
import { fieldCipherSuite } from "./field-cipher-suite.ts";
import { keyringSuite } from "./keyring-suite.ts";

fieldCipherSuite("workerd");
keyringSuite("workerd");
blindIndexSuite("workerd");
