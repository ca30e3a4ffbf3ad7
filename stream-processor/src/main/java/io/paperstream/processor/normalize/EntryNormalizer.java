package io.paperstream.processor.normalize;

import io.paperstream.schemas.Paper;
import io.paperstream.schemas.PaperKeys;
import io.paperstream.schemas.RawEntry;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interprets one raw entry: what a page said becomes a one-sighting {@link Paper} record.
 *
 * <p>Rejects (with a {@link NormalizationException} saying why) what cannot be a paper: no
 * title, an arXiv id of no known form, an unreadable date, negative counts, a field over its
 * {@link FieldLimits limit}. Links that are not http(s) URLs are dropped ({@link HttpLinks}). Keywords are left
 * empty: enrichment fills them, from title, abstract and the page's own keywords, which are
 * carried over as given ({@code sourceKeywords}). The page's AI summary ({@code aiSummary}) is
 * normalized like the abstract. Stateless and thread-safe.
 */
public final class EntryNormalizer {

  private static final String ARXIV_ABS = "https://arxiv.org/abs/";

  /** What pages wrap ids in: {@code arXiv:}, an abs or pdf URL, a {@code .pdf} suffix. */
  private static final Pattern ARXIV_WRAPPING = Pattern.compile(
      "(?i)^(?:arxiv:\\s*|(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/)|(?:\\.pdf)$");
  /** Since April 2007: {@code YYMM.NNNN} until 2014, {@code YYMM.NNNNN} from 2015, optional version. */
  private static final Pattern NEW_STYLE = Pattern.compile("(\\d{2})(\\d{2})\\.(\\d{4,5})(?:v\\d+)?");
  /** Until March 2007: {@code archive(.SUBJECT)/YYMMNNN}, e.g. {@code hep-th/9901001}, {@code math.GT/0309136}. */
  private static final Pattern OLD_STYLE = Pattern.compile(
      "([a-z]+(?:-[a-z]+)*)(\\.[A-Za-z]{2})?/(\\d{2})(\\d{2})(\\d{3})(?:v\\d+)?");
  private static final Pattern VERSION = Pattern.compile("v\\d+$");

  private final FieldLimits limits = new FieldLimits();
  private final TextNormalizer text;
  private final DateResolver dates;
  private final CodeLinks codeLinks;

  public EntryNormalizer() {
    this(new TextNormalizer(), new DateResolver(), new CodeLinks());
  }

  public EntryNormalizer(TextNormalizer text, DateResolver dates, CodeLinks codeLinks) {
    this.text = text;
    this.dates = dates;
    this.codeLinks = codeLinks;
  }

  /**
   * The paper record of one sighting.
   *
   * @throws NormalizationException when the entry cannot be a paper; the message says why
   */
  public Paper normalize(RawEntry entry) throws NormalizationException {
    // before any text work: the work per record must stay bounded whatever a producer wrote
    limits.check(entry);
    String title = text.normalize(entry.getTitle());
    if (title == null || title.isBlank()) {
      throw new NormalizationException("entry has no title");
    }
    String abstractText = blankToNull(text.normalize(entry.getAbstract$()));
    String aiSummary = blankToNull(text.normalize(entry.getAiSummary()));
    String arxivId = arxivId(entry.getArxivId());
    List<String> authors = authors(entry.getAuthors());
    LocalDate fetchDate = entry.getFetchedAt().atOffset(ZoneOffset.UTC).toLocalDate();
    return Paper.newBuilder()
        .setPaperId(PaperKeys.provisionalKey(arxivId, title))
        .setArxivId(arxivId)
        .setTitle(title)
        .setAbstract$(abstractText)
        .setAuthors(authors)
        .setAuthorCount(authorCount(entry.getAuthorCount(), authors))
        .setOrganization(blankToNull(text.normalize(entry.getOrganization())))
        .setPublishedDate(publishedDate(entry, fetchDate))
        .setFeaturedDate(entry.getFeaturedDate())
        .setUpvotes(notNegative(entry.getUpvotes(), "upvotes"))
        .setComments(notNegative(entry.getComments(), "comments"))
        .setKeywords(List.of())
        .setSourceKeywords(entry.getSourceKeywords() == null ? List.of() : List.copyOf(entry.getSourceKeywords()))
        .setArxivUrl(arxivId == null ? null : ARXIV_ABS + arxivId)
        .setCodeUrls(codeLinks.codeUrls(entry.getGithubRepo(), abstractText))
        .setProjectPage(HttpLinks.http(entry.getProjectPage()).orElse(null))
        .setFirstSeen(entry.getFetchedAt())
        .setLastSeen(entry.getFetchedAt())
        .setSightings(1)
        .setSources(List.of(entry.getSource()))
        .setAiSummary(aiSummary)
        .build();
  }

