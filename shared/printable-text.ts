// Text from a user, a file or a service as a sentence may echo it: every control character escaped, so a refusal stays
// one line on a terminal and nothing in it can move the cursor, clear the screen or reorder the text around it.
// Escaped, not dropped: "\n" and "\x1b" show what was really typed. Runs in the core and in the window alike.

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// C0 and C1 controls and DEL (\p{Cc}), format characters such as the bidirectional overrides and zero-width spaces
// (\p{Cf}: https://www.unicode.org/reports/tr9/#Explicit_Directional_Embeddings), which can make a sentence read
// backwards or hide text, lone surrogates (\p{Cs}), and the line and paragraph separators.
const CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu;

/** `text` with every control character escaped: newline as \n, ESC as \x1b, U+2028 as \u2028. */
export function printable(text: string): string {
  return text.replace(CONTROL, (char) => {
    const named = NAMED[char];
    if (named) return named;
    const code = char.codePointAt(0) ?? 0;
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
