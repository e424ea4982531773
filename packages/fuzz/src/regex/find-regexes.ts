// Every regular expression in production source, found by parsing (not grepping) each file with the
// TypeScript compiler: literals `/.../flags`, and `new RegExp(...)`/`RegExp(...)` calls, whose
// pattern is read when it is a plain string and reported as dynamic otherwise (a test then checks
// each dynamic site's real instantiations by hand).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export interface FoundRegex {
  /** Repository-relative path and 1-based line. */
  file: string;
  line: number;
  source: string;
  flags: string;
}

export interface DynamicRegexSite {
  file: string;
  line: number;
  /** The constructor call as written. */
  text: string;
}

/** Production source: packages/<p>/src and functions/<f>/src, without tests and development-only code. */
const SOURCE_ROOTS = ["packages", "functions"];
// local-dev runs only on a developer's machine; fuzz is this test tooling itself.
const EXCLUDED_PACKAGES = new Set(["local-dev", "fuzz"]);
const isTestFile = (name: string) => name.endsWith(".test.ts") || name === "test-support";

export function productionSourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === "node_modules" || isTestFile(name)) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) out.push(path);
    }
  };
  for (const top of SOURCE_ROOTS) {
    for (const pkg of readdirSync(join(root, top)).sort()) {
      if (EXCLUDED_PACKAGES.has(pkg)) continue;
      const src = join(root, top, pkg, "src");
      try {
        if (statSync(src).isDirectory()) walk(src);
      } catch {
        // a package without src/ (assets only)
      }
    }
  }
  return out;
}

function literalParts(text: string): { source: string; flags: string } {
  const end = text.lastIndexOf("/");
  return { source: text.slice(1, end), flags: text.slice(end + 1) };
}

function stringValue(node: ts.Expression | undefined): string | undefined {
  if (node === undefined) return "";
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return undefined;
}

const ROUTE_METHODS = new Set(["get", "post", "put", "patch", "delete", "all", "on"]);

/**
 * Regex literals, plain-string RegExp constructions, dynamic ones, and route path patterns
 * (`path: "/..."` and `app.get("/...")`: http-hygiene turns those into regexes at run time).
 */
export function regexesIn(root: string): { found: FoundRegex[]; dynamic: DynamicRegexSite[]; routePaths: string[] } {
  const found: FoundRegex[] = [];
  const dynamic: DynamicRegexSite[] = [];
  const routePaths = new Set<string>();
  const isRoute = (node: ts.Node | undefined): node is ts.StringLiteral => node !== undefined && ts.isStringLiteral(node) && /^\/\S*$/.test(node.text);
  for (const path of productionSourceFiles(root)) {
    const sf = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const file = relative(root, path);
    const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        found.push({ file, line: lineOf(node), ...literalParts(node.getText(sf)) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === "RegExp") {
        const [pattern, flags] = node.arguments ?? [];
        const source = stringValue(pattern);
        const flagText = stringValue(flags);
        if (pattern !== undefined && source !== undefined && flagText !== undefined) found.push({ file, line: lineOf(node), source, flags: flagText });
        else dynamic.push({ file, line: lineOf(node), text: node.getText(sf) });
      } else if (ts.isPropertyAssignment(node) && node.name.getText(sf) === "path" && isRoute(node.initializer)) {
        routePaths.add(node.initializer.text);
      } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ROUTE_METHODS.has(node.expression.name.text) && isRoute(node.arguments[0])) {
        routePaths.add((node.arguments[0] as ts.StringLiteral).text);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { found, dynamic, routePaths: [...routePaths].sort() };
}
