import { CheckSettings } from "../../standards";
import { FindingCollector } from "../findings/collector";
import { SchoolCheckResult, SchoolResult } from "../reportTypes";
import { SchoolPart } from "../schools/buildParts";
import { STAGE_LABEL } from "./schoolIndicators";

/**
 * 政府保障程度 items computable from school rows, standards.md §10: class size (item 5), school size
 * (item 4), music and art rooms (item 3). Only run when the columns exist.
 */
export function schoolRowChecks(
  part: SchoolPart,
  result: SchoolResult,
  settings: CheckSettings,
  findings: FindingCollector,
  firstPartOfRecord: boolean
): void {
  if (!settings.standard.schoolChecks.length) return;
  const { limits } = settings;
  const name = part.record.name;
  const sheet = part.record.sheet;
  const checks: NonNullable<SchoolResult["checks"]> = {};
  const stageName = STAGE_LABEL[part.stage];

  if (settings.standard.schoolChecks.includes("class_size")) {
    const max = part.facts.max_class_size;
    const limit = limits.classSize[part.stage];
    if (max && max.value !== null) {
      const v = max.value;
      let meets: boolean | null = v <= limit;
      // One whole-school maximum for a split school: ≤ 45 passes both stages, 46–50 needs stage detail.
      if (max.apportioned) {
        const low = Math.min(limits.classSize.primary, limits.classSize.junior);
        const high = Math.max(limits.classSize.primary, limits.classSize.junior);
        meets = v <= low ? true : v > high ? false : null;
      }
      const c: SchoolCheckResult = { value: v, limit, meets };
      checks.class_size = c;
      const band =
        v >= limits.veryLargeClassFrom
          ? { "zh-CN": "，属超大班额", en: ", a very large class (≥ 66)" }
          : v >= limits.largeClassFrom
            ? { "zh-CN": "，属大班额", en: ", a large class (56–65)" }
            : { "zh-CN": "", en: "" };
      if (meets === false && (!max.apportioned || firstPartOfRecord)) {
        findings.add(
          "class-size",
          { sheet, cell: max.cell, school: name, stage: part.stage },
          { school: name, value: v, limit, stage: stageName, band }
        );
      } else if (meets === null && firstPartOfRecord) {
        findings.add(
          "class-size-undetermined",
          { sheet, cell: max.cell, school: name, stage: part.stage },
          {
            school: name,
            detail: {
              "zh-CN": `最大班额 ${v} 人，需分学段数据才能判断（小学 ≤ 45、初中 ≤ 50）`,
              en: `largest class ${v}: needs per-stage figures (primary ≤ 45, junior ≤ 50)`,
            },
          }
        );
      }
    } else {
      const avg = part.facts.avg_class_size;
      if (avg && avg.value !== null) {
        const meets = avg.value > limit ? false : null;
        checks.class_size = { value: avg.value, limit, meets, note: "average" };
        if (meets === false)
          findings.add(
            "class-size",
            { sheet, cell: avg.cell, school: name, stage: part.stage },
            {
              school: name,
              value: avg.value,
              limit,
              stage: stageName,
              band: { "zh-CN": "（平均班额已超标）", en: " (the average already exceeds it)" },
            }
          );
      }
    }
  }

  if (settings.standard.schoolChecks.includes("school_size") && firstPartOfRecord) {
    const throughTrain = part.kind === "nine-year" || part.kind === "twelve-year";
    const limit = throughTrain ? limits.throughTrainSchoolSize : limits.schoolSize[part.stage];
    const v =
      throughTrain || part.kind === "complete-secondary"
        ? part.compulsoryStudents
        : part.students.value;
    if (v !== null) {
      const meets = v <= limit;
      checks.school_size = { value: v, limit, meets };
      if (!meets)
        findings.add(
          "school-size",
          { sheet, cell: part.totalStudentsCell, school: name, stage: part.stage },
          { school: name, value: v, limit }
        );
    }
  }

  if (settings.standard.schoolChecks.includes("music_art_rooms") && firstPartOfRecord) {
    const classes = part.facts.classes;
    for (const [key, areaKey, minArea, label] of [
      ["music_rooms", "music_room_area", limits.musicRoomMinArea, { "zh-CN": "音乐", en: "music" }],
      ["art_rooms", "art_room_area", limits.artRoomMinArea, { "zh-CN": "美术", en: "art" }],
    ] as const) {
      const rooms = part.facts[key];
      if (!rooms || rooms.value === null || !classes || classes.value === null) continue;
      // Our reading (not confirmed): max(1, ceil(classes ÷ 12)) rooms; 0 rooms fails.
      const required = Math.max(1, Math.ceil(classes.value / limits.classesPerSpecialRoom));
      let meets = rooms.value >= required;
      let detail = {
        "zh-CN": `${label["zh-CN"]}专用教室 ${rooms.value} 间，${classes.value} 个班需 ${required} 间`,
        en: `${rooms.value} ${label.en} rooms; ${classes.value} classes need ${required}`,
      };
      const area = part.facts[areaKey];
      if (meets && area && area.value !== null && rooms.value > 0) {
        const per = area.value / rooms.value;
        if (per < minArea) {
          meets = false;
          detail = {
            "zh-CN": `${label["zh-CN"]}教室平均每间 ${per.toFixed(1)} ㎡ < ${minArea} ㎡（按总面积 ÷ 间数）`,
            en: `${label.en} rooms average ${per.toFixed(1)} m² < ${minArea} m² (total ÷ rooms)`,
          };
        }
      }
      checks[key] = { value: rooms.value, limit: required, meets };
      if (!meets)
        findings.add(
          "music-art-rooms",
          { sheet, cell: rooms.cell, school: name, stage: part.stage },
          { school: name, detail }
        );
    }
  }
  if (checks.class_size || checks.school_size || checks.music_rooms || checks.art_rooms)
    result.checks = checks;
}
