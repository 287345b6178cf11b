/**
 * 「评估标准」: what the CLI's --standard and --profile do, in the pane — 2017 优质均衡 or 2012 基本均衡, and a
 * province profile file (JSON, docs/profiles.md) read on this computer. A change re-checks at once on the values
 * already read.
 */
import * as React from "react";
import { Button, ToggleButton } from "@fluentui/react-components";
import type { StandardId } from "../../standards/types";
import { useCommonStyles } from "../common/useCommonStyles";
import type { SidebarActions, SidebarState } from "./useSidebar";
import { useSidebarStyles } from "./useSidebarStyles";

const IDS: StandardId[] = ["quality-2017", "basic-2012"];

/** A picked file's text (FileReader where Blob.text is missing: older embedded browsers). */
function readText(f: File): Promise<string> {
  if (typeof f.text === "function") return f.text();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error("read failed"));
    r.readAsText(f);
  });
}

export function StandardPicker({
  state,
  actions,
}: {
  state: SidebarState;
  actions: SidebarActions;
}): React.JSX.Element {
  const { t, standard } = state;
  const s = useSidebarStyles();
  const c = useCommonStyles();
  const input = React.useRef<HTMLInputElement | null>(null);
  return (
    <section className={s.stack} aria-labelledby="jh-standard" data-testid="standard-picker">
      <h2 id="jh-standard" className={c.sectionTitle}>
        {t.standardTitle}
      </h2>
      <div role="group" aria-labelledby="jh-standard" className={s.row}>
        {IDS.map((id) => (
          <ToggleButton
            key={id}
            size="small"
            checked={standard.id === id && !standard.profile}
            disabled={standard.profile !== null}
            onClick={() => actions.setStandard(id)}
          >
            {t.standardName[id]}
          </ToggleButton>
        ))}
      </div>
      <div className={s.row}>
        <Button size="small" onClick={() => input.current?.click()}>
          {t.profileLoad}
        </Button>
        {standard.profile && (
          <>
            <span className={c.secondary} data-testid="profile-name">
              {t.profileInUse(standard.profile, t.standardName[standard.id])}
            </span>
            <Button size="small" appearance="subtle" onClick={() => actions.setProfile(null)}>
              {t.profileRemove}
            </Button>
          </>
        )}
      </div>
      <input
        ref={input}
        className={s.hiddenInput}
        type="file"
        accept=".json,application/json"
        aria-label={t.profileLoad}
        data-testid="profile-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void readText(f).then((text) => actions.setProfile({ name: f.name, text }));
          e.target.value = "";
        }}
      />
    </section>
  );
}
