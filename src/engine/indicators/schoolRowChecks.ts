import { CheckSettings } from "../../standards";
import { FindingCollector } from "../findings/collector";
import type { FindingParamsByCode } from "../findings/params";
import { SchoolCheckResult, SchoolResult } from "../reportTypes";
import { SchoolPart } from "../schools/buildParts";

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
        v >= limits.veryLargeClassFrom ? "very-large" : v >= limits.largeClassFrom ? "large" : null;
      if (meets === false && (!max.apportioned || firstPartOfRecord)) {
        findings.add(
          "class-size",
          { sheet, cell: max.cell, school: name, stage: part.stage },
          {
            value: v,
            limit,
            basis: "max",
            band,
            largeFrom: limits.largeClassFrom,
            veryLargeFrom: limits.veryLargeClassFrom,
          }
        );
      } else if (meets === null && firstPartOfRecord) {
        findings.add(
          "class-size-undetermined",
          { sheet, cell: max.cell, school: name, stage: part.stage },
          { value: v, limits: { ...limits.classSize } }
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
              value: avg.value,
              limit,
              basis: "average",
              band: null,
              largeFrom: limits.largeClassFrom,
              veryLargeFrom: limits.veryLargeClassFrom,
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
          {
            value: v,
            limit,
            basis: throughTrain || part.kind === "complete-secondary" ? "compulsory" : "stage",
          }
        );
    }
  }

  if (settings.standard.schoolChecks.includes("music_art_rooms") && firstPartOfRecord) {
    const classes = part.facts.classes;
    for (const [key, areaKey, minArea, room] of [
      ["music_rooms", "music_room_area", limits.musicRoomMinArea, "music"],
      ["art_rooms", "art_room_area", limits.artRoomMinArea, "art"],
    ] as const) {
      const rooms = part.facts[key];
      if (!rooms || rooms.value === null || !classes || classes.value === null) continue;
      // Our reading (not confirmed): max(1, ceil(classes ÷ 12)) rooms; 0 rooms fails.
      const required = Math.max(1, Math.ceil(classes.value / limits.classesPerSpecialRoom));
      let meets = rooms.value >= required;
      const params: FindingParamsByCode["music-art-rooms"] = {
        room,
        rooms: rooms.value,
        classes: classes.value,
        required,
        classesPerRoom: limits.classesPerSpecialRoom,
      };
      const area = part.facts[areaKey];
      if (meets && area && area.value !== null && rooms.value > 0) {
        const per = area.value / rooms.value;
        if (per < minArea) {
          meets = false;
          params.areaPerRoom = per;
          params.minArea = minArea;
        }
      }
      checks[key] = { value: rooms.value, limit: required, meets };
      if (!meets)
        findings.add(
          "music-art-rooms",
          { sheet, cell: rooms.cell, school: name, stage: part.stage },
          params
        );
    }
  }
  if (checks.class_size || checks.school_size || checks.music_rooms || checks.art_rooms)
    result.checks = checks;
}
