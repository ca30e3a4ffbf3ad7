package io.paperstream.processor.normalize;

import static io.paperstream.processor.normalize.TextNormalizer.replace;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LaTeX-ish markup as the typeset text would read: escapes, citations, accents, text macros,
 * inline math, quotes, ties and dashes ({@link TextNormalizer} lists each rule). The caller has
 * protected URLs beforehand. Stateless and thread-safe.
 */
final class LatexText {

  private static final char ESCAPED_OPEN_BRACE = '\uE010';
  private static final char ESCAPED_CLOSE_BRACE = '\uE011';
  private static final char ESCAPED_DOLLAR = '\uE012';
  private static final Pattern LINE_BREAK = Pattern.compile("\\\\\\\\");
  // Starts only where a run of spaces and ties starts, and takes it whole: retried inside a
  // run of a million '~' it would cost quadratic time. Optional arguments hold no bracket and
  // are at most a few, so a string of "[]" cannot stack the engine's recursion.
  private static final Pattern CITATION = Pattern.compile(
      "(?<![\\s~])[\\s~]*+\\\\(?:cite[a-zA-Z]*+|ref|eqref|autoref|cref|Cref|label|footnote)\\*?"
          + "(?:\\[[^\\[\\]]*+]){0,4}+\\{[^{}]*+}");
  /** The {@code $\raise.17ex\hbox{$\scriptstyle\sim$}$} idiom for "about", as arXiv prints it. */
  // "\\d*\\.?\\d+" would split a long run of digits every way before failing: one reading only
  private static final Pattern RAISE = Pattern.compile("\\\\?raise\\s*+-?(?:\\d++(?:\\.\\d++)?|\\.\\d++)ex");
  /** Inline math; content that starts or ends with a space is a pair of prices, not math. */
  private static final Pattern INLINE_MATH = Pattern.compile("\\$([^$\\s](?:[^$]{0,78}[^$\\s])?)\\$");
  private static final Pattern SYMBOL_ACCENT = Pattern.compile(
      "\\\\(['`^\"~=.])\\s*(?:\\{\\s*(\\\\i|[A-Za-z])\\s*}|(\\\\i(?![A-Za-z])|[A-Za-z]))");
  private static final Pattern LETTER_ACCENT = Pattern.compile("\\\\([cvuHkrdb])\\s*\\{\\s*(\\\\i|[A-Za-z])\\s*}");
  private static final Map<String, Character> COMBINING = Map.ofEntries(
      Map.entry("'", '\u0301'), Map.entry("`", '\u0300'), Map.entry("^", '\u0302'),
      Map.entry("\"", '\u0308'), Map.entry("~", '\u0303'), Map.entry("=", '\u0304'),
      Map.entry(".", '\u0307'), Map.entry("c", '\u0327'), Map.entry("v", '\u030C'),
      Map.entry("u", '\u0306'), Map.entry("H", '\u030B'), Map.entry("k", '\u0328'),
      Map.entry("r", '\u030A'), Map.entry("d", '\u0323'), Map.entry("b", '\u0331'));
  /** Macros whose single argument is the visible text. */
  private static final Pattern TEXT_MACRO = Pattern.compile(
      "\\\\(?:text(?:bf|it|tt|sc|rm|sf|up|md|sl|normal)?|emph|underline|uline|url|nolinkurl|hbox|mbox|"
          + "math(?:rm|bf|it|sf|tt|cal|bb|frak|scr)|boldsymbol|bm|operatorname|ensuremath)\\s*\\{([^{}]*)}");
  /** The same with the backslash lost, as some pages print them ({@code textit{O}bstacles}). */
  private static final Pattern BARE_TEXT_MACRO = Pattern.compile(
      "(?<![A-Za-z\\\\])(?:text(?:bf|it|tt|sc)|emph)\\{([^{}]*)}");
  /** Any other macro with an argument: the argument is what is printed (colour, size, ...). */
  private static final Pattern OTHER_MACRO_WITH_ARGUMENT = Pattern.compile("\\\\[A-Za-z]++\\*?\\s*\\{([^{}]++)}");
  /** A bare macro; {@code \tool{}} is the usual spelling of a macro followed by a space. */
  private static final Pattern BARE_MACRO = Pattern.compile("\\\\([A-Za-z]+)\\*?(?:\\{})?");
  /** Spacing commands and discretionary hyphens: {@code \ } {@code \,} {@code \-} {@code \@}. */
  private static final Pattern SPACING = Pattern.compile("\\\\([ ,;:!@/-])");
  private static final Map<String, String> MACRO_TEXT = macroText();
  private static final Pattern BRACE = Pattern.compile("[{}]");
  private static final Pattern DOUBLE_QUOTED = Pattern.compile("``((?:(?!``)[^\"]){1,300}?)(?:''|\")");
  private static final Pattern SINGLE_QUOTED = Pattern.compile("`([^`'\\s][^`']{0,200}?)'(?![\\p{L}])");
  /**
   * A non-breaking {@code ~} between words, after punctuation ({@code e.g.,~SVD}, {@code Fig.~3})
   * or before a parenthesis ({@code Models~(LLMs)}).
   */
  private static final Pattern TIE = Pattern.compile(
      "(?<=\\p{L})~(?=[\\p{L}\\uE000])|(?<=[.,;:])~(?=[\\p{L}\\p{N}\\uE000])|(?<=[\\p{L}\\p{N}])~(?=[(\\[])");
  private static final Pattern DASHES = Pattern.compile("-+");

