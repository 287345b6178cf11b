import { Unit, isUnknownUnitToken, lookupUnit } from "../cells/units";
import {
  FIELDS,
  FieldKey,
  PE_ARTS_PARTS,
  PeArtsPart,
  QUALIFICATION_LEVELS,
  QualificationLevel,
  TITLE_PARTS,
  TitlePart,
} from "./fields";
import {
  GENERIC_LEAVES,
  StageWord,
  bracketParts,
  normalizeHeader,
  stageWordIn,
  stripStageWords,
  withoutBrackets,
} from "./headerText";
import { RATIO_COLUMNS } from "./ratioColumns";
import { columnKey, partKey, ratioKey } from "./columnKey";

/** What a column holds, once its header path is understood. */
export type ColumnRole =
  | { kind: "field"; field: FieldKey }
  | { kind: "qualification"; level: QualificationLevel }
  | { kind: "pe-arts"; part: PeArtsPart; underArts: boolean }
  | { kind: "title"; part: TitlePart }
  | { kind: "ratio"; indicator: string };

export interface ColumnMatch {
  col: number;
  /** Header path top-down as written (merged cells spread). */
  path: string[];
  role: ColumnRole;
  /** A per-stage column (小学在校学生数, 县级以上骨干教师(小学), 在校生数 › 初中). */
  stage?: StageWord;
  unit?: Unit;
  /** A unit we recognise as a unit but refuse to convert (千元, 亩). */
  unknownUnit?: string;
  score: number;
  /** The leaf reads "其中：…" / "#…": a part of the column before it (detectTable decides what it is a part of). */
  ofWhich?: boolean;
  /** Stable key used in the report's `columns`, e.g. "students.primary", "qualified_teachers.bachelor". */
  key: string;
}

const SYNONYMS = FIELDS.map((f) => ({
  spec: f,
  syns: f.synonyms.map((s) => withoutBrackets(normalizeHeader(s))).filter((s) => s.length > 0),
}));

