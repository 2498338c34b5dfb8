// A live region speaks only when its text changes: a second copy of the same thing must read differently.
// https://www.w3.org/WAI/ARIA/apg/practices/live-regions/ (an unchanged region is not announced again)

/** The sentence to put in a live region that shows `previous`: the sentence, or, when it would repeat, "… again." */
export function freshAnnouncement(previous: string | undefined, sentence: string): string {
  return previous === sentence ? sentence.replace(/\.?$/, ' again.') : sentence;
}