  /**
   * The key a paper is stored under, for an id as a reader may write it: an arXiv id in any form
   * pages use ({@code arXiv:} prefix, abs or pdf URL, a version such as {@code v2}) as the processor
   * keys it; anything else (a title id, an id that is no arXiv id) as given.
   */
  public static String paperKeyOf(String id) {
    return arxivKeyOf(id).orElse(id);
  }

  /** The arXiv id {@code text} is, in any form pages use, as the processor keys it; empty when it is none. */
  public static Optional<String> arxivKeyOf(String text) {
    try {
      return Optional.ofNullable(arxivId(text));
    } catch (NormalizationException e) {
      return Optional.empty();
    }
  }

  /**
   * The arXiv id without version, or null when the entry has none.
   *
   * @throws NormalizationException when the text is not an arXiv id of either form
   */
  static String arxivId(String raw) throws NormalizationException {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String id = ARXIV_WRAPPING.matcher(raw.strip()).replaceAll("");
    Matcher modern = NEW_STYLE.matcher(id);
    if (modern.matches()) {
      int year = Integer.parseInt(modern.group(1));
      int month = Integer.parseInt(modern.group(2));
      int digits = modern.group(3).length();
      if (month < 1 || month > 12) {
        throw new NormalizationException("invalid arXiv id " + NormalizationException.quote(raw) + ": month "
            + modern.group(2) + " does not exist");
      }
      if (year * 100 + month < 704) {
        throw new NormalizationException("invalid arXiv id " + NormalizationException.quote(raw)
            + ": ids of the form YYMM.NNNNN start in April 2007 (0704)");
      }
      if (digits != (year >= 15 ? 5 : 4)) {
        throw new NormalizationException("invalid arXiv id " + NormalizationException.quote(raw) + ": ids from "
            + (year >= 15 ? "2015 on have 5" : "2007 to 2014 have 4") + " digits after the dot");
      }
      return VERSION.matcher(id).replaceFirst("");
    }
    Matcher old = OLD_STYLE.matcher(id);
    if (old.matches()) {
      int month = Integer.parseInt(old.group(4));
      if (month < 1 || month > 12) {
        throw new NormalizationException("invalid arXiv id " + NormalizationException.quote(raw) + ": month "
            + old.group(4) + " does not exist");
      }
      return VERSION.matcher(id).replaceFirst("");
    }
    throw new NormalizationException("invalid arXiv id " + NormalizationException.quote(raw)
        + ": expected YYMM.NNNNN (e.g. 2405.15738) or archive/YYMMNNN (e.g. hep-th/9901001)");
  }

  private List<String> authors(List<String> raw) {
    List<String> names = new ArrayList<>();
    if (raw != null) {
      for (String name : raw) {
        String normalized = text.normalize(name);
        if (normalized != null && !normalized.isBlank()) {
          names.add(normalized);
        }
      }
    }
    return names;
  }

  private static Integer authorCount(Integer printed, List<String> authors) throws NormalizationException {
    if (printed != null) {
      return notNegative(printed, "author count");
    }
    return authors.isEmpty() ? null : authors.size();
  }

  /**
   * The paper's own date when the page gives it (structured, else printed), else the day it was
   * seen: the page's date, the featured day, the fetch day. A printed year-less date takes its
   * year from the first of those that is known. An unreadable printed date rejects the entry: a
   * page that prints garbage where a date belongs was not understood, and guessing would put
   * the paper on the wrong day of the trends.
   */
  private LocalDate publishedDate(RawEntry entry, LocalDate fetchDate) throws NormalizationException {
    if (entry.getPublishedAt() != null) {
      return entry.getPublishedAt().atOffset(ZoneOffset.UTC).toLocalDate();
    }
    LocalDate seenOn = entry.getPageDate() != null ? entry.getPageDate()
        : entry.getFeaturedDate() != null ? entry.getFeaturedDate() : fetchDate;
    LocalDate printed = dates.resolve(entry.getDateText(), seenOn);
    return printed != null ? printed : seenOn;
  }

  private static Integer notNegative(Integer value, String what) throws NormalizationException {
    if (value != null && value < 0) {
      throw new NormalizationException(what + " cannot be negative: " + value);
    }
    return value;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
