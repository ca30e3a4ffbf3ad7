package io.paperstream.ingest.split;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.schemas.RawEntry;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text captures laid out otherwise than the shared seeds: upvote counts on lines of their own,
 * metadata printed with words, weekly and monthly headers, the site's navigation and footer around
 * a capture of the whole page.
 */
class TextCaptureVariantsTest {

  private static final String[] THREE_TITLES = {
      "Lattice Gardens: Growing Sparse Routers", "Quiet Tokens in Long-Context Retrieval",
      "Tide Ledgers for Auditing Agents"};

  private final PageSplitter splitter = SplitFixtures.splitter();

  private SplitResult split(String name, String body) {
    return splitter.split(SplitFixtures.inline("file:///pages/" + name, "text/plain", body));
  }

  @Test
  void upvoteCountOnALineOfItsOwnBelongsToTheEntryBeforeIt() {
    // given a capture that puts each card's upvotes on the line after its date, titles without abstracts
    String body = String.join("\n", "Daily Papers", "Jun 12",
        "Lattice Gardens: Growing Sparse Routers", "  • 7 authors", "·", "Jun 10", "12",
        "Quiet Tokens in Long-Context Retrieval", "  • 4 authors", "·", "Jun 11", "3",
        "Tide Ledgers for Auditing Agents", "  • 11 authors", "·", "Jun 9");

    // when
    SplitResult result = split("counts-after.txt", body);

    // then no bare number became a paper
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).extracting(RawEntry::getTitle).containsExactly(THREE_TITLES);
    assertThat(result.entries()).extracting(RawEntry::getUpvotes).containsExactly(12, 3, null);
    assertThat(result.entries()).extracting(RawEntry::getAuthorCount).containsExactly(7, 4, 11);
    assertThat(result.entries()).extracting(RawEntry::getDateText).containsExactly("Jun 10", "Jun 11", "Jun 9");
  }

  @Test
  void upvoteCountsPrintedBeforeEachTitleBelongToTheEntryAfterThem() {
    // given a capture whose cards begin with their upvote box
    String body = String.join("\n", "Daily Papers", "Jun 12",
        "41", "Lattice Gardens: Growing Sparse Routers", "  • 7 authors", "·", "Jun 10",
        "5", "Quiet Tokens in Long-Context Retrieval",
        "Tide Ledgers for Auditing Agents", "  • 11 authors", "·", "Jun 9");

    // when
    SplitResult result = split("counts-first.txt", body);

    // then each count goes to the title after it; the entry printed without one has none
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).extracting(RawEntry::getTitle).containsExactly(THREE_TITLES);
    assertThat(result.entries()).extracting(RawEntry::getUpvotes).containsExactly(41, 5, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Weekly Papers|Week 24", "Weekly Papers|2026-W24", "Monthly Papers|June 2026",
      "Monthly Papers|Jun 2026", "Week 24, 2026"})
  void weeklyAndMonthlyHeadersAreChromeNotEntries(String header) {
    // given a weekly or monthly listing's capture: its period instead of a day, entries with their own dates
    String body = String.join("\n\n", header.replace('|', '\n'), "byAK and the research community",
        "Lattice Gardens: Growing Sparse Routers",
        "We grow sparse routers for mixture models by pruning lattice paths on a schedule that keeps experts balanced.",
        "  • 7 authors", "·", "Jun 10, 2026 12");

    // when
    SplitResult result = split("week.txt", body);

    // then
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).singleElement().satisfies(entry -> {
      assertThat(entry.getTitle()).isEqualTo("Lattice Gardens: Growing Sparse Routers");
      assertThat(entry.getPageDate()).isNull();
      assertThat(entry.getDateText()).isEqualTo("Jun 10, 2026");
      assertThat(entry.getUpvotes()).isEqualTo(12);
    });
  }

  @Test
  void metadataWithWordsIsMetadataNotTitles() {
    // given a capture whose cards print their metadata with words, and who submitted each paper
    String body = String.join("\n\n", "Daily Papers", "by AK and the research community", "Jun 12",
        "Submitted by akhaliq",
        "Lattice Gardens: Growing Sparse Routers",
        "We grow sparse routers for mixture models by pruning lattice paths on a schedule that keeps experts balanced.",
        "· 7 authors", "Published on Jun 10, 2026", "12 upvotes", "3 comments",
        "Submitted by someone",
        "Quiet Tokens in Long-Context Retrieval",
        "Long-context retrieval benefits from tokens that carry little attention mass; we show how to keep them.",
        "· 4 authors", "Published on Jun 11, 2026");

    // when
    SplitResult result = split("card-words.txt", body);

    // then
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).extracting(RawEntry::getTitle).containsExactly(
        "Lattice Gardens: Growing Sparse Routers", "Quiet Tokens in Long-Context Retrieval");
    assertThat(result.entries()).extracting(RawEntry::getDateText).containsExactly("Jun 10, 2026", "Jun 11, 2026");
    assertThat(result.entries()).extracting(RawEntry::getUpvotes).containsExactly(12, null);
    assertThat(result.entries()).extracting(RawEntry::getComments).containsExactly(3, null);
    assertThat(result.entries()).extracting(RawEntry::getAuthorCount).containsExactly(7, 4);
  }

  @Test
  void shortLinesWithNumbersAreNoDigestPage() {
    // given a list with counts, nothing that says digest page
    String body = "eggs\n12\nmilk\n2\nrye bread\n1\n";

    // when
    SplitResult result = splitter.split(SplitFixtures.inline("file:///notes/list.txt", "text/plain", body));

    // then
    assertThat(result.entries()).isEmpty();
    assertThat(result.deadLetters()).singleElement()
        .satisfies(dead -> assertThat(dead.getReason()).contains("no recognisable entries"));
  }

  private static final String NAVIGATION = String.join("\n", "Hugging Face", "Models", "Datasets", "Spaces",
      "Community", "Docs", "Enterprise", "Pricing", "Log In", "Sign Up");
  private static final String FOOTER = String.join("\n", "System theme", "Company", "TOS", "Privacy", "About",
      "Careers", "Website", "Models", "Datasets", "Spaces", "Pricing", "Docs");
  private static final String TWO_ENTRIES = String.join("\n",
      "Lattice Gardens: Growing Sparse Routers",
      "We grow sparse routers for mixture models by pruning lattice paths on a schedule that keeps experts balanced. "
          + "Routing costs fall by half.",
      "  • 7 authors", "·", "Jun 10, 2026",
      "Quiet Tokens in Long-Context Retrieval",
      "Long-context retrieval benefits from tokens that carry little attention mass. We show how to find them and "
          + "how to keep them.");

  @ParameterizedTest
  @ValueSource(strings = {"Daily Papers|Jun 12", "Weekly Papers|Week 24", "Daily Papers|Daily|Weekly|Monthly|Jun 12|Previous|Next"})
  void theSitesNavigationAndFooterAroundAWholePageCaptureAreNoEntries(String header) {
    // given "select all, copy" of the whole page: the site's navigation, the digest, the site's footer
    String body = String.join("\n\n", NAVIGATION, "new", "Get trending papers in your email inbox!", "Subscribe",
        header.replace('|', '\n'), "byAK and the research community", TWO_ENTRIES, FOOTER);

    // when
    SplitResult result = split("whole.txt", body);

    // then
    assertThat(result.deadLetters()).isEmpty();
    assertThat(result.entries()).extracting(RawEntry::getTitle).containsExactly(
        "Lattice Gardens: Growing Sparse Routers", "Quiet Tokens in Long-Context Retrieval");
    assertThat(result.entries().get(0).getPageDate())
        .isEqualTo(header.contains("Jun 12") ? LocalDate.of(2024, 6, 12) : null); // the latest Jun 12 before the as-of date
  }

  @Test
  void unknownShortLinesAfterTheLastAbstractAreOneDeadLetterNotPapers() {
    // given three short lines after the last abstract that are not the site's own
    String body = String.join("\n", "Daily Papers", "Jun 12", TWO_ENTRIES, "Reading list", "Ask the team", "Fold here");

    // when
    SplitResult result = split("tail.txt", body);

    // then the entries are kept and the lines are shown, located after them
    assertThat(result.entries()).hasSize(2);
    assertThat(result.deadLetters()).singleElement().satisfies(dead -> {
      assertThat(dead.getPosition()).isEqualTo(2);
      assertThat(dead.getReason()).contains("3 short lines after the last entry");
      assertThat(dead.getExcerpt()).isEqualTo("Reading list | Ask the team | Fold here");
    });
  }

  @Test
  void theSitesNavigationAloneDoesNotMakeADigestPage() {
    // given a page of short lines after the site's navigation, nothing of a digest
    String body = String.join("\n", NAVIGATION, "eggs", "milk", "rye bread");

    // when
    SplitResult result = split("nav-only.txt", body);

    // then
    assertThat(result.entries()).isEmpty();
    assertThat(result.deadLetters()).singleElement()
        .satisfies(dead -> assertThat(dead.getReason()).contains("no recognisable entries"));
  }

  @Test
  void aShortTitleThatReadsLikeMetadataWordsStaysATitle() {
    // given a title that begins like a submitter line, but names more than one user
    String body = String.join("\n", "Daily Papers", "Jun 12", "Submitted by the Crowd: Rating Reef Photos",
        "We ask divers to rate reef photos and show that their ratings track coral cover across forty sites.",
        "  • 3 authors", "·", "Jun 10");

    // when
    SplitResult result = split("crowd.txt", body);

    // then
    assertThat(result.entries()).extracting(RawEntry::getTitle).containsExactly("Submitted by the Crowd: Rating Reef Photos");
  }
}
