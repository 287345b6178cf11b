/** runCli with its output captured, as the CLI tests use it. */
import { runCli } from "../../src/cli/main";

export function run(args: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}
