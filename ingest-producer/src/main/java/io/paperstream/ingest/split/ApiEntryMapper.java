package io.paperstream.ingest.split;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.schemas.RawEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Maps the site's daily-papers entries to raw entries. The API and a page's hydration island hold
 * the same entries, so both forms go through here.
 *
 * <p>Shape: {@code {paper:{id, title, summary, authors:[{name}], publishedAt, upvotes, ai_summary,
 * ai_keywords, githubRepo, projectPage, submittedOnDailyAt, organization}, publishedAt, title, summary,
 * numComments, organization:{name, fullname}}}. Only {@code paper.id} and a title are required; an
 * element that is a bare paper object (search results) is read as its own {@code paper}.
 */
final class ApiEntryMapper {

  private static final Pattern PYTHON_REPR = Pattern.compile("^\\s*\\{\\s*'\\w+'\\s*:");

  /** An element that cannot become an entry; no stack trace, it is an expected outcome. */
  static final class RejectedEntry extends Exception {
    private static final long serialVersionUID = 1L;

    RejectedEntry(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Maps the element at {@code position}; a bad element becomes a located dead letter. */
  void mapOne(int position, JsonNode element, LocalDate pageDate, PageContext page) {
    try {
      page.accept(map(element, page.newEntry(position, pageDate), page.limits()));
    } catch (RejectedEntry e) {
      page.reject(position, e.getMessage(), () -> element.isTextual() ? element.asText() : element.toString());
    }
  }

  RawEntry map(JsonNode element, RawEntry.Builder entry, SplitLimits limits) throws RejectedEntry {
    if (!element.isObject()) {
      throw new RejectedEntry(notAnObject(element));
    }
    JsonNode paper = element.has("paper") ? element.get("paper") : element;
    if (!paper.isObject()) {
      throw new RejectedEntry("\"paper\" is " + describe(paper) + ", not an object");
    }
    String id = JsonValues.text(paper, "id");
    if (id == null) {
      throw new RejectedEntry("entry has no paper id (paper.id missing, blank or not a string)");
    }
    if (id.length() > limits.maxFieldChars()) {
      // checked before the id meets a pattern: work per entry stays bounded
      throw new RejectedEntry(EntryLimits.tooLong("paper.id", id.length(), limits.maxFieldChars(),
          SplitLimits.MAX_FIELD_CHARS));
    }
    String title = firstText(paper, element, "title");
    if (title == null) {
      throw new RejectedEntry("entry " + id + " has no title (paper.title and title missing or blank)");
    }
    List<String> authors = authorNames(paper.path("authors"));
    return entry
        .setArxivId(withoutVersion(id))
        .setTitle(title)
        .setAbstract$(firstText(paper, element, "summary"))
        .setAuthors(authors)
        .setAuthorCount(authors == null ? null : authors.size())
        .setPublishedAt(IsoDates.instant(JsonValues.text(paper, "publishedAt")).map(ApiEntryMapper::millis).orElse(null))
        .setFeaturedDate(featuredDate(paper, element))
        .setUpvotes(firstInteger(paper, element, "upvotes"))
        .setComments(firstInteger(element, paper, "numComments"))
        .setOrganization(organization(element.path("organization"), paper.path("organization")))
        .setGithubRepo(firstText(paper, element, "githubRepo"))
        .setProjectPage(firstText(paper, element, "projectPage"))
        .setSourceKeywords(JsonValues.texts(paper, "ai_keywords"))
        .setAiSummary(firstText(paper, element, "ai_summary"))
        .setDateText(null) // every field set: Avro's builder deep-copies defaults of unset ones
        .build();
  }

  /** {@code 2405.15738v2} is {@code 2405.15738}: a trailing {@code v<digits>} after a digit goes. */
  static String withoutVersion(String id) {
    int end = id.length();
    int i = end;
    while (i > 0 && isAsciiDigit(id.charAt(i - 1))) {
      i--;
    }
    if (i < end && i >= 2 && id.charAt(i - 1) == 'v' && isAsciiDigit(id.charAt(i - 2))) {
      return id.substring(0, i - 1);
    }
    return id;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The day the digest featured the paper: when it was submitted to the daily list, else the entry's date. */
  private static LocalDate featuredDate(JsonNode paper, JsonNode element) {
    String submitted = JsonValues.text(paper, "submittedOnDailyAt");
    if (submitted != null) {
      LocalDate day = IsoDates.date(submitted).orElse(null);
      if (day != null) {
        return day;
      }
    }
    return element == paper ? null : IsoDates.date(JsonValues.text(element, "publishedAt")).orElse(null);
  }

  private static List<String> authorNames(JsonNode authors) {
    if (!authors.isArray()) {
      return null;
    }
    List<String> names = new ArrayList<>(authors.size());
    for (JsonNode author : authors) {
      String name = author.isTextual() ? author.asText().strip() : JsonValues.text(author, "name");
      if (name != null && !name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  /** Full name as the site shows it, else the short handle; either the entry's or the paper's. */
  private static String organization(JsonNode... candidates) {
    for (JsonNode organization : candidates) {
      if (organization.isTextual() && !organization.asText().isBlank()) {
        return organization.asText().strip();
      }
      String name = JsonValues.firstText(organization, "fullname", "name");
      if (name != null) {
        return name;
      }
    }
    return null;
  }

  private static String firstText(JsonNode first, JsonNode second, String field) {
    String text = JsonValues.text(first, field);
    return text != null ? text : JsonValues.text(second, field);
  }

  private static Integer firstInteger(JsonNode first, JsonNode second, String field) {
    Integer value = JsonValues.integer(first, field);
    return value != null ? value : JsonValues.integer(second, field);
  }

  private static Instant millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }

  private static String notAnObject(JsonNode element) {
    // only the start matters, and a bounded input keeps the pattern's cost bounded
    if (element.isTextual() && PYTHON_REPR.matcher(head(element.asText())).find()) {
      return "element is a string holding a Python repr() of an entry, not a JSON object";
    }
    return "element is " + describe(element) + ", not an entry object";
  }

  private static String head(String text) {
    return text.length() > 200 ? text.substring(0, 200) : text;
  }

  static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> "missing";
    };
  }
}
