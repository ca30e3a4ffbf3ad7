package io.paperstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperstream.processor.topology.PaperIndex;
import io.paperstream.processor.topology.PaperTopology;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.RecordJson;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code /api/listings/{day|week|month}/{date}}: the papers listed in a period (featured by a
 * digest then, else published then), most upvotes first, then first seen, like the site's own
 * listings. Read from the listing keys of the {@link PaperIndex}: each instance reads the keys of
 * the period (no paper), sorts them, and reads only the papers of its page; with a keyword or
 * author filter it reads papers in listing order until its page is full, so the work is bounded
 * by the period's papers. Pages merge and continue with a cursor like the other paper lists.
 */
final class Listings {

  /** A listing's period: its name and its first and last day. */
  record Span(String period, LocalDate from, LocalDate to) {}

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final LocalDate FIRST = LocalDate.of(1000, 1, 1);
  private static final LocalDate LAST = LocalDate.of(9999, 12, 31);
  private static final Comparator<PaperLists.Listed> LISTING_ORDER = Comparator.comparing(PaperLists.Listed::order);

  private final InstanceRouter router;
  private final ObjectMapper mapper;
  private final PaperLists lists;
  private final RecordJson json = new RecordJson();

  Listings(InstanceRouter router, ObjectMapper mapper) {
    this.router = router;
    this.mapper = mapper;
    this.lists = new PaperLists(mapper);
  }

  /**
   * The period of {@code day/2026-03-20}, {@code week/2026-03-20} (its Monday to Sunday) or
   * {@code week/2026-W12}, {@code month/2026-03-20} or {@code month/2026-03}; a 400 otherwise.
   */
  static Span span(String period, String date) {
    try {
      Span span = switch (period) {
        case "day" -> DATE.matcher(date).matches() ? day(LocalDate.parse(date)) : null;
        case "week" -> week(date);
        case "month" -> month(date);
        default -> throw ApiError.badRequest("the period must be day, week or month, not '" + period + "'");
      };
      if (span != null && !span.from().isBefore(FIRST) && !span.to().isAfter(LAST)) {
        return span;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw ApiError.badRequest("the date of a " + period + " listing must be a date YYYY-MM-DD from 1000-01-01 to "
        + "9999-12-31" + (period.equals("week") ? " or a week YYYY-Www" : period.equals("month") ? " or a month YYYY-MM"
        : "") + ", not '" + date + "'");
  }

  /**
   * A page of the listing after {@code cursor}, optionally of papers with the keyword (canonical)
   * and by the author; {@code keyword} and {@code author} as asked, for the answer and forwarding.
   */
  JsonNode listing(Span span, String keyword, String canonical, String author, String cursor, int limit,
      boolean localOnly) {
    String after = PaperLists.decodeCursor(cursor, PaperIndex::isListingOrderKey);
    List<PaperLists.Listed> found = new ArrayList<>();
    if (router.holdsSomeOf(PaperTopology.PAPERS_STORE, localOnly)) {
      found.addAll(InstanceRouter.local(() -> localPage(span, canonical, author, after, limit + 1)));
    }
    if (localOnly) {
      return lists.localAnswer(found);
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("keyword", keyword);
    params.put("author", author);
    params.put("cursor", cursor);
    params.put("limit", String.valueOf(limit));
    String path = "/api/listings/" + span.period() + "/" + span.from();
    router.gather(router.othersHolding(PaperTopology.PAPERS_STORE, false), path + UrlQuery.of(params))
        .forEach(answer -> found.addAll(PaperLists.fromAnswer(answer)));
    ObjectNode answer = mapper.createObjectNode();
    answer.put("period", span.period()).put("from", span.from().toString()).put("to", span.to().toString());
    if (keyword != null) {
      answer.put("keyword", keyword).put("canonical", canonical);
    }
    if (author != null) {
      answer.put("author", author);
    }
    answer.setAll(lists.merge(found, limit, LISTING_ORDER));
    return answer;
  }

  private List<PaperLists.Listed> localPage(Span span, String canonical, String author, String after, int count) {
    ReadOnlyKeyValueStore<String, String> index = router.store(PaperIndex.STORE);
    List<KeyValue<String, String>> keys = new ArrayList<>();
    try (KeyValueIterator<String, String> period = index.range(PaperIndex.listingLower(span.from()),
        PaperIndex.listingUpper(span.to()))) {
      while (period.hasNext()) {
        KeyValue<String, String> kv = period.next();
        String order = PaperIndex.listingOrderKeyOf(kv.key);
        if (after == null || order.compareTo(after) > 0) {
          keys.add(KeyValue.pair(order, kv.value));
        }
      }
    }
    keys.sort(Comparator.comparing(kv -> kv.key));
    String authorList = author == null ? null : PaperIndex.authorList(author);
    ReadOnlyKeyValueStore<String, Paper> papers = router.store(PaperTopology.PAPERS_STORE);
    List<PaperLists.Listed> page = new ArrayList<>();
    for (KeyValue<String, String> kv : keys) {
      if (page.size() == count) {
        break;
      }
      Paper paper = papers.get(kv.value);
      if (paper != null && (canonical == null || paper.getKeywords().contains(canonical))
          && (authorList == null || paper.getAuthors().stream().anyMatch(a -> PaperIndex.authorList(a).equals(authorList)))) {
        page.add(new PaperLists.Listed(kv.key, json.toJson(paper)));
      }
    }
    return page;
  }

  private static Span day(LocalDate date) {
    return new Span("day", date, date);
  }

  private static Span week(String text) {
    Matcher week = WEEK.matcher(text);
    LocalDate day;
    if (week.matches()) {
      int number = Integer.parseInt(week.group(2));
      LocalDate inYear = LocalDate.of(Integer.parseInt(week.group(1)), 6, 1);
      if (number < 1 || number > inYear.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
        return null;
      }
      day = inYear.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number);
    } else if (DATE.matcher(text).matches()) {
      day = LocalDate.parse(text);
    } else {
      return null;
    }
    LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return new Span("week", monday, monday.plusDays(6));
  }

  private static Span month(String text) {
    LocalDate day;
    if (MONTH.matcher(text).matches()) {
      day = LocalDate.parse(text + "-01");
    } else if (DATE.matcher(text).matches()) {
      day = LocalDate.parse(text);
    } else {
      return null;
    }
    LocalDate first = day.withDayOfMonth(1);
    return new Span("month", first, first.with(TemporalAdjusters.lastDayOfMonth()));
  }
}
