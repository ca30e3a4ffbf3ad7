package io.paperstream.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NextPageLinkTest {

  private static final URI PAGE = URI.create("https://huggingface.co/api/daily_papers?date=2026-03-02");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "<https://huggingface.co/api/daily_papers?date=2026-03-02&p=1>; rel=\"next\"|https://huggingface.co/api/daily_papers?date=2026-03-02&p=1",
      "</api/daily_papers?date=2026-03-02&p=1>;rel=next|https://huggingface.co/api/daily_papers?date=2026-03-02&p=1",
      "</api/x?p=0>; rel=\"prev\", </api/x?p=2>; rel=\"next\"|https://huggingface.co/api/x?p=2",
      "</api/x?p=3>; title=\"more\"; REL=\"last next\"|https://huggingface.co/api/x?p=3",
  })
  void findsTheNextLinkAmongOthers(String header, String next) {
    // given a Link header as a server may write it

    // when
    var found = NextPageLink.of(header, PAGE);

    // then it is resolved against the page
    assertThat(found).contains(URI.create(next));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @NullAndEmptySource
  @ValueSource(strings = {"</api/x?p=0>; rel=\"prev\"", "no link at all", "<unclosed; rel=next",
      "<http://exa mple.org/ bad>; rel=next", "</api/x?p=9>; rel=\"nextpage\""})
  void noNextLinkIsEmpty(String header) {
    // given a header that names no next page

    // when
    var found = NextPageLink.of(header, PAGE);

    // then
    assertThat(found).isEmpty();
  }
}
