package io.paperstream.ingest.split;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds, in one streaming pass that keeps nothing of the entries, which array of a JSON object
 * holds the paper entries: a collector's wrapper ({@code {"data":[…]}}) or a page's hydration
 * props ({@code {date, dailyPapers:[…], …}}). Property names differ between pages and versions, so
 * an array is recognised by what it holds (objects with {@code paper}, or with {@code id} and
 * {@code title}) and, failing that, by a name known to hold entries. Arrays are numbered in the
 * order the walk meets them, so that a second pass can {@link #seek} the chosen one.
 */
final class EntryArrayScan {

  /**
   * What the scan found.
   *
   * @param arrayOrdinal the chosen array's number in walk order; -1 when none
   * @param elements how many elements it has
   * @param entryLike how many of them look like entries
   * @param rootIsEntry whether the object itself is one entry
   * @param date the ISO {@code date} (later pages: {@code dateString}) next to the array (or at the root)
   * @param error the syntax error the scan stopped at, if any
   */
  record Result(int arrayOrdinal, int elements, int entryLike, boolean rootIsEntry, LocalDate date,
      IOException error, String noEntriesReason, String excerpt) {

    boolean found() {
      return arrayOrdinal >= 0 || rootIsEntry;
    }
  }

  private static final Set<String> ENTRY_ARRAY_NAMES = Set.of(
      "dailypapers", "papers", "data", "results", "items", "entries", "hits", "recentpapers", "trendingpapers");

  /** Props nest the list one or two levels down at most; deeper arrays are someone else's data. */
  private static final int MAX_DEPTH = 4;

  private record Candidate(int ordinal, int depth, String holder, boolean knownName, int elements, int entryLike) {}

  private final List<Candidate> candidates = new ArrayList<>();
  private final Map<String, LocalDate> dates = new HashMap<>();
  private final List<String> rootKeys = new ArrayList<>();
  private String rootMessage;
  private boolean rootHasPaperObject;
  private boolean rootHasId;
  private boolean rootHasTitle;
  private int ordinal;

  private EntryArrayScan() {}

  static Result scan(JsonSource source, JsonFactory factory, int maxEntryChars) {
    EntryArrayScan scan = new EntryArrayScan();
    IOException error = null;
    try (JsonParser parser = source.open(factory)) {
      if (parser.nextToken() == JsonToken.START_OBJECT) {
        scan.walk(parser, "", 0);
      } else {
        return new Result(-1, 0, 0, false, null, null, "JSON holds no object with paper entries", null);
      }
    } catch (IOException e) {
      error = e;
    }
    return scan.result(error);
  }

  /** Moves a fresh parser (on the root's START_OBJECT) to the START_ARRAY of array {@code target}. */
  static void seek(JsonParser parser, int target) throws IOException {
    int[] next = {0};
    if (!seek(parser, 0, target, next)) {
      throw new IOException("the entries array was not found again (the page changed while read?)");
    }
  }

  private static boolean seek(JsonParser parser, int depth, int target, int[] next) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      JsonToken value = parser.nextToken();
      if (value == JsonToken.START_ARRAY) {
        if (next[0]++ == target) {
          return true;
        }
        parser.skipChildren();
      } else if (value == JsonToken.START_OBJECT) {
        if (depth + 1 < MAX_DEPTH) {
          if (seek(parser, depth + 1, target, next)) {
            return true;
          }
        } else {
          parser.skipChildren();
        }
      }
    }
    return false;
  }

  /** Walks the object the parser is on, in the same order as {@link #seek}. */
  private void walk(JsonParser parser, String path, int depth) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (depth == 0 && rootKeys.size() < 10) {
        rootKeys.add(name);
      }
      if (value == JsonToken.START_ARRAY) {
        int mine = ordinal++;
        int[] counts = countElements(parser);
        candidates.add(new Candidate(mine, depth, path, ENTRY_ARRAY_NAMES.contains(name.toLowerCase(Locale.ROOT)),
            counts[0], counts[1]));
      } else if (value == JsonToken.START_OBJECT) {
        if (depth == 0 && name.equals("paper")) {
          rootHasPaperObject = true;
        }
        if (depth + 1 < MAX_DEPTH) {
          walk(parser, path + "/" + name, depth + 1);
        } else {
          parser.skipChildren();
        }
      } else if (value == JsonToken.VALUE_STRING) {
        // later pages name the listing's date dateString ("2026-06-12"; "2026-W24" on a week is no date)
        if (name.equals("date") || name.equals("dateString")) {
          IsoDates.date(head(parser.getText())).ifPresent(date -> dates.putIfAbsent(path, date));
        }
        if (depth == 0 && rootMessage == null && (name.equals("error") || name.equals("message"))) {
          rootMessage = head(parser.getText());
        }
      }
      if (depth == 0) {
        rootHasId |= name.equals("id");
        rootHasTitle |= name.equals("title");
      }
    }
  }

  /** Elements and entry-like elements of the array the parser is on; leaves it on END_ARRAY. */
  private static int[] countElements(JsonParser parser) throws IOException {
    int elements = 0;
    int entryLike = 0;
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw new com.fasterxml.jackson.core.io.JsonEOFException(parser, null, "Unexpected end-of-input in an array");
      }
      elements++;
      if (token == JsonToken.START_OBJECT && looksLikeEntry(parser)) {
        entryLike++;
      } else {
        parser.skipChildren();
      }
    }
    return new int[] {elements, entryLike};
  }

  /** An object with {@code paper:{…}}, or with both {@code id} and {@code title}; reads it to its end. */
  private static boolean looksLikeEntry(JsonParser parser) throws IOException {
    boolean paper = false;
    boolean id = false;
    boolean title = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      paper |= name.equals("paper") && value == JsonToken.START_OBJECT;
      id |= name.equals("id");
      title |= name.equals("title");
      parser.skipChildren();
    }
    return paper || (id && title);
  }

  private Result result(IOException error) {
    boolean rootIsEntry = rootHasPaperObject || (rootHasId && rootHasTitle);
    Candidate best = null;
    for (Candidate c : candidates) {
      if (c.entryLike() > 0 && (best == null || c.entryLike() > best.entryLike()
          || (c.entryLike() == best.entryLike() && c.depth() < best.depth()))) {
        best = c;
      }
    }
    if (best == null) {
      for (Candidate c : candidates) {
        if (c.knownName() && (best == null || c.depth() < best.depth())) {
          best = c;
        }
      }
    }
    if (rootIsEntry) {
      // the object is itself one entry (a bare paper): its own arrays are its authors, keywords …
      return new Result(-1, 1, 1, true, null, error, null, null);
    }
    if (best == null) {
      return new Result(-1, 0, 0, false, null, error, noEntriesReason(), null);
    }
    LocalDate date = dates.getOrDefault(best.holder(), dates.get(""));
    return new Result(best.ordinal(), best.elements(), best.entryLike(), false, date, error, null, null);
  }

  private String noEntriesReason() {
    return "JSON object holds no array of paper entries (keys: " + String.join(", ", rootKeys) + ")"
        + (rootMessage != null ? "; it says: " + rootMessage : "");
  }

  private static String head(String text) {
    return text.length() > 200 ? text.substring(0, 200) : text;
  }
}
