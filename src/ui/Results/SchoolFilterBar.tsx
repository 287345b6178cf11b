/** Search, filters and order for the school list (src/ui/schoolFilter.ts): native controls, no popups. */
import * as React from "react";
import { Field, Input, Select } from "@fluentui/react-components";
import type { Lang, Report } from "../../engine/reportTypes";
import { indicatorShort } from "../../present/labels";
import type { Strings } from "../i18n";
import { townshipsOf, type SchoolFilter } from "../schoolFilter";
import { useResultsStyles } from "./useResultsStyles";

export function SchoolFilterBar({
  filter,
  onChange,
  report,
  t,
  lang,
  shown,
  total,
}: {
  filter: SchoolFilter;
  onChange: (f: SchoolFilter) => void;
  report: Report;
  t: Strings;
  lang: Lang;
  shown: number;
  total: number;
}): React.JSX.Element {
  const s = useResultsStyles();
  const set = (patch: Partial<SchoolFilter>): void => onChange({ ...filter, ...patch });
  // Only when the table has a 乡镇 column (the report names a 乡镇 for some school).
  const townships = React.useMemo(() => townshipsOf(report), [report]);
  return (
    <div className={s.filterBar} role="search" aria-label={t.filterLabel}>
      <Field label={t.filterSearch} size="small" className={s.filterSearch}>
        <Input
          size="small"
          type="search"
          value={filter.query}
          placeholder={t.filterSearchHint}
          onChange={(_e, d) => set({ query: d.value })}
          data-testid="school-search"
        />
      </Field>
      <Field label={t.filterStage} size="small">
        <Select
          size="small"
          value={filter.stage}
          onChange={(_e, d) => set({ stage: d.value as SchoolFilter["stage"] })}
        >
          <option value="all">{t.filterAll}</option>
          {report.standard.stages.map((st) => (
            <option key={st} value={st}>
              {t.stage[st]}
            </option>
          ))}
        </Select>
      </Field>
      {townships.length > 0 && (
        <Field label={t.filterTownship} size="small">
          <Select
            size="small"
            value={filter.township ?? ""}
            onChange={(_e, d) => set({ township: d.value === "" ? null : d.value })}
            data-testid="school-township"
          >
            {/* "" stands for every 乡镇: townshipsOf never lists an empty name. */}
            <option value="">{t.filterAll}</option>
            {townships.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={t.filterStatus} size="small">
        <Select
          size="small"
          value={filter.status}
          onChange={(_e, d) => set({ status: d.value as SchoolFilter["status"] })}
        >
          <option value="all">{t.filterAll}</option>
          <option value="fail">{t.schoolFail}</option>
          <option value="incomplete">{t.schoolIncomplete}</option>
        </Select>
      </Field>
      <Field label={t.filterIndicator} size="small">
        <Select
          size="small"
          value={filter.indicator}
          onChange={(_e, d) => set({ indicator: d.value })}
        >
          <option value="all">{t.filterAll}</option>
          {report.indicators.map((i) => (
            <option key={i.id} value={i.id}>
              {indicatorShort(i.id, lang)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.filterSort} size="small">
        <Select
          size="small"
          value={filter.sort}
          onChange={(_e, d) => set({ sort: d.value === "gap" ? "gap" : "row" })}
        >
          <option value="row">{t.sortRow}</option>
          <option value="gap">{t.sortGap}</option>
        </Select>
      </Field>
      <span className={s.filterCount} role="status" data-testid="school-count">
        {t.filterShown(shown, total)}
      </span>
    </div>
  );
}
