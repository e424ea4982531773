// The package in Node, the runtime of the rotation CLI.
import { blindIndexSuite } from "./blind-index-suite.ts";
import { fieldCipherSuite } from "./field-cipher-suite.ts";
import { keyringSuite } from "./keyring-suite.ts";

fieldCipherSuite("Node");
keyringSuite("Node");
blindIndexSuite("Node");
