package io.paperstream.ingest.split;

import io.paperstream.schemas.RawEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Splits a text rendering ("select all, copy" of a listing or search page) into entries.
 *
 * <p>Only non-blank lines count, because captures differ in their blank-line layout. After the
 * header, each entry is a title line, an abstract line and an optional metadata block:
 * {@code • N authors} or an organisation line, a lone {@code ·}, a date (with an optional
 * trailing upvote count, or words before it: {@code Published on Jun 10, 2026}), an upvote count
 * ({@code 12 upvotes}, or a bare {@code 12} on a line of its own), {@code 3 comments},
 * {@code Submitted by …}: consecutive metadata lines, at most one of each kind (a second author
 * count begins another block), in any order. Any part but the title may be missing. When the page's
 * first line is a bare count, the capture prints each entry's upvotes before its title, so a bare
 * count belongs to the entry after it.
 */
final class TextPageSplitter {

  /** Short lines after a page's last abstract that are taken for its footer: see {@link #footerLines}. */
  private static final int FOOTER_MIN_LINES = 3;

  /** An entry's metadata block as printed; every part optional. */
  private record Metadata(Integer authorCount, String organization, PrintedDate date, Integer upvotes,
      Integer comments, boolean chromeOnly, List<String> lines) {}

  void split(String text, PageContext page) {
    List<String> stripped = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    TextPageHeader header = TextPageHeader.read(stripped, page.asOf());
    List<TextLine> lines = stripped.subList(header.bodyStart(), stripped.size()).stream().map(TextLine::of).toList();
    Cursor cursor = new Cursor(page, header.pageDate());
    // a capture that starts with a bare count prints each entry's upvotes before its title
    boolean countsFirst = !lines.isEmpty() && lines.get(0).isBareCount();
    List<String> run = new ArrayList<>();
    boolean sawMetadata = false;
    int i = 0;
    while (i < lines.size()) {
      TextLine line = lines.get(i);
      // an organisation line is only known by the separator after it, and follows a title
      boolean organization = !line.isMetadata() && !run.isEmpty() && i + 1 < lines.size()
          && lines.get(i + 1).kind() == TextLine.Kind.SEPARATOR && TextLines.couldBeOrganization(line.text());
      if (!organization && !line.isMetadata()) {
        run.add(line.text());
        i++;
        continue;
      }
      if (line.isBareCount() && (run.isEmpty() || countsFirst)) {
        cursor.emit(run, null);
        run.clear();
        cursor.upvotesOfNext = line.number();
        i++;
        continue;
      }
      int end = metadataEnd(lines, i, organization, countsFirst);
      cursor.emit(run, metadata(lines.subList(i, end), organization));
      run.clear();
      // numbers alone do not make a list of short lines a digest page
      sawMetadata |= end - i > 1 || !line.isBareCount();
      i = end;
    }
    int footer = footerLines(run, cursor.sawAbstract);
    cursor.emit(run.subList(0, run.size() - footer), null);
    cursor.footer(run.subList(run.size() - footer, run.size()));
    // a text page is held whole anyway (its lines are paired across the page), so its entries wait
    // here until the page as a whole is known to be a digest page
    if (cursor.entries == 0) {
      // with not one entry, the page as a whole is unreadable: say so once, not once per stray line
      page.rejectPage(header.recognised() || sawMetadata
          ? "no entries: the text page has a digest header or metadata lines but no title/abstract blocks"
          : "no recognisable entries: neither the digest header, a page date nor entry metadata found", text);
    } else if (!header.recognised() && !sawMetadata && !cursor.sawAbstract) {
      // nothing about these lines says "digest page": a text file of short lines is not one
      page.rejectPage("no recognisable entries: lines without digest header, abstracts or entry metadata",
          text);
    } else {
      cursor.pending.forEach(Runnable::run);
    }
  }

  /**
   * How many lines at the end of the page's last run are the site's footer ({@code System theme},
   * {@code Company}, {@code TOS}, …, in a capture of the whole page): on a page whose entries have
   * abstracts, three or more short lines after the last abstract are no entries.
   */
  private static int footerLines(List<String> run, boolean sawAbstract) {
    int trailing = 0;
    while (trailing < run.size() && !TextLines.looksLikeProse(run.get(run.size() - 1 - trailing))) {
      trailing++;
    }
    boolean abstracts = sawAbstract || trailing < run.size();
    return abstracts && trailing >= FOOTER_MIN_LINES ? trailing : 0;
  }