  private LatexText() {}

  /**
   * Each rule runs only when the text holds a character it needs (most abstracts hold no
   * backslash, dollar or brace at all): the regular expressions were the normalizer's cost.
   */
  static String toText(String text) {
    if (has(text, '\\')) {
      text = LINE_BREAK.matcher(text).replaceAll(" ");
      // escaped characters first, so that no later rule mistakes them for markup
      text = text.replace("\\{", String.valueOf(ESCAPED_OPEN_BRACE))
          .replace("\\}", String.valueOf(ESCAPED_CLOSE_BRACE))
          .replace("\\$", String.valueOf(ESCAPED_DOLLAR))
          .replace("\\%", "%").replace("\\&", "&").replace("\\_", "_").replace("\\#", "#");
      text = CITATION.matcher(text).replaceAll("");
    }
    if (text.contains("raise")) {
      text = RAISE.matcher(text).replaceAll("");
    }
    if (has(text, '$')) {
      text = replace(INLINE_MATH, text, m -> m.group(1));
    }
    if (has(text, '\\')) {
      text = replace(SYMBOL_ACCENT, text, m -> accented(m.group(1), m.group(2) != null ? m.group(2) : m.group(3)));
      text = replace(LETTER_ACCENT, text, m -> accented(m.group(1), m.group(2)));
    }
    // innermost first, so nested markup ({\bf \emph{x}}) unwinds in a few rounds
    for (int round = 0; round < 5 && has(text, '{'); round++) {
      String before = text;
      text = replace(TEXT_MACRO, text, m -> m.group(1));
      text = replace(BARE_TEXT_MACRO, text, m -> m.group(1));
      text = replace(OTHER_MACRO_WITH_ARGUMENT, text, m -> m.group(1));
      if (text.equals(before)) {
        break;
      }
    }
    if (has(text, '\\')) {
      text = replace(BARE_MACRO, text, m -> MACRO_TEXT.getOrDefault(m.group(1), m.group(1)));
      text = replace(SPACING, text, m -> m.group(1).equals(" ") || ",;:".contains(m.group(1)) ? " " : "");
    }
    if (has(text, '{') || has(text, '}')) {
      text = BRACE.matcher(text).replaceAll("");
    }
    if (has(text, '`')) {
      text = replace(DOUBLE_QUOTED, text, m -> "“" + m.group(1) + "”");
      text = text.replace("``", "“");
    }
    text = text.replace("''", "”");
    if (has(text, '`')) {
      text = replace(SINGLE_QUOTED, text, m -> "‘" + m.group(1) + "’");
    }
    if (has(text, '~')) {
      text = TIE.matcher(text).replaceAll(" ");
    }
    if (text.contains("--")) {
      text = dashes(text);
    }
    return text.replace(ESCAPED_OPEN_BRACE, '{').replace(ESCAPED_CLOSE_BRACE, '}').replace(ESCAPED_DOLLAR, '$');
  }

  private static boolean has(String text, char c) {
    return text.indexOf(c) >= 0;
  }

