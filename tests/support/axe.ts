// Accessibility checks with axe-core in the page under test. The app's CSP
// refuses injected scripts, so the page's context must be made with
// `bypassCSP: true` (signedInContext's option).
import axe from "axe-core";
import type { Page } from "playwright-core";

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * The serious and critical axe violations on the page as it is now, one
 * line each ("rule: help (selectors)"); empty when there are none.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    // deno-lint-ignore no-explicit-any
    const run = (globalThis as any).axe.run as (
      context: Document,
      options: unknown,
    ) => Promise<{ violations: AxeViolation[] }>;
    const result = await run(document, { resultTypes: ["violations"] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) =>
      `${v.id}: ${v.help} (${
        v.nodes.map((n) => n.target.join(" ")).join(", ")
      })`
    );
}
