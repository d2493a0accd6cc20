/**
 * "Alone" standing as its own sentence after a meeting is set: "ven al parking de detrás del mercadona. sola",
 * "kom na de stream naar buiten" … "wel alleen". Inside a sentence the lexicon reads "come alone" (secrecy); said on
 * its own it is the same condition, and only the same author's meeting gives it that sense (conversation-state.ts).
 */

const ALONE = /(?:^|[.!?,;:]\s*)((?:(?:but|and|aber|und|doch|maar|en|wel|pero|y|mais|et) )?(?:(?:come|kom|komm|ven|viens) )?(?:alone|alleen|allein|alleine|seul|seule|solo|sola|solita|solito)(?: (?:pls|please|ok|bitte|hoor|wel|hein|porfa|eh))?)[\s.!?\p{Extended_Pictographic}]*$/iu;

/** The span of a closing sentence that is only "alone" ("sola.", "wel alleen"), or undefined. */
export function aloneSaidAlone(text: string): { start: number; end: number } | undefined {
  const m = ALONE.exec(text);
  if (!m) return undefined;
  const start = m.index + m[0].indexOf(m[1]!);
  return { start, end: start + m[1]!.length };
}
