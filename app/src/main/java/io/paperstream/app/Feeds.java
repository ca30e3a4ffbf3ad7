package io.paperstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Feeds of the newest papers for people who don't speak Kafka: Atom 1.0 and JSON Feed 1.1.
 * Entries are paper records as the query API returns them. The XML is written by a StAX writer,
 * which escapes every text and attribute: titles and abstracts cannot break the feed.
 */
public final class Feeds {

  private static final String ATOM = "http://www.w3.org/2005/Atom";

  private final ObjectMapper mapper;

  public Feeds(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** An Atom feed; {@code self} is the feed's own absolute URL, {@code site} the site's. */
  public String atom(JsonNode papers, String keyword, String self, String site) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("feed");
      xml.writeDefaultNamespace(ATOM);
      text(xml, "id", self);
      text(xml, "title", title(keyword));
      text(xml, "updated", updated(papers).toString());
      link(xml, "self", self, "application/atom+xml");
      link(xml, "alternate", site, "text/html");
      xml.writeStartElement("author");
      text(xml, "name", "paperstream");
      xml.writeEndElement();
      for (JsonNode paper : papers) {
        xml.writeStartElement("entry");
        text(xml, "id", entryId(paper));
        text(xml, "title", paper.path("title").asText());
        text(xml, "updated", instant(paper, "lastSeen").toString());
        text(xml, "published", published(paper).toString());
        String url = url(paper);
        if (url != null) {
          link(xml, "alternate", url, null);
        }
        for (JsonNode author : paper.path("authors")) {
          xml.writeStartElement("author");
          text(xml, "name", author.asText());
          xml.writeEndElement();
        }
        for (JsonNode term : paper.path("keywords")) {
          xml.writeEmptyElement("category");
          xml.writeAttribute("term", xmlSafe(term.asText()));
        }
        if (paper.hasNonNull("abstract")) {
          xml.writeStartElement("summary");
          xml.writeAttribute("type", "text");
          xml.writeCharacters(xmlSafe(paper.path("abstract").asText()));
          xml.writeEndElement();
        }
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

  /** A JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
  public ObjectNode json(JsonNode papers, String keyword, String self, String site) {
    ObjectNode feed = mapper.createObjectNode();
    feed.put("version", "https://jsonfeed.org/version/1.1");
    feed.put("title", title(keyword));
    feed.put("home_page_url", site);
    feed.put("feed_url", self);
    ArrayNode items = feed.putArray("items");
    for (JsonNode paper : papers) {
      ObjectNode item = items.addObject();
      item.put("id", entryId(paper));
      String url = url(paper);
      if (url != null) {
        item.put("url", url);
      }
      item.put("title", paper.path("title").asText());
      item.put("content_text", paper.path("abstract").asText(paper.path("title").asText()));
      item.put("date_published", published(paper).toString());
      item.put("date_modified", instant(paper, "lastSeen").toString());
      ArrayNode authors = item.putArray("authors");
      paper.path("authors").forEach(a -> authors.addObject().put("name", a.asText()));
      ArrayNode tags = item.putArray("tags");
      paper.path("keywords").forEach(tags::add);
    }
    return feed;
  }

  private static String title(String keyword) {
    return keyword == null ? "paperstream: newest papers" : "paperstream: newest papers on " + keyword;
  }

  private static String entryId(JsonNode paper) {
    return "urn:paperstream:paper:" + paper.path("paperId").asText();
  }

  private static String url(JsonNode paper) {
    if (paper.hasNonNull("arxivUrl")) {
      return paper.get("arxivUrl").asText();
    }
    return paper.hasNonNull("projectPage") ? paper.get("projectPage").asText() : null;
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

  private static Instant updated(JsonNode papers) {
    Instant newest = Instant.EPOCH;
    for (JsonNode paper : papers) {
      Instant seen = instant(paper, "lastSeen");
      newest = seen.isAfter(newest) ? seen : newest;
    }
    return newest;
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