  /**
   * Where the metadata block that starts at {@code start} ends: at the first line that is not
   * metadata or whose kind the block already has (an organisation line stands for the author
   * count), and, when counts come first, before a bare count.
   */
  private static int metadataEnd(List<TextLine> lines, int start, boolean organization, boolean countsFirst) {
    EnumSet<TextLine.Kind> kinds = EnumSet.noneOf(TextLine.Kind.class);
    int i = start;
    if (organization) {
      kinds.add(TextLine.Kind.AUTHORS);
      i++;
    }
    while (i < lines.size() && lines.get(i).isMetadata() && !(countsFirst && lines.get(i).isBareCount())
        && kinds.add(lines.get(i).kind())) {
      i++;
    }
    return Math.max(i, start + 1);
  }

  private static Metadata metadata(List<TextLine> block, boolean organization) {
    Integer authorCount = null;
    String org = null;
    PrintedDate date = null;
    Integer upvotes = null;
    Integer comments = null;
    for (int k = 0; k < block.size(); k++) {
      TextLine line = block.get(k);
      if (k == 0 && organization) {
        org = line.text();
        continue;
      }
      switch (line.kind()) {
        case AUTHORS -> authorCount = line.number();
        case DATE -> date = line.date();
        case UPVOTES -> upvotes = line.number();
        case COMMENTS -> comments = line.number();
        default -> { } // the separator and the submitter say nothing an entry keeps
      }
    }
    if (upvotes == null && date != null) {
      upvotes = date.trailingCount();
    }
    boolean chromeOnly = block.stream().allMatch(line -> line.kind() == TextLine.Kind.SUBMITTER);
    return new Metadata(authorCount, org, date, upvotes, comments, chromeOnly,
        block.stream().map(TextLine::text).toList());
  }

  /** Hands out positions and turns runs of title/abstract lines into entries or dead letters. */
  private static final class Cursor {
    private final PageContext page;
    private final LocalDate pageDate;
    private final List<Runnable> pending = new ArrayList<>();
    private int nextPosition;
    private int entries;
    private boolean sawAbstract;
    /** An upvote count printed before the next title, or null. */
    Integer upvotesOfNext;

    Cursor(PageContext page, LocalDate pageDate) {
      this.page = page;
      this.pageDate = pageDate;
    }

    /** The metadata, if any, belongs to the last entry of the run. */
    void emit(List<String> run, Metadata metadata) {
      if (run.isEmpty()) {
        if (metadata != null && !metadata.chromeOnly()) {
          int position = nextPosition++;
          String excerpt = String.join(" | ", metadata.lines());
          pending.add(() -> page.reject(position, "entry metadata without a title before it", excerpt));
        }
        return;
      }
      List<TitleAbstractPairing.Pair> pairs = TitleAbstractPairing.pair(run);
      for (int k = 0; k < pairs.size(); k++) {
        TitleAbstractPairing.Pair pair = pairs.get(k);
        String title = run.get(pair.titleIndex());
        String abstractText = pair.hasAbstract() ? run.get(pair.abstractIndex()) : null;
        Metadata own = k == pairs.size() - 1 ? metadata : null;
        Integer upvotes = own != null && own.upvotes() != null ? own.upvotes() : k == 0 ? upvotesOfNext : null;
        int position = nextPosition++;
        if (abstractText == null && TextLines.looksLikeProse(title)) {
          pending.add(() -> page.reject(position, "an abstract without a title line before it", title));
          continue;
        }
        sawAbstract |= abstractText != null && TextLines.looksLikeProse(abstractText);
        RawEntry entry = entry(position, title, abstractText, own, upvotes);
        pending.add(() -> page.accept(entry));
        entries++;
      }
      upvotesOfNext = null;
    }

    /**
     * The page's footer, if any: dropped when every line is the site's own ({@link TextLines#isSiteChrome}),
     * else one dead letter that shows it, rather than papers named "Company" or "TOS".
     */
    void footer(List<String> lines) {
      if (!lines.stream().allMatch(TextLines::isSiteChrome)) {
        int position = nextPosition++;
        String excerpt = String.join(" | ", lines);
        pending.add(() -> page.reject(position, lines.size()
            + " short lines after the last entry, without abstract or metadata: the page's footer, not entries", excerpt));
      }
    }

    private RawEntry entry(int position, String title, String abstractText, Metadata metadata, Integer upvotes) {
      RawEntry.Builder entry = page.newEntry(position, pageDate).setTitle(title).setAbstract$(abstractText)
          .setUpvotes(upvotes);
      if (metadata != null) {
        entry.setAuthorCount(metadata.authorCount()).setOrganization(metadata.organization())
            .setComments(metadata.comments());
        if (metadata.date() != null) {
          entry.setDateText(metadata.date().text());
        }
      }
      return entry.build();
    }
  }
}
