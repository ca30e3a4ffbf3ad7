package io.paperstream.processor.topology;

import io.paperstream.schemas.Paper;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The paper index: a store beside the papers store (same partitions, same task) whose sorted keys
 * answer "the newest papers", optionally of one keyword or within dates, by reading a few keys
 * instead of every paper. The key layout lives here only; the query side builds its ranges with
 * the methods below.
 *
 * <ul>
 *   <li>{@code d␀<order>} → paper id, for every paper;
 *   <li>{@code k␀<keyword>␀<order>} → paper id, for every keyword of a paper;
 *   <li>{@code a␀<author>␀<order>} → paper id, for each of the first {@value #MAX_AUTHORS} authors
 *       of a paper (the name lower-cased, spaces collapsed: {@link #authorList});
 *   <li>{@code u␀<listing date>␀<listing order>} → paper id, for every paper with a date: the
 *       listings by day, week and month ({@link #listingOrderKey});
 *   <li>{@code n␀<published date>} → number of papers of that date (decimal);
 *   <li>{@code f␀<keyword>} → number of papers with that keyword (decimal): its document
 *       frequency on these partitions, which weighs keywords for related papers;
 *   <li>{@code v␀} → the number of paper changes the index holds (decimal): compared at start
 *       with the same number kept, with a changelog, in {@link #VERSION_STORE}
 *       ({@link PaperIndexRebuild}).
 * </ul>
 *
 * <p>The store has no changelog: everything in it follows from the papers store, and it is
 * rebuilt from that store whenever the two numbers differ.
 *
 * {@code <order>} is {@code <published date>␀<first seen, epoch ms, 13 digits>␀<paper id>}: keys
 * sort oldest first, so a reverse range gives the newest first. A paper without a published date
 * sorts as {@value #NO_DATE}, before every real date. ␀ is U+0000, which normalized text never
 * holds, so a keyword or id cannot be confused with the separator.
 */
public final class PaperIndex {

  /** The store's name (String → String). */
  public static final String STORE = "paper-index";
  /**
   * The name of the store (String → Long, logged) that counts, per task, the paper changes that
   * moved a key of the index: the version of the papers store the index must describe.
   */
  public static final String VERSION_STORE = "paper-index-version";
  /** The date of papers that have none, in order keys and counts. */
  public static final String NO_DATE = "0000-00-00";

  /** Authors of a paper that get a key: a list of thousands of names would cost a key each. */
  public static final int MAX_AUTHORS = 200;

  static final char SEP = '\u0000';
  // one past the separator: the upper bound of every key that starts with a prefix ending in SEP
  private static final char AFTER_SEP = '\u0001';
  private static final String BY_DATE = "d" + SEP;
  private static final String BY_KEYWORD = "k" + SEP;
  private static final String COUNT = "n" + SEP;
  private static final String FREQUENCY = "f" + SEP;
  private static final String BY_AUTHOR = "a" + SEP;
  private static final String LISTING = "u" + SEP;
  /** The index's own version; outside every range a query reads. */
  static final String VERSION = "v" + SEP;
  private static final long MOST_UPVOTES = 9_999_999_999L;
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private PaperIndex() {}

  /** Where a paper sorts: published date, then first seen, then id. */
  public static String orderKey(Paper paper) {
    return dateOf(paper) + SEP + firstSeen(paper) + SEP + paper.getPaperId();
  }

  /** The paper id at the end of an order key. */
  public static String paperIdOf(String orderKey) {
    return orderKey.substring(orderKey.indexOf(SEP, orderKey.indexOf(SEP) + 1) + 1);
  }

  /** Whether {@code text} has the shape of an order key (a cursor a client sends back). */
  public static boolean isOrderKey(String text) {
    int first = text.indexOf(SEP);
    int second = first < 0 ? -1 : text.indexOf(SEP, first + 1);
    return first == NO_DATE.length() && second == first + 14 && second < text.length() - 1;
  }

  /** The lowest key of papers (of {@code keyword} when not null) published from {@code from} on. */
  public static String lower(String keyword, LocalDate from) {
    return prefix(keyword) + (from == null ? "" : from.toString());
  }

  /** The highest key of papers (of {@code keyword}) published up to {@code to} (every date when null). */
  public static String upper(String keyword, LocalDate to) {
    return to == null ? prefix(keyword).substring(0, prefix(keyword).length() - 1) + AFTER_SEP
        : prefix(keyword) + to + AFTER_SEP;
  }

  /** The index key of an order key within the papers (of {@code keyword} when not null). */
  public static String key(String keyword, String orderKey) {
    return prefix(keyword) + orderKey;
  }

  /** The order key within an index key of the papers (of {@code keyword}). */
  public static String orderKeyOf(String keyword, String indexKey) {
    return indexKey.substring(prefix(keyword).length());
  }

  /**
   * The list of an author's papers, to pass where a keyword is asked for ({@link #lower},
   * {@link #upper}, {@link #key}, {@link #orderKeyOf}): the name lower-cased, spaces collapsed.
   * It starts with the separator, which no keyword holds, so the two kinds of list never meet.
   */
  public static String authorList(String author) {
    return SEP + SPACES.matcher(author.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  /**
   * The date a paper is listed under, as the site's daily, weekly and monthly listings do: the
   * day a digest featured it, else its published date; null for neither.
   */
  public static LocalDate listingDate(Paper paper) {
    return paper.getFeaturedDate() != null ? paper.getFeaturedDate() : paper.getPublishedDate();
  }

  /** Where a paper sorts within a listing: most upvotes first, then first seen, then id. */
  public static String listingOrderKey(Paper paper) {
    long upvotes = paper.getUpvotes() == null ? 0 : Math.max(0, paper.getUpvotes());
    return zeroPadded(MOST_UPVOTES - upvotes, 10) + SEP + firstSeen(paper) + SEP + paper.getPaperId();
  }

  /** Whether {@code text} has the shape of a listing order key (a cursor a client sends back). */
  public static boolean isListingOrderKey(String text) {
    int first = text.indexOf(SEP);
    int second = first < 0 ? -1 : text.indexOf(SEP, first + 1);
    return first == 10 && second == first + 14 && second < text.length() - 1;
  }

  /** The lowest listing key of papers listed from {@code from} on. */
  public static String listingLower(LocalDate from) {
    return LISTING + from;
  }

  /** The highest listing key of papers listed up to {@code to}. */
  public static String listingUpper(LocalDate to) {
    return LISTING + to + AFTER_SEP;
  }

  /** The listing order key within a listing key. */
  public static String listingOrderKeyOf(String listingKey) {
    return listingKey.substring(LISTING.length() + NO_DATE.length() + 1);
  }

  public static String countsLower() {
    return COUNT;
  }

  public static String countsUpper() {
    return "n" + AFTER_SEP;
  }

  /** The date of a count key ({@value #NO_DATE} for papers without one). */
  public static String dateOfCount(String countKey) {
    return countKey.substring(COUNT.length());
  }

  /** The key of the number of papers with {@code keyword}. */
  public static String frequencyKey(String keyword) {
    return FREQUENCY + keyword;
  }

  /** The keys of every keyword a paper has (none for null). */
  static Set<String> frequencyKeys(Paper paper) {
    Set<String> keys = new HashSet<>();
    if (paper != null) {
      paper.getKeywords().forEach(keyword -> keys.add(frequencyKey(keyword)));
    }
    return keys;
  }

  static String countKey(Paper paper) {
    return COUNT + dateOf(paper);
  }

  /**
   * Whether two records of a paper have the same keys and counts: what the keys are made of
   * (dates, first seen, upvotes, keywords, authors) is equal. A re-polled paper usually is.
   */
  static boolean sameKeys(Paper before, Paper after) {
    return before != null && after != null
        && before.getPaperId().equals(after.getPaperId())
        && Objects.equals(before.getPublishedDate(), after.getPublishedDate())
        && Objects.equals(before.getFeaturedDate(), after.getFeaturedDate())
        && before.getFirstSeen().equals(after.getFirstSeen())
        && Objects.equals(before.getUpvotes(), after.getUpvotes())
        && before.getKeywords().equals(after.getKeywords())
        && before.getAuthors().equals(after.getAuthors());
  }

  /** Every list key of a paper (none for null). */
  static Set<String> listKeys(Paper paper) {
    Set<String> keys = new HashSet<>();
    if (paper == null) {
      return keys;
    }
    String order = orderKey(paper);
    keys.add(key(null, order));
    for (String keyword : paper.getKeywords()) {
      keys.add(key(keyword, order));
    }
    int authors = 0;
    for (String name : paper.getAuthors()) {
      if (authors == MAX_AUTHORS) {
        break;
      }
      if (!name.isBlank()) {
        keys.add(key(authorList(name), order));
        authors++;
      }
    }
    LocalDate listed = listingDate(paper);
    if (listed != null) {
      keys.add(LISTING + listed + SEP + listingOrderKey(paper));
    }
    return keys;
  }

  private static String prefix(String list) {
    if (list == null) {
      return BY_DATE;
    }
    return list.charAt(0) == SEP ? BY_AUTHOR + list.substring(1) + SEP : BY_KEYWORD + list + SEP;
  }

  private static String firstSeen(Paper paper) {
    return zeroPadded(Math.max(0, paper.getFirstSeen().toEpochMilli()), 13);
  }

  // String.format's parsing was a fifth of the indexer's time in a profile; keys are built per change
  private static String zeroPadded(long value, int digits) {
    String text = Long.toString(value);
    return text.length() >= digits ? text : "0".repeat(digits - text.length()) + text;
  }

  private static String dateOf(Paper paper) {
    return paper.getPublishedDate() == null ? NO_DATE : paper.getPublishedDate().toString();
  }
}
