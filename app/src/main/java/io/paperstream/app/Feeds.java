package io.paperstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Feeds of the newest papers for people who don't speak Kafka: Atom 1.0 (RFC 4287) and JSON Feed
 * 1.1. Entries are paper records as the query API returns them; each links to the paper's page
 * (Hugging Face's when it has an arXiv id, else its record under the public URL) and carries
 * the page's one-sentence summary, the abstract, keywords and code links. The XML is written by a
 * StAX writer, which escapes every text and attribute; the HTML content escapes every text and
 * keeps only http(s) links.
 */
public final class Feeds {

  /** A paper's page on the site paperstream follows, by arXiv id. */
  static final String PAPER_PAGE = "https://huggingface.co/papers/";

  private static final String ATOM = "http://www.w3.org/2005/Atom";

  /**
   * What a feed follows: its title, and the query parameter that names it in its own URL (null
   * for the newest papers).
   */
  public record Subject(String title, String parameter, String value) {

    /** The newest papers, or those of a keyword when it is not null. */
    public static Subject keyword(String keyword) {
      return keyword == null ? new Subject("paperstream: newest papers", null, null)
          : new Subject("paperstream: newest papers on " + keyword, "keyword", keyword);
    }

    /** The newest papers of an author (as {@code /api/papers?author=} finds them). */
    public static Subject author(String author) {
      return new Subject("paperstream: newest papers by " + author, "author", author);
    }

    /** The papers that best match a search ({@code /api/search}). */
    public static Subject search(String query) {
      return new Subject("paperstream: papers matching " + query, "q", query);
    }
  }

  private final ObjectMapper mapper;
  private final String publicUrl;
  private final Instant emptyUpdated;

  /**
   * @param publicUrl the base URL readers reach this server at (no trailing slash)
   * @param emptyUpdated the {@code updated} time of a feed without entries (when this server started)
   */
  public Feeds(ObjectMapper mapper, String publicUrl, Instant emptyUpdated) {
    this.mapper = mapper;
    this.publicUrl = publicUrl;
    this.emptyUpdated = emptyUpdated;
  }

  /** The feed's own URL: {@code path} under the public URL, with the keyword. */
  String self(String path, String keyword) {
    return self(path, Subject.keyword(keyword));
  }

  /** The feed's own URL: {@code path} under the public URL, with its subject's parameter. */
  String self(String path, Subject subject) {
    return publicUrl + path + (subject.parameter() == null ? ""
        : "?" + subject.parameter() + "=" + UrlQuery.encode(subject.value()));
  }

  /** When the feed last changed: the newest {@code lastSeen} of its entries, else {@code emptyUpdated}. */
  Instant updated(JsonNode papers) {
    Instant newest = null;
    for (JsonNode paper : papers) {
      Instant seen = instant(paper, "lastSeen");
      newest = newest == null || seen.isAfter(newest) ? seen : newest;
    }
    return newest == null ? emptyUpdated : newest;
  }

  /** An Atom feed of the newest papers (of a keyword when not null). */
  public String atom(JsonNode papers, String keyword) {
    return atom(papers, Subject.keyword(keyword));
  }

  /** An Atom feed. */
  public String atom(JsonNode papers, Subject subject) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("feed");
      xml.writeDefaultNamespace(ATOM);
      String self = self("/feed.xml", subject);
      text(xml, "id", self);
      text(xml, "title", subject.title());
      text(xml, "updated", updated(papers).toString());
      link(xml, "self", self, "application/atom+xml");
      link(xml, "alternate", publicUrl + "/", "text/html");
      text(xml, "generator", "paperstream");
      for (JsonNode paper : papers) {
        xml.writeStartElement("entry");
        text(xml, "id", entryId(paper));
        text(xml, "title", paper.path("title").asText());
        text(xml, "updated", instant(paper, "lastSeen").toString());
        text(xml, "published", published(paper).toString());
        link(xml, "alternate", link(paper), "text/html");
        for (String author : authors(paper)) {
          xml.writeStartElement("author");
          text(xml, "name", author);
          xml.writeEndElement();
        }
        for (JsonNode term : paper.path("keywords")) {
          xml.writeEmptyElement("category");
          xml.writeAttribute("term", xmlSafe(term.asText()));
        }
        String summary = summary(paper);
        if (summary != null) {
          xml.writeStartElement("summary");
          xml.writeAttribute("type", "text");
          xml.writeCharacters(xmlSafe(summary));
          xml.writeEndElement();
        }
        xml.writeStartElement("content");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(xmlSafe(contentHtml(paper)));
        xml.writeEndElement();
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing XML to a string cannot fail", e);
    }
    return out.toString();
  }

  /** A JSON Feed 1.1 of the newest papers (of a keyword when not null). */
  public ObjectNode json(JsonNode papers, String keyword) {
    return json(papers, Subject.keyword(keyword));
  }

  /** A JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
  public ObjectNode json(JsonNode papers, Subject subject) {
    ObjectNode feed = mapper.createObjectNode();
    feed.put("version", "https://jsonfeed.org/version/1.1");
    feed.put("title", subject.title());
    feed.put("home_page_url", publicUrl + "/");
    feed.put("feed_url", self("/feed.json", subject));
    feed.put("language", "en");
    ArrayNode items = feed.putArray("items");
    for (JsonNode paper : papers) {
      ObjectNode item = items.addObject();
      item.put("id", entryId(paper));
      item.put("url", link(paper));
      if (paper.hasNonNull("arxivUrl") && safe(paper.get("arxivUrl").asText())) {
        item.put("external_url", paper.get("arxivUrl").asText());
      }
      item.put("title", paper.path("title").asText());
      item.put("content_html", contentHtml(paper));
      item.put("content_text", paper.path("abstract").asText(paper.path("title").asText()));
      if (paper.hasNonNull("aiSummary")) {
        item.put("summary", paper.get("aiSummary").asText());
      }
      item.put("date_published", published(paper).toString());
      item.put("date_modified", instant(paper, "lastSeen").toString());
      ArrayNode authors = item.putArray("authors");
      authors(paper).forEach(name -> authors.addObject().put("name", name));
      ArrayNode tags = item.putArray("tags");
      paper.path("keywords").forEach(tags::add);
    }
    return feed;
  }

  /** The paper's page: Hugging Face's by arXiv id, else its record in this API. */
  String link(JsonNode paper) {
    if (paper.hasNonNull("arxivId") && !paper.get("arxivId").asText().isBlank()) {
      return PAPER_PAGE + UrlQuery.idPath(paper.get("arxivId").asText());
    }
    return publicUrl + "/api/papers/" + UrlQuery.idPath(paper.path("paperId").asText());
  }

  /** The page's own one-sentence summary when it gave one (Hugging Face's), else the abstract, else null. */
  private static String summary(JsonNode paper) {
    for (String field : List.of("aiSummary", "abstract")) {
      if (paper.hasNonNull(field) && !paper.get(field).asText().isBlank()) {
        return paper.get(field).asText();
      }
    }
    return null;
  }

  private static String contentHtml(JsonNode paper) {
    StringBuilder html = new StringBuilder();
    if (paper.hasNonNull("aiSummary")) {
      html.append("<p>In one sentence: ").append(html(paper.get("aiSummary").asText())).append("</p>");
    }
    if (paper.hasNonNull("abstract")) {
      html.append("<p>").append(html(paper.get("abstract").asText())).append("</p>");
    }
    List<String> keywords = new ArrayList<>();
    paper.path("keywords").forEach(k -> keywords.add(html(k.asText())));
    if (!keywords.isEmpty()) {
      html.append("<p>Keywords: ").append(String.join(", ", keywords)).append("</p>");
    }
    List<String> code = new ArrayList<>();
    paper.path("codeUrls").forEach(url -> {
      if (safe(url.asText())) {
        code.add("<a href=\"" + html(url.asText()) + "\">" + html(url.asText()) + "</a>");
      }
    });
    if (!code.isEmpty()) {
      html.append("<p>Code: ").append(String.join(", ", code)).append("</p>");
    }
    if (paper.hasNonNull("projectPage") && safe(paper.get("projectPage").asText())) {
      String page = html(paper.get("projectPage").asText());
      html.append("<p>Project page: <a href=\"").append(page).append("\">").append(page).append("</a></p>");
    }
    return html.length() == 0 ? "<p>" + html(paper.path("title").asText()) + "</p>" : html.toString();
  }

  // Names as the record gives them; a record without names (a text page gives only a count)
  // still needs an author (RFC 4287 4.1.2): its organisation, else a plain statement.
  private static List<String> authors(JsonNode paper) {
    List<String> names = new ArrayList<>();
    paper.path("authors").forEach(a -> {
      if (!a.asText().isBlank()) {
        names.add(a.asText());
      }
    });
    if (names.isEmpty()) {
      names.add(paper.hasNonNull("organization") ? paper.get("organization").asText() : "authors not listed");
    }
    return names;
  }

  private static boolean safe(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://");
  }

  private static String html(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String entryId(JsonNode paper) {
    return "urn:paperstream:paper:" + paper.path("paperId").asText();
  }

  // Atom wants a time: the published date at midnight UTC, else when first seen.
  private static Instant published(JsonNode paper) {
    if (paper.hasNonNull("publishedDate")) {
      return LocalDate.parse(paper.get("publishedDate").asText()).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return instant(paper, "firstSeen");
  }

  private static Instant instant(JsonNode paper, String field) {
    return paper.hasNonNull(field) ? Instant.parse(paper.get(field).asText()) : Instant.EPOCH;
  }

  private static void text(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
    xml.writeStartElement(element);
    xml.writeCharacters(xmlSafe(text));
    xml.writeEndElement();
  }

  // StAX escapes markup but passes control characters through, which XML 1.0 forbids.
  static String xmlSafe(String text) {
    return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
  }

  private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("href", xmlSafe(href));
    if (type != null) {
      xml.writeAttribute("type", type);
    }
  }
}
