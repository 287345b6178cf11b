/**
 * 「请确认识别结果」: what table detection found in each sheet — field → column (header, unit, where the unit came
 * from), the sheet's stage, the rows skipped and why — with drop-downs to correct a field, a unit or a stage.
 * Every correction is saved through host.saveOverrides and the check re-runs on the values already read.
 */
import * as React from "react";
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  Option,
  ToggleButton,
} from "@fluentui/react-components";
import { FindingLine } from "../Results/ResultsView";
import { StandardPicker } from "../Sidebar/StandardPicker";
import { useCommonStyles } from "../common/useCommonStyles";
import type { SidebarActions, SidebarState } from "../Sidebar/useSidebar";
import { useMappingData, type FieldOption, type MappedColumn, type TableView } from "./useMapping";
import { useMappingStyles } from "./useMappingStyles";
import { fieldLabel } from "../labels";

interface Props {
  state: SidebarState;
  actions: SidebarActions;
}

export function MappingView({ state, actions }: Props): React.JSX.Element | null {
  if (!state.result) return null;
  return <Mapping state={state} actions={actions} result={state.result} />;
}

function Mapping({
  state,
  actions,
  result,
}: Props & { result: NonNullable<SidebarState["result"]> }): React.JSX.Element {
  const { t } = state;
  const s = useMappingStyles();
  const c = useCommonStyles();
  const data = useMappingData(result, state.overrides, state.lang);
  return (
    <>
      <h2 className={c.sectionTitle} tabIndex={-1} data-autofocus="">
        {t.mappingTitle}
      </h2>
      {data.issues.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="mapping-issues">
          <MessageBarBody>
            <MessageBarTitle>{t.mappingIssues(data.issues.length)}</MessageBarTitle>
          </MessageBarBody>
        </MessageBar>
      )}
      <p className={c.secondary}>
        {t.mappingIntro}
        {t.mappingSavedWhere[state.hostKind]}
      </p>
      {state.notice && (
        <MessageBar intent={state.notice.intent} role="status">
          <MessageBarBody>{state.notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <StandardPicker state={state} actions={actions} />
      {data.tables.map((tb) => (
        <TableCard
          key={tb.sheet}
          table={tb}
          options={data.fieldOptions}
          state={state}
          actions={actions}
        />
      ))}
      <div className={s.buttons}>
        <Button appearance="primary" onClick={() => actions.show("results")}>
          {t.mappingContinue}
        </Button>
      </div>
    </>
  );
}

function TableCard({
  table,
  options,
  state,
  actions,
}: {
  table: TableView;
  options: FieldOption[];
  state: SidebarState;
  actions: SidebarActions;
}): React.JSX.Element {
  const { t } = state;
  const s = useMappingStyles();
  const c = useCommonStyles();
  const stageValue = table.stage ?? "auto";
  const stageLabel = table.stage ? t.stage[table.stage] : t.mappingStageAuto;
  return (
    <section className={s.card} aria-label={t.mappingSheet(table.sheet)} data-sheet={table.sheet}>
      <div className={s.cardHead}>
        <h3 className={s.sheetName}>{t.mappingSheet(table.sheet)}</h3>
        {table.corrected && (
          <Button size="small" appearance="subtle" onClick={() => actions.resetSheet(table.sheet)}>
            {t.mappingReset}
          </Button>
        )}
      </div>
      <span className={c.secondary}>
        {t.mappingHeaderRows(table.headerRows, table.firstDataRow)}
      </span>
      {table.issues.map((f, i) => (
        <FindingLine key={i} finding={f} state={state} onSelect={actions.select} />
      ))}
      {table.unmappedKeys.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="unmapped">
          <MessageBarBody>
            {t.mappingUnmapped}{" "}
            <strong>{table.unmapped.join(state.lang === "zh-CN" ? "、" : ", ")}</strong>
            <div className={c.secondary}>{t.mappingWhereIsHint}</div>
            {table.unmappedKeys.map((u) => (
              <Field
                key={u.key}
                label={t.mappingWhereIs(u.label)}
                size="small"
                className={s.stageField}
                data-field={u.key}
              >
                <Dropdown
                  size="small"
                  placeholder={t.mappingPickColumn}
                  onOptionSelect={(_e, d) =>
                    d.optionValue && actions.setColumnField(table.sheet, d.optionValue, u.key)
                  }
                >
                  {table.allColumns.map((col) => (
                    <Option
                      key={col.letter}
                      value={col.letter}
                      text={`${col.letter} ${col.header}`}
                    >
                      {`${col.letter} · ${col.header}`}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {table.stageSchools.length > 0 && (
        <SchoolStages table={table} state={state} actions={actions} />
      )}
      <Field label={t.mappingStage} size="small" className={s.stageField}>
        <Dropdown
          size="small"
          value={stageLabel}
          selectedOptions={[stageValue]}
          onOptionSelect={(_e, d) =>
            actions.setSheetStage(
              table.sheet,
              d.optionValue === "primary" || d.optionValue === "junior" ? d.optionValue : null
            )
          }
        >
          <Option value="auto">{t.mappingStageAuto}</Option>
          <Option value="primary">{t.stage.primary}</Option>
          <Option value="junior">{t.stage.junior}</Option>
        </Dropdown>
      </Field>

      <h4 className={s.subTitle}>{t.mappingColumns(table.columns.length)}</h4>
      <div role="list">
        {table.columns.map((col) => (
          <ColumnRow
            key={col.letter + col.key}
            sheet={table.sheet}
            col={col}
            options={options}
            state={state}
            actions={actions}
          />
        ))}
      </div>

      {table.unknown.length > 0 && (
        <>
          <h4 className={s.subTitle}>{t.mappingUnknown(table.unknown.length)}</h4>
          <div role="list">
            {table.unknown.map((u) => (
              <div key={u.letter} className={s.column} role="listitem" data-column={u.letter}>
                <span className={s.letter}>{u.letter}</span>
                <FieldDropdown
                  sheet={table.sheet}
                  letter={u.letter}
                  value=""
                  header={u.header}
                  options={options}
                  state={state}
                  actions={actions}
                />
                <span />
                <span className={s.header}>{u.header}</span>
              </div>
            ))}
          </div>
        </>
      )}

      {table.skipped.length > 0 && (
        <>
          <h4 className={s.subTitle}>{t.mappingSkipped(table.skipped.length)}</h4>
          <ul className={s.skipped}>
            {table.skipped.map((r) => (
              <li key={r.row}>
                {t.skippedRow(r.row, r.label, t.skippedReason[r.reason] ?? r.reason)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** 「为学校选择学段」: one row per school the check could not place, three toggle buttons each. */
function SchoolStages({
  table,
  state,
  actions,
}: {
  table: TableView;
  state: SidebarState;
  actions: SidebarActions;
}): React.JSX.Element {
  const { t } = state;
  const s = useMappingStyles();
  const c = useCommonStyles();
  const choices = ["primary", "junior", "nine-year"] as const;
  return (
    <section
      className={s.schoolStages}
      aria-labelledby={`jh-stages-${table.sheet}`}
      data-testid="school-stages"
    >
      <h4 id={`jh-stages-${table.sheet}`} className={s.subTitle}>
        {t.mappingSchoolStages(table.stageSchools.length)}
      </h4>
      <span className={c.secondary}>{t.mappingSchoolStagesHint}</span>
      {table.stageSchools.map((sc) => (
        <div key={sc.name} className={s.schoolStageRow} data-school={sc.name}>
          <span className={s.schoolStageName}>{sc.name}</span>
          <div role="group" aria-label={sc.name} className={s.schoolStageButtons}>
            {choices.map((ch) => (
              <ToggleButton
                key={ch}
                size="small"
                checked={sc.chosen === ch}
                onClick={() =>
                  actions.setSchoolStage(table.sheet, sc.name, sc.chosen === ch ? null : ch)
                }
              >
                {t.schoolStageChoice[ch]}
              </ToggleButton>
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}

function ColumnRow({
  sheet,
  col,
  options,
  state,
  actions,
}: {
  sheet: string;
  col: MappedColumn;
  options: FieldOption[];
  state: SidebarState;
  actions: SidebarActions;
}): React.JSX.Element {
  const { t } = state;
  const s = useMappingStyles();
  const inferred = col.unitSource === "inferred";
  return (
    <div className={s.column} role="listitem" data-column={col.letter} data-key={col.key}>
      <span className={s.letter}>{col.letter}</span>
      <FieldDropdown
        sheet={sheet}
        letter={col.letter}
        value={col.key}
        header={col.header}
        options={options}
        state={state}
        actions={actions}
      />
      {col.units.length > 0 ? (
        <Dropdown
          size="small"
          className={s.unit}
          aria-label={`${t.mappingUnit} ${col.letter}`}
          value={col.unit ?? ""}
          selectedOptions={col.unit ? [col.unit] : []}
          onOptionSelect={(_e, d) =>
            d.optionValue && actions.setColumnUnit(sheet, col.letter, d.optionValue)
          }
        >
          {col.units.map((u) => (
            <Option key={u} value={u}>
              {u}
            </Option>
          ))}
        </Dropdown>
      ) : (
        <span />
      )}
      <span className={s.header}>
        {col.header}
        {col.unit && (
          <span className={mergeClasses(inferred && s.inferred)}>
            {" · "}
            {t.unitLine(col.unit, col.unitSource ? t.unitSource[col.unitSource] : "")}
            {inferred && ` ${t.unitInferredWarn}`}
          </span>
        )}
      </span>
    </div>
  );
}

function FieldDropdown({
  sheet,
  letter,
  value,
  header,
  options,
  state,
  actions,
}: {
  sheet: string;
  letter: string;
  value: string;
  header: string;
  options: FieldOption[];
  state: SidebarState;
  actions: SidebarActions;
}): React.JSX.Element {
  const { t } = state;
  const s = useMappingStyles();
  const all =
    options.some((o) => o.value === value) || value === ""
      ? options
      : [{ value, label: fieldLabel(value, state.lang) }, ...options];
  const label = value === "" ? t.mappingIgnore : fieldLabel(value, state.lang);
  return (
    <Dropdown
      size="small"
      className={s.dropdown}
      aria-label={`${t.mappingField} ${letter} ${t.paren(header)}`}
      value={label}
      selectedOptions={[value]}
      onOptionSelect={(_e, d) => {
        if (d.optionValue !== undefined && d.optionValue !== value)
          actions.setColumnField(sheet, letter, d.optionValue);
      }}
    >
      <Option value="">{t.mappingIgnore}</Option>
      {all.map((o) => (
        <Option key={o.value} value={o.value}>
          {o.label}
        </Option>
      ))}
    </Dropdown>
  );
}