  /** {@code --} and {@code ---} as dashes, except in arrows and command-line flags. */
  private static String dashes(String text) {
    Matcher m = DASHES.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      int length = m.end() - m.start();
      char before = m.start() > 0 ? text.charAt(m.start() - 1) : ' ';
      char after = m.end() < text.length() ? text.charAt(m.end()) : ' ';
      boolean arrow = before == '<' || before == '!' || after == '>';
      boolean flag = Character.isWhitespace(before) && Character.isLetter(after);
      String replacement = m.group();
      if ((length == 2 || length == 3) && !arrow && !flag) {
        replacement = length == 3 ? "—" : "–";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String accented(String accent, String letter) {
    String base = letter.startsWith("\\") ? "i" : letter; // \i is a dotless i, carrying the accent
    Character mark = COMBINING.get(accent);
    return mark == null ? base : base + mark;
  }

  /**
   * What bare macros print. Font switches print nothing; a few abbreviation macros that papers
   * define print their abbreviation; symbols and Greek letters print the character. Any macro not
   * listed prints its own name (a paper's {@code \tool} stands for its tool's name).
   */
  private static Map<String, String> macroText() {
    Map<String, String> m = new java.util.HashMap<>();
    for (String fontSwitch : List.of("it", "bf", "em", "emph", "sl", "sc", "tt", "rm", "sf", "itshape", "bfseries",
        "scshape", "ttfamily", "rmfamily", "sffamily", "upshape", "mdseries", "normalfont", "tiny",
        "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge",
        "scriptstyle", "textstyle", "displaystyle", "scriptscriptstyle", "noindent", "par", "newline",
        "xspace", "relax", "left", "right", "big", "Big", "bigl", "bigr", "quad", "qquad", "hfill",
        "vspace", "hspace", "centering", "protect", "limits", "nolimits")) {
      m.put(fontSwitch, "");
    }
    m.putAll(Map.of("ie", "i.e.", "eg", "e.g.", "etal", "et al.", "wrt", "w.r.t.", "vs", "vs.",
        "cf", "cf.", "etc", "etc.", "aka", "a.k.a.", "resp", "resp."));
    m.putAll(Map.ofEntries(Map.entry("sim", "~"), Map.entry("approx", "≈"), Map.entry("times", "×"),
        Map.entry("pm", "±"), Map.entry("mp", "∓"), Map.entry("le", "≤"), Map.entry("leq", "≤"),
        Map.entry("ge", "≥"), Map.entry("geq", "≥"), Map.entry("ne", "≠"), Map.entry("neq", "≠"),
        Map.entry("ll", "≪"), Map.entry("gg", "≫"), Map.entry("to", "→"), Map.entry("rightarrow", "→"),
        Map.entry("Rightarrow", "⇒"), Map.entry("leftarrow", "←"), Map.entry("gets", "←"),
        Map.entry("leftrightarrow", "↔"), Map.entry("infty", "∞"), Map.entry("cdot", "·"),
        Map.entry("ldots", "…"), Map.entry("dots", "…"), Map.entry("cdots", "…"), Map.entry("in", "∈"),
        Map.entry("propto", "∝"), Map.entry("circ", "°"), Map.entry("degree", "°"),
        Map.entry("textasciitilde", "~"), Map.entry("textdegree", "°"), Map.entry("S", "§"),
        Map.entry("ss", "ß"), Map.entry("o", "ø"), Map.entry("O", "Ø"), Map.entry("ae", "æ"),
        Map.entry("AE", "Æ"), Map.entry("aa", "å"), Map.entry("AA", "Å"), Map.entry("l", "ł"),
        Map.entry("L", "Ł"), Map.entry("oe", "œ"), Map.entry("i", "i"), Map.entry("LaTeX", "LaTeX"),
        Map.entry("TeX", "TeX")));
    String[] greek = {"alpha", "α", "beta", "β", "gamma", "γ", "delta", "δ", "epsilon", "ε", "varepsilon", "ε",
        "zeta", "ζ", "eta", "η", "theta", "θ", "vartheta", "ϑ", "iota", "ι", "kappa", "κ", "lambda", "λ",
        "mu", "μ", "nu", "ν", "xi", "ξ", "pi", "π", "rho", "ρ", "sigma", "σ", "tau", "τ", "upsilon", "υ",
        "phi", "φ", "varphi", "φ", "chi", "χ", "psi", "ψ", "omega", "ω", "Gamma", "Γ", "Delta", "Δ",
        "Theta", "Θ", "Lambda", "Λ", "Xi", "Ξ", "Pi", "Π", "Sigma", "Σ", "Phi", "Φ", "Psi", "Ψ",
        "Omega", "Ω"};
    for (int i = 0; i < greek.length; i += 2) {
      m.put(greek[i], greek[i + 1]);
    }
    return Map.copyOf(m);
  }
}
