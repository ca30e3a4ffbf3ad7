package io.paperstream.ingest.split;

import io.paperstream.schemas.RawEntry;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads the visible paper cards of a listing page, the fallback when it carries no hydration island:
 * {@code <article>} elements with the title in {@code h3 > a[href="/papers/<arXiv id>"]}, the upvotes
 * in {@code div.leading-none} and {@code · N authors} in the last avatar {@code li}. Cards show no
 * abstract and no date.
 */
final class HtmlCardReader {

  private static final Pattern PAPER_HREF = Pattern.compile("/papers/([^/?#\\s]+)/?(?:[?#].*)?$");
  private static final Pattern ARXIV_VERSION = Pattern.compile("(?<=\\d)v\\d+$");
  private static final Pattern AUTHORS = Pattern.compile("(\\d{1,5})\\s+authors?\\b", Pattern.CASE_INSENSITIVE);
  private static final int MAX_HREF = 2_000;
  private static final int MAX_COUNTER_TEXT = 200;
  private static final Pattern COUNT = Pattern.compile("\\d{1,9}");

  /** The cards of the page: articles that link to a paper, innermost ones if articles nest. */
  List<Element> cards(Document document) {
    return innermostArticles(document).stream()
        .filter(article -> article.selectFirst("a[href*=/papers/]") != null)
        .toList();
  }

  /**
   * One pass over the document, so that pathological nesting (thousands of unclosed articles)
   * costs linear time; the innermost articles' subtrees are disjoint, so the selects on them are
   * linear too.
   */
  private static List<Element> innermostArticles(Document document) {
    List<Element> innermost = new ArrayList<>();
    Deque<boolean[]> open = new ArrayDeque<>();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (isArticle(node)) {
          if (!open.isEmpty()) {
            open.peek()[0] = true;
          }
          open.push(new boolean[] {false});
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (isArticle(node) && !open.pop()[0]) {
          innermost.add((Element) node);
        }
      }
    }, document);
    // innermost articles never contain one another, so closing order is document order
    return innermost;
  }

  private static boolean isArticle(Node node) {
    return node instanceof Element element && element.normalName().equals("article");
  }

  void read(List<Element> cards, LocalDate pageDate, PageContext page) {
    for (int position = 0; position < cards.size(); position++) {
      Element card = cards.get(position);
      Element link = card.selectFirst("h3 a[href*=/papers/]");
      String title = link == null ? "" : link.text().strip();
      if (title.isEmpty()) {
        page.reject(position, "paper card without a title link (h3 > a[href=/papers/…])", card.text());
        continue;
      }
      page.accept(entry(page.newEntry(position, pageDate), card, link, title));
    }
  }

  private static RawEntry entry(RawEntry.Builder entry, Element card, Element link, String title) {
    // the pattern backtracks on long hrefs with line breaks: no real one comes near the cap
    String hrefText = link.attr("href");
    Matcher href = PAPER_HREF.matcher(hrefText.length() > MAX_HREF ? "" : hrefText);
    String arxivId = href.find() ? ARXIV_VERSION.matcher(href.group(1)).replaceFirst("") : null;
    return entry
        .setTitle(title)
        .setArxivId(arxivId)
        .setUpvotes(upvotes(card.select("div.leading-none")))
        .setAuthorCount(authorCount(card.select("li")))
        .build();
  }

  private static Integer upvotes(Elements counters) {
    for (Element counter : counters) {
      String text = counter.text().strip();
      if (COUNT.matcher(text).matches()) {
        return Integer.valueOf(text);
      }
    }
    return null;
  }

  /** The author total sits in the last avatar item; earlier items are individual authors. */
  private static Integer authorCount(Elements items) {
    for (int i = items.size() - 1; i >= 0; i--) {
      String text = items.get(i).ownText() + " " + items.get(i).text();
      if (text.length() > MAX_COUNTER_TEXT) {
        continue; // an avatar item is a few words; a long one is someone's prose
      }
      Matcher m = AUTHORS.matcher(text);
      if (m.find()) {
        return Integer.valueOf(m.group(1));
      }
    }
    return null;
  }
}
