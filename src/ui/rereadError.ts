/**
 * The host cannot read the workbook again (the browser page without a File System Access handle, after the file
 * changed on disk): the pane asks the user to pick the file again instead of checking stale values.
 */
export class RereadError extends Error {
  constructor(readonly fileName: string) {
    super(`cannot read ${fileName} again`);
    this.name = "RereadError";
  }
}
