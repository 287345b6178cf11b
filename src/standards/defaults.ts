import { PolicyOptions, SchoolRowLimits } from "./types";

/** Product defaults, standards.md §2. Each is configurable; the report names the values used. */
export const DEFAULT_POLICY: PolicyOptions = {
  cvMethod: "weighted",
  splitMethod: "weights",
  // 九年一贯制 1 : 1.1, 十二年一贯制 1 : 1.1 : 1.32, 完全中学 1 : 1.2 (1.32 ÷ 1.1 = 1.2), standards.md §9.
  splitWeights: { primary: 1, junior: 1.1, senior: 1.32 },
  completeSecondarySeniorWeight: 1.2,
  teachingPointMinStudents: 50,
  subtractIndoorSports: true,
  inferUnits: true,
  mergeBranches: true,
  excludePrivate: false,
  tolerance: 1e-9,
  relaxations: "none",
  consolidationFormula: "retained",
  nearbyBasis: "enrolled",
  nearbyPairing: "stage",
  trainingFundsBase: "budget",
  includeHiddenSheets: false,
};

/** 政府保障程度 items 3–5 computable from school rows (standards.md §10, §13). */
export const DEFAULT_SCHOOL_ROW_LIMITS: SchoolRowLimits = {
  classSize: { primary: 45, junior: 50 },
  largeClassFrom: 56,
  veryLargeClassFrom: 66,
  schoolSize: { primary: 2000, junior: 2000 },
  throughTrainSchoolSize: 2500,
  classesPerSpecialRoom: 12,
  musicRoomMinArea: 96,
  artRoomMinArea: 90,
  specialFundsPerStudent: 6000,
  fundingBase: null,
};
