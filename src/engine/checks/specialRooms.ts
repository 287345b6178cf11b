import type { CheckSettings } from "../../standards";
import type { SchoolResult } from "../reportTypes";
import type { SchoolPart } from "../schools/buildParts";
import type { CheckDeclaration, CheckSink } from "./types";
import type { FindingParamsByCode } from "../findings/params";
import { ROOM_SIZE_BANDS, type RoomSizeKey } from "../table/fields";

/**
 * Rooms of at least `min` ㎡ each from the room-size band columns (standards.md §17.3 G3): the bands whose lower
 * bound is ≥ min (a lower bound when min falls inside a band). undefined when the table has no band of that room;
 * null when a band that counts is blank.
 */
export function roomsOfAtLeast(
  value: (key: RoomSizeKey) => number | null | undefined,
  room: "music" | "art",
  min: number
): number | null | undefined {
  const bands = ROOM_SIZE_BANDS.filter((b) => b.room === room);
  if (bands.every((b) => value(b.key) === undefined)) return undefined;
  let n = 0;
  for (const b of bands) {
    if (b.low < min) continue;
    const v = value(b.key);
    if (v === null || v === undefined) return null;
    n += v;
  }
  return n;
}

/** 政府保障程度 item 3 from school rows (standards.md §10); only run when the columns exist. */
export const SPECIAL_ROOMS = {
  id: "special-rooms",
  codes: ["music-art-rooms"],
  file: "checks/specialRooms.ts",
  rule: "music and art rooms: max(1, ⌈classes ÷ 12⌉) rooms of at least the minimum area each",
} as const satisfies CheckDeclaration;
type Codes = (typeof SPECIAL_ROOMS.codes)[number];

/** Fills `checks` (the school's SchoolResult.checks) and raises a finding when the rule is not met. */
export function checkSpecialRooms(
  part: SchoolPart,
  checks: NonNullable<SchoolResult["checks"]>,
  settings: CheckSettings,
  findings: CheckSink<Codes>,
  firstPartOfRecord: boolean
): void {
  const { limits } = settings;
  const name = part.record.name;
  const sheet = part.record.sheet;

  if (settings.standard.schoolChecks.includes("music_art_rooms") && firstPartOfRecord) {
    const classes = part.facts.classes;
    // Without 班级数 neither room can be judged: return before the list of rooms is made (every school of a
    // county without the column passes here).
    if (!classes || classes.value === null) return;
    for (const [key, areaKey, minArea, room] of [
      ["music_rooms", "music_room_area", limits.musicRoomMinArea, "music"],
      ["art_rooms", "art_room_area", limits.artRoomMinArea, "art"],
    ] as const) {
      // Our reading (not confirmed): max(1, ceil(classes ÷ 12)) rooms; 0 rooms fails.
      const required = Math.max(1, Math.ceil(classes.value / limits.classesPerSpecialRoom));
      // Rooms counted by their own area (§17.3): the rooms of the minimum size, no average of areas.
      const sized = roomsOfAtLeast((k) => part.facts[k]?.value, room, minArea);
      if (sized !== undefined) {
        if (sized === null) continue;
        const meets = sized >= required;
        checks[key] = { value: sized, limit: required, meets };
        const cell = ROOM_SIZE_BANDS.map((b) => part.facts[b.key]).find((q) => q)?.cell ?? null;
        if (!meets)
          findings.add(
            "music-art-rooms",
            { sheet, cell, school: name, stage: part.stage },
            {
              room,
              rooms: sized,
              classes: classes.value,
              required,
              classesPerRoom: limits.classesPerSpecialRoom,
              roomsOfAtLeast: minArea,
            }
          );
        continue;
      }
      const rooms = part.facts[key];
      if (!rooms || rooms.value === null) continue;
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
}
