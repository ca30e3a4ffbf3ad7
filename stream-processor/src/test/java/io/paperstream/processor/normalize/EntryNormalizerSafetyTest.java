package io.paperstream.processor.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.schemas.Paper;
import io.paperstream.schemas.RawEntry;
import io.paperstream.schemas.SourceKind;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a hostile entry gets out of the normalizer: field limits and links a browser may follow. */
class EntryNormalizerSafetyTest {

  private final EntryNormalizer normalizer = new EntryNormalizer();

  private static RawEntry.Builder entry() {
    return RawEntry.newBuilder()
        .setSource("https://digest.example.org/api/daily_papers?date=2024-06-15")
        .setSourceKind(SourceKind.API_JSON)
        .setFetchedAt(Instant.parse("2024-06-15T22:30:00Z"))
        .setPosition(4)
        .setPageFingerprint("cd".repeat(32))
        .setTitle("Tidal Lattices for Sparse Harbour Planning");
  }

  @Test
  void aTitleOverItsLimitIsRejectedNamingTheFieldAndItsSize() {
    // given a title of a million characters without a space
    RawEntry raw = entry().setTitle("x".repeat(1_000_000)).build();

    // when / then
    assertThatThrownBy(() -> normalizer.normalize(raw))
        .isInstanceOf(NormalizationException.class)
        .hasMessage("title is 1000000 characters long, over the limit of " + FieldLimits.TITLE);
  }

  @Test
  void everyTextFieldHasALimit() {
    String big = "y".repeat(FieldLimits.LINK + 1);
    assertThatThrownBy(() -> normalizer.normalize(entry().setAbstract$("z".repeat(FieldLimits.ABSTRACT + 1)).build()))
        .hasMessageStartingWith("abstract is " + (FieldLimits.ABSTRACT + 1) + " characters long");
    assertThatThrownBy(() -> normalizer.normalize(entry().setAiSummary("z".repeat(FieldLimits.ABSTRACT + 1)).build()))
        .hasMessage("aiSummary is " + (FieldLimits.ABSTRACT + 1) + " characters long, over the limit of "
            + FieldLimits.ABSTRACT);
    assertThatThrownBy(() -> normalizer.normalize(entry().setProjectPage("https://" + big).build()))
        .hasMessageStartingWith("projectPage is");
    assertThatThrownBy(() -> normalizer.normalize(entry().setGithubRepo(big).build()))
        .hasMessageStartingWith("githubRepo is");
    assertThatThrownBy(() -> normalizer.normalize(entry().setOrganization(big).build()))
        .hasMessageStartingWith("organization is");
    assertThatThrownBy(() -> normalizer.normalize(entry().setDateText(big).build()))
        .hasMessageStartingWith("dateText is");
    assertThatThrownBy(() -> normalizer.normalize(entry().setArxivId(big).build()))
        .hasMessageStartingWith("arxivId is");
    assertThatThrownBy(() -> normalizer.normalize(entry().setAuthors(List.of("Ada Mirel", big)).build()))
        .hasMessageStartingWith("authors[1] is");
    assertThatThrownBy(() -> normalizer.normalize(
        entry().setAuthors(Collections.nCopies(FieldLimits.AUTHORS + 1, "Bo Tanaka")).build()))
        .hasMessage("authors has " + (FieldLimits.AUTHORS + 1) + " items, over the limit of " + FieldLimits.AUTHORS);
    assertThatThrownBy(() -> normalizer.normalize(
        entry().setSourceKeywords(Collections.nCopies(FieldLimits.SOURCE_KEYWORDS + 1, "tides")).build()))
        .hasMessageStartingWith("sourceKeywords has");
  }

  @Test
  void theWholeEntryHasALimit() {
    // given fields each within its limit, together over the entry's
    RawEntry raw = entry().setAbstract$("w".repeat(FieldLimits.ABSTRACT))
        .setAuthors(Collections.nCopies(FieldLimits.AUTHORS, "n".repeat(20))).build();

    // when / then
    assertThatThrownBy(() -> normalizer.normalize(raw))
        .hasMessageStartingWith("entry has ").hasMessageEndingWith(" over the limit of " + FieldLimits.ENTRY);
  }

  @Test
  void fieldsAtTheirLimitPass() throws Exception {
    // given fields exactly as long as allowed
    RawEntry raw = entry()
        .setTitle("Lattice ".repeat(FieldLimits.TITLE / 8))
        .setAbstract$("We study sparse tides. ".repeat(FieldLimits.ABSTRACT / 23))
        .setAiSummary("Sparse tides. ".repeat(FieldLimits.ABSTRACT / 14))
        .build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getTitle()).startsWith("Lattice Lattice");
    assertThat(paper.getAbstract$()).startsWith("We study sparse tides.");
    assertThat(paper.getAiSummary()).startsWith("Sparse tides.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(document.cookie)", "JavaScript:alert(1)", " javascript:alert(1)",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)", "file:///etc/passwd",
      "//evil.example.org/x", "ftp://files.example.org/a", "harbour-project", "http:/no-host", "https://exa mple.org/"})
  void aProjectPageThatIsNotAnHttpLinkIsDropped(String link) throws Exception {
    // given
    RawEntry raw = entry().setProjectPage(link).build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then the paper is kept, without the link
    assertThat(paper.getTitle()).isEqualTo("Tidal Lattices for Sparse Harbour Planning");
    assertThat(paper.getProjectPage()).isNull();
  }

  @Test
  void anHttpProjectPageIsKeptStrippedWithItsSchemeLowerCased() throws Exception {
    assertThat(normalizer.normalize(entry().setProjectPage(" https://tides.example.org/p?q=1 ").build())
        .getProjectPage()).isEqualTo("https://tides.example.org/p?q=1");
    assertThat(normalizer.normalize(entry().setProjectPage("HTTP://tides.example.org/").build())
        .getProjectPage()).isEqualTo("http://tides.example.org/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)//github.com/a/b", "data:text/html,<a href=x>", "file:///home/x/repo",
      "git://gitlab.example.org/a/b", "javascript://github.com/%0Aalert(1)"})
  void aRepositoryFieldThatIsNotAnHttpLinkGivesNoCodeUrl(String field) throws Exception {
    // given
    RawEntry raw = entry().setGithubRepo(field).build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getCodeUrls()).isEmpty();
  }

  @Test
  void codeUrlsAreHttpsLinks() throws Exception {
    // given a repository field and an abstract naming more repositories
    RawEntry raw = entry().setGithubRepo("git@github.com:tide-lab/lattice.git")
        .setAbstract$("Code: github.com/tide-lab/harbour and https://codeberg.example.org/x/y (mirror).").build();

    // when
    Paper paper = normalizer.normalize(raw);

    // then
    assertThat(paper.getCodeUrls()).containsExactly("https://github.com/tide-lab/lattice",
        "https://github.com/tide-lab/harbour");
    assertThat(paper.getCodeUrls()).allMatch(url -> url.startsWith("https://"));
  }
}
