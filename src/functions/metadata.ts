/**
 * Custom-functions metadata (the JSON Excel reads: functions.json and its zh-CN locale override) generated from the
 * registry. webpack.config.js calls buildMetadata("en-US") and buildMetadata("zh-CN") from the compiled copy in
 * dist/node/functions. Ids and names are identical in both files; descriptions are translated. A missing text
 * throws, so the build fails rather than shipping a half-translated file.
 */
import type { Lang } from "./lang";
import { Dimensionality, FUNCTIONS, FunctionDefinition, ParamType } from "./registry";

export type MetadataLang = "en-US" | "zh-CN";

export interface ParameterMetadata {
  name: string;
  description: string;
  type: ParamType;
  dimensionality: Dimensionality;
  optional: boolean;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: ParameterMetadata[];
  result: { type: ParamType; dimensionality: Dimensionality };
}

export interface CustomFunctionsMetadata {
  /** Error cells inside ranges of type any reach the function (as error objects) instead of short-circuiting it. */
  allowErrorForDataTypeAny: boolean;
  functions: FunctionMetadata[];
}

const ID_RE = /^[A-Za-z0-9_.]+$/;
const NAME_RE = /^[A-Za-z][A-Za-z0-9_.]*$/;

/** Column letters → number: A = 1, XFD = 16384. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * True when Excel could read the name as a cell reference: A1 … XFD1048576, or R1C1 … R1048576C16384
 * (custom-functions-naming: "avoid names that match a cell reference"; PER100 is column PER, row 100).
 */
export function looksLikeCellReference(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})([0-9]+)$/.exec(name);
  if (a1) {
    const row = Number(a1[2]);
    return columnNumber(a1[1]) <= 16384 && row >= 1 && row <= 1048576;
  }
  const rc = /^[Rr]([0-9]+)[Cc]([0-9]+)$/.exec(name);
  if (rc) {
    const row = Number(rc[1]);
    const column = Number(rc[2]);
    return row >= 1 && row <= 1048576 && column >= 1 && column <= 16384;
  }
  return false;
}

/** Ids and names: start with a letter, at least 3 characters, no cell reference (custom-functions-naming). */
function validName(name: string, re: RegExp): boolean {
  return (
    re.test(name) &&
    /^[A-Za-z]/.test(name) &&
    name.length >= 3 &&
    name.length <= 128 &&
    !looksLikeCellReference(name)
  );
}

function text(value: string | undefined, where: string, lang: Lang): string {
  if (typeof value !== "string" || value.trim() === "")
    throw new Error(`custom functions metadata: missing ${lang} text for ${where}`);
  return value;
}

function functionMetadata(f: FunctionDefinition, lang: Lang): FunctionMetadata {
  if (!validName(f.id, ID_RE)) throw new Error(`custom functions metadata: invalid id "${f.id}"`);
  if (!validName(f.name, NAME_RE))
    throw new Error(`custom functions metadata: invalid name "${f.name}"`);
  let optionalSeen = false;
  const parameters = f.params.map((p) => {
    if (!NAME_RE.test(p.name))
      throw new Error(`custom functions metadata: invalid parameter name "${p.name}" in ${f.id}`);
    if (optionalSeen && !p.optional)
      throw new Error(
        `custom functions metadata: required "${p.name}" after an optional one in ${f.id}`
      );
    optionalSeen ||= p.optional;
    return {
      name: p.name,
      description: text(p.description?.[lang], `${f.id}(${p.name})`, lang),
      type: p.type,
      dimensionality: p.dimensionality,
      optional: p.optional,
    };
  });
  return {
    id: f.id,
    name: f.name,
    description: text(f.description?.[lang], f.id, lang),
    parameters,
    result: { ...f.result },
  };
}

export function buildMetadata(
  lang: MetadataLang,
  functions: readonly FunctionDefinition[] = FUNCTIONS
): CustomFunctionsMetadata {
  const l: Lang = lang === "zh-CN" ? "zh-CN" : "en";
  const ids = new Set<string>();
  for (const f of functions) {
    const key = f.id.toUpperCase();
    if (ids.has(key)) throw new Error(`custom functions metadata: duplicate id "${f.id}"`);
    ids.add(key);
  }
  return {
    allowErrorForDataTypeAny: true,
    functions: functions.map((f) => functionMetadata(f, l)),
  };
}
