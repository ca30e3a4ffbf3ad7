package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Both feeds, read back by a real Atom parser (Rome) and checked against the JSON Feed 1.1 rules. */
class FeedsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "https://papers.example.org";
  private static final Instant STARTED = Instant.parse("2026-03-21T09:00:00Z");

  private final Feeds feeds = new Feeds(JSON, BASE, STARTED);

  @Test
  void everyAtomEntryHasALinkContentAndItsAuthors() throws Exception {
    // given a paper with an arXiv id and code, and one seen only on a text page (no id, no names)
    ArrayNode papers = papers();

    // when the Atom feed is parsed by Rome
    Feed atom = (Feed) new WireFeedInput().build(new StringReader(feeds.atom(papers, "sonar")));

    // then the feed names itself under the public URL and its entries are complete
    assertThat(atom.getId()).isEqualTo(BASE + "/feed.xml?keyword=sonar");
    assertThat(atom.getOtherLinks()).extracting(Link::getRel).contains("self");
    assertThat(atom.getUpdated().toInstant()).isEqualTo(Instant.parse("2026-03-20T10:00:00Z"));
    List<Entry> entries = atom.getEntries();
    assertThat(entries).hasSize(2);
    Entry coral = entries.get(0);
    assertThat(coral.getAlternateLinks()).extracting(Link::getHref).containsExactly("https://huggingface.co/papers/2603.00101");
    assertThat(coral.getAuthors()).extracting(a -> a.getName()).containsExactly("Ana Reyes", "Bram Ooms");
    Content content = coral.getContents().get(0);
    assertThat(content.getType()).isEqualTo("html");
    assertThat(content.getValue()).contains("<p>Maps &lt;b&gt;reefs&lt;/b&gt; &amp; kelp.</p>")
        .contains("Keywords: coral reef mapping, sonar").contains("<a href=\"https://example.org/code\">")
        .doesNotContain("javascript:");
    Entry tide = entries.get(1);
    assertThat(tide.getAlternateLinks()).extracting(Link::getHref)
        .containsExactly(BASE + "/api/papers/title%3Aabc123");
    assertThat(tide.getAuthors()).extracting(a -> a.getName()).containsExactly("Reef Institute");
    assertThat(tide.getContents()).isNotEmpty();
  }

  @Test
  void aPaperWithThePagesOwnSummaryIsSummedUpByItInBothFeeds() throws Exception {
    // given a paper whose page gave a one-sentence summary (with markup to escape), and one without
    ArrayNode papers = papers();
    ((ObjectNode) papers.get(0)).put("aiSummary", "Sonar <i>maps</i> reefs & kelp beds.");

    // when both feeds are made
    Feed atom = (Feed) new WireFeedInput().build(new StringReader(feeds.atom(papers, "sonar")));
    JsonNode json = feeds.json(papers, Feeds.Subject.keyword(null));

    // then the summary is the entry's summary, and the content says it before the abstract, escaped
    Entry coral = atom.getEntries().get(0);
    assertThat(coral.getSummary().getValue()).isEqualTo("Sonar <i>maps</i> reefs & kelp beds.");
    assertThat(coral.getContents().get(0).getValue())
        .startsWith("<p>In one sentence: Sonar &lt;i&gt;maps&lt;/i&gt; reefs &amp; kelp beds.</p><p>Maps");
    assertJsonFeed11(json);
    assertThat(json.path("items").get(0).path("summary").asText()).isEqualTo("Sonar <i>maps</i> reefs & kelp beds.");
    assertThat(json.path("items").get(0).path("content_html").asText())
        .startsWith("<p>In one sentence: Sonar &lt;i&gt;");
    // and a paper without one keeps its abstract as the summary (here: none at all)
    assertThat(atom.getEntries().get(1).getSummary()).isNull();
    assertThat(json.path("items").get(1).has("summary")).isFalse();
  }

  @Test
  void theJsonFeedFollowsTheJsonFeed11Rules() {
    JsonNode feed = feeds.json(papers(), Feeds.Subject.keyword(null));
    assertJsonFeed11(feed);
    JsonNode coral = feed.path("items").get(0);
    assertThat(coral.path("url").asText()).isEqualTo("https://huggingface.co/papers/2603.00101");
    assertThat(coral.path("external_url").asText()).isEqualTo("https://arxiv.org/abs/2603.00101");
    assertThat(coral.path("authors")).extracting(a -> a.path("name").asText()).containsExactly("Ana Reyes", "Bram Ooms");
    assertThat(coral.path("content_html").asText()).contains("Keywords: coral reef mapping, sonar");
    assertThat(feed.path("items").get(1).path("url").asText()).isEqualTo(BASE + "/api/papers/title%3Aabc123");
  }

  @Test
  void anEmptyFeedIsUpdatedWhenTheServerStartedNotIn1970() throws Exception {
    Feed atom = (Feed) new WireFeedInput().build(new StringReader(feeds.atom(JSON.createArrayNode(), "nothing")));
    assertThat(atom.getEntries()).isEmpty();
    assertThat(atom.getUpdated().toInstant()).isEqualTo(STARTED);
    JsonNode json = feeds.json(JSON.createArrayNode(), "nothing");
    assertJsonFeed11(json);
    assertThat(json.path("items")).isEmpty();
  }

  @Test
  void aSearchFeedNamesItsQueryInItsOwnUrlsAndTitle() throws Exception {
    // given the papers of a search for a phrase with characters a URL must encode
    Feeds.Subject search = Feeds.Subject.search("\"reef mapping\" & sonar");

    // when both feeds are made and the Atom one is parsed by Rome
    Feed atom = (Feed) new WireFeedInput().build(new StringReader(feeds.atom(papers(), search)));
    JsonNode json = feeds.json(papers(), search);

    // then both name the search, encoded, under the public URL, and hold complete entries
    assertThat(atom.getId()).isEqualTo(BASE + "/feed.xml?q=%22reef%20mapping%22%20%26%20sonar");
    assertThat(atom.getTitle()).isEqualTo("paperstream: papers matching \"reef mapping\" & sonar");
    assertThat(atom.getEntries()).hasSize(2).allSatisfy(entry -> assertThat(entry.getContents()).isNotEmpty());
    assertJsonFeed11(json);
    assertThat(json.path("feed_url").asText()).isEqualTo(BASE + "/feed.json?q=%22reef%20mapping%22%20%26%20sonar");
    assertThat(json.path("items")).hasSize(2);
  }

  // https://jsonfeed.org/version/1.1: the required fields, their types, and RFC 3339 dates
  private static void assertJsonFeed11(JsonNode feed) {
    assertJsonFeed11(feed, BASE);
  }

  /** The JSON Feed 1.1 rules, for a feed served under {@code base}. */
  static void assertJsonFeed11(JsonNode feed, String base) {
    assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
    assertThat(feed.path("title").isTextual()).isTrue();
    assertThat(feed.path("items").isArray()).isTrue();
    for (String url : List.of("home_page_url", "feed_url")) {
      assertThat(feed.path(url).asText()).startsWith(base + "/");
    }
    Set<String> known = Set.of("id", "url", "external_url", "title", "content_html", "content_text", "summary", "image",
        "banner_image", "date_published", "date_modified", "authors", "tags", "language", "attachments");
    List<String> ids = new ArrayList<>();
    for (JsonNode item : feed.path("items")) {
      item.fieldNames().forEachRemaining(name -> assertThat(known).as(name).contains(name));
      assertThat(item.path("id").isTextual()).isTrue();
      ids.add(item.path("id").asText());
      assertThat(item.hasNonNull("content_html") || item.hasNonNull("content_text")).isTrue();
      for (String date : List.of("date_published", "date_modified")) {
        OffsetDateTime.parse(item.path(date).asText()); // RFC 3339
      }
      assertThat(item.path("authors").isArray()).isTrue();
      item.path("authors").forEach(author -> assertThat(author.path("name").asText()).isNotBlank());
      item.path("tags").forEach(tag -> assertThat(tag.isTextual()).isTrue());
      assertThat(item.path("url").asText()).startsWith("https://");
    }
    assertThat(ids).doesNotHaveDuplicates();
  }

  private static ArrayNode papers() {
    ArrayNode papers = JSON.createArrayNode();
    ObjectNode coral = papers.addObject();
    coral.put("paperId", "2603.00101").put("arxivId", "2603.00101").put("title", "Coral Reef Mapping")
        .put("abstract", "Maps <b>reefs</b> & kelp.").put("publishedDate", "2026-03-18")
        .put("firstSeen", "2026-03-19T08:00:00Z").put("lastSeen", "2026-03-20T10:00:00Z")
        .put("arxivUrl", "https://arxiv.org/abs/2603.00101").put("projectPage", "javascript:alert(1)");
    coral.putArray("authors").add("Ana Reyes").add("Bram Ooms");
    coral.putArray("keywords").add("coral reef mapping").add("sonar");
    coral.putArray("codeUrls").add("https://example.org/code").add("javascript:alert(2)");
    ObjectNode tide = papers.addObject();
    tide.put("paperId", "title:abc123").put("title", "Tide Pool Census").putNull("abstract")
        .put("organization", "Reef Institute").put("authorCount", 3)
        .put("firstSeen", "2026-03-17T08:00:00Z").put("lastSeen", "2026-03-17T08:00:00Z");
    tide.putArray("authors");
    tide.putArray("keywords").add("tide pool");
    return papers;
  }
}
