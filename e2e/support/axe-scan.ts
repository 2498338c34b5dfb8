// An axe-core scan of what the page shows now, as the accessibility audit ran it: WCAG 2.1 A/AA and best practice.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** One line per node that breaks a rule of the given impacts: `screen: rule (impact) at selector: summary`. */
export async function axeViolations(
  page: Page,
  screen: string,
  impacts: ReadonlyArray<string> = ['serious', 'critical'],
): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations
    .filter((v) => impacts.includes(v.impact ?? ''))
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${screen}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? v.help}`,
      ),
    );
}