function cleanLeaf(s: string): string {
  return withoutBrackets(s)
    .replace(/^(#|其中[:：]?|其中)+/, "")
    .replace(/[:：]$/, "");
}

function roleKey(role: ColumnRole, stage?: StageWord): string {
  let k: string;
  switch (role.kind) {
    case "field":
      k = role.field;
      break;
    case "qualification":
      k = partKey("qualified_teachers", role.level);
      break;
    case "pe-arts":
      k = partKey("pe_arts_teachers", role.part);
      break;
    case "title":
      k = partKey("senior_title_teachers", role.part);
      break;
    case "ratio":
      k = ratioKey(role.indicator);
      break;
  }
  return columnKey(k, stage);
}

function lookupPart<T>(table: [string[], T][], text: string): T | undefined {
  for (const [words, v] of table) if (words.includes(text)) return v;
  return undefined;
}

/**
 * A unit after the field name without brackets: "…/千元", "…单位:万元", or a money or area unit of two or
 * more characters at the end ("教学仪器设备值万元"). A lone trailing 元 needs the "/" or 单位 ("单元" is a word).
 */
function trailingUnit(text: string): { unit: string; rest: string } | undefined {
  const m = /^(.+?)(?:\/|(?:计量)?单位[:：]?)?(亿元|万元|千元|百元|平方米|平米|㎡|m²|m2)$/.exec(
    text
  );
  if (m) return { unit: m[2], rest: m[1].replace(/[/,:：]$/, "") };
  const one = /^(.+?)(?:\/|(?:计量)?单位[:：]?)元$/.exec(text);
  return one ? { unit: "元", rest: one[1] } : undefined;
}

/**
 * Understands one column from its header path (standards.md §11.1–11.2): the longest synonym wins,
 * generic leaves (合计, 计) defer to their parent, teacher parts need a teacher/学历 context, area
 * fields need 面积 or an area unit. `extraUnit` is a unit from a unit row under the header.
 */
export function matchColumn(
  col: number,
  rawPath: string[],
  extraUnit?: string
): ColumnMatch | undefined {
  const path = rawPath.map((p) => p.trim()).filter((p) => p.length > 0);
  if (path.length === 0) return undefined;

  let unit: Unit | undefined;
  let unknownUnit: string | undefined;
  let stage: StageWord | undefined;
  // A header cell holding only a unit ("人", "(万元)" under its field, in a row that also has sub-headers)
  // is the column's unit, not a level of its path.
  const norm: string[] = [];
  for (const p of path.map(normalizeHeader)) {
    const token = p.replace(/^\((.*)\)$/, "$1").replace(/^(计量)?单位[:：]/, "");
    const u = lookupUnit(token);
    if (u) unit ??= u;
    else if (isUnknownUnitToken(token)) unknownUnit ??= token;
    else {
      // A unit written after the field without brackets: "教学仪器设备值/千元", "设备值 万元" (spaces gone).
      const t = trailingUnit(p);
      if (t) {
        const tu = lookupUnit(t.unit);
        if (tu) unit ??= tu;
        else unknownUnit ??= t.unit;
      }
      norm.push(t ? t.rest : p);
    }
  }
  if (norm.length === 0) return undefined;
  for (let i = norm.length - 1; i >= 0; i--) {
    for (const part of bracketParts(norm[i])) {
      // "(单位：千元)" names its unit like "(千元)".
      const b = part.replace(/^(计量)?单位[:：]/, "");
      const u = lookupUnit(b);
      if (u && !unit) unit = u;
      else if (!u && isUnknownUnitToken(b) && !unknownUnit) unknownUnit = b;
    }
    if (!stage) stage = stageWordIn(norm[i]);
  }
  if (extraUnit && !unit && !unknownUnit) {
    const token = normalizeHeader(extraUnit).replace(/^\(|\)$/g, "");
    const u = lookupUnit(token);
    if (u) unit = u;
    else if (isUnknownUnitToken(token)) unknownUnit = token;
  }

  // The effective leaf: climb past generic leaves ("合计", "计") and bare stage words ("小学").
  let idx = norm.length - 1;
  let artsTotal = false;
  while (idx > 0) {
    const core = stripStageWords(cleanLeaf(norm[idx]));
    if (core === "" || GENERIC_LEAVES.has(core)) {
      if (core === "计" && cleanLeaf(norm[idx - 1]) === "艺术") artsTotal = true;
      idx--;
      continue;
    }
    break;
  }
  const leaf = cleanLeaf(norm[idx]);
  const core = stripStageWords(leaf);
  const ancestors = norm.slice(0, idx).join("›");
  const full = norm.join("›");
  const ofWhich = /^(#|其中)/.test(norm[idx]);
  const make = (role: ColumnRole, score: number): ColumnMatch => {
    const m: ColumnMatch = { col, path, role, score, key: roleKey(role, stage) };
    if (ofWhich) m.ofWhich = true;
    if (stage) m.stage = stage;
    if (unit) m.unit = unit;
    if (unknownUnit) m.unknownUnit = unknownUnit;
    return m;
  };

  // Precomputed ratios first: "生均教学及辅助用房面积" also contains the raw field's synonym.
  if (/^(生均|每百名|师生比)/.test(core)) {
    for (const r of RATIO_COLUMNS) {
      if (r.prefix.test(core) && r.keyword.test(core))
        return make({ kind: "ratio", indicator: r.indicator }, 500);
    }
    return undefined;
  }

  // Percentages are not quantities: 专任教师学历合格率(%), 骨干教师比例, 本科及以上学历教师占比.
  if (/(率|比例|占比|百分比|比重)$/.test(core) || bracketParts(norm[idx]).includes("%"))
    return undefined;

  // A level or a title written as one header: 「本科学历教师数」, 「专科学历专任教师」, 「中级职称教师数」 (standards.md §11.2
  // lists the levels and 中级 + 高级 + 正高级 as sources; the header carries its own 学历 / 职称 and 教师 words).
  // 「本科及以上学历教师数」 and 「高于规定学历教师数」 name no level: they are fields (below).
  const oneRow = /^(.+?)(?:毕业)?(学历|职称|专业技术职务|职务)的?(?:专任)?教师(?:人数|数)?$/.exec(
    core
  );
  if (oneRow) {
    if (oneRow[2] === "学历") {
      const level = lookupPart(QUALIFICATION_LEVELS, oneRow[1]);
      if (level) return make({ kind: "qualification", level }, 900);
    } else {
      const part = lookupPart(TITLE_PARTS, oneRow[1]);
      if (part) return make({ kind: "title", part }, 900);
    }
  }
  // Levels under a 学历 group, or straight under 专任教师 (「专任教师(人) › 本科 | 专科」, standards.md §11.2:
  // teacher fields need 教师 in the path, and the levels are synonyms of qualified_teachers).
  if (/学历|专任教师/.test(ancestors)) {
    // Statistics reports write the levels as 研究生毕业, 本科毕业, 专科毕业, 高中阶段毕业.
    const level = lookupPart(QUALIFICATION_LEVELS, core.replace(/(毕业|学历)$/, ""));
    if (level) return make({ kind: "qualification", level }, 900);
  }
  // Titles likewise: 「专任教师(人) › 正高级 | 高级 | 中级」 (§11.2: 中级 + 高级 + 正高级).
  if (/职称|专业技术职务|专任教师/.test(ancestors)) {
    const part = lookupPart(TITLE_PARTS, core);
    if (part) return make({ kind: "title", part }, 900);
  }
  const pe = lookupPart(PE_ARTS_PARTS, core);
  // A bare "体育" is a teacher column only under 教师/授课课程 (standards.md §15 mistake 5).
  // Under 交流轮岗/兼职/走教 (the R3 relaxation's teachers, §17.4) a 体育 leaf is not the school's own.
  if (
    pe &&
    (/教师/.test(core) || /教师|授课|课程|学科/.test(ancestors)) &&
    !/走教|兼职|交流/.test(full)
  ) {
    if (artsTotal) return make({ kind: "pe-arts", part: "arts", underArts: false }, 900);
    const underArts = idx > 0 && cleanLeaf(norm[idx - 1]) === "艺术";
    return make({ kind: "pe-arts", part: pe, underArts }, 900);
  }

  let best: { field: FieldKey; score: number } | undefined;
  for (const { spec, syns } of SYNONYMS) {
    if (spec.excludes?.some((x) => core.includes(x))) continue;
    if (spec.needsTeacherWord && !/教师/.test(full)) continue;
    if (spec.needsPathWord && !full.includes(spec.needsPathWord)) continue;
    if (spec.needsAreaWord && !/面积|操场/.test(full) && unit?.dimension !== "area") continue;
    for (const syn of syns) {
      let score = 0;
      if (core === syn) score = 1000 + syn.length;
      else if (core.includes(syn)) score = 10 * syn.length;
      if (score > 0 && (!best || score > best.score)) best = { field: spec.key, score };
    }
  }
  if (!best) return undefined;
  // One-character containments ("学校" inside a title) are too weak to trust.
  if (best.score < 20) return undefined;
  return make({ kind: "field", field: best.field }, best.score);
}
