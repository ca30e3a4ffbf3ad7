package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {

  private static final long SECOND = 1_000_000_000L;

  private long nanos;
  private final ResponseCache cache = new ResponseCache(Duration.ofSeconds(1), () -> nanos);
  private final AtomicInteger renders = new AtomicInteger();

  @Test
  void anAnswerIsRenderedOncePerPeriodAndAnewOnceItIsOlder() {
    // given an answer rendered once
    assertThat(cache.answer("/api/trending", () -> render("first")).body()).isEqualTo("first");

    // when it is asked for again within the period, then after it
    String within = cache.answer("/api/trending", () -> render("second")).body();
    nanos += SECOND;
    String after = cache.answer("/api/trending", () -> render("third")).body();

    // then the kept answer served the first ask, a new render the second
    assertThat(within).isEqualTo("first");
    assertThat(after).isEqualTo("third");
    assertThat(renders).hasValue(2);
  }

  @Test
  void whileOneRequestRendersAnOldAnswerAnewOthersGetThePreviousAnswerWithoutWaiting() throws Exception {
    // given an answer older than the period, and a request rendering it anew, slowly
    cache.answer("/feed.xml", () -> render("old"));
    nanos += 2 * SECOND;
    CountDownLatch renderStarted = new CountDownLatch(1);
    CountDownLatch renderMayFinish = new CountDownLatch(1);
    CompletableFuture<String> renderer = CompletableFuture.supplyAsync(() -> cache.answer("/feed.xml", () -> {
      renderStarted.countDown();
      await(renderMayFinish);
      return render("new");
    }).body());
    assertThat(renderStarted.await(10, TimeUnit.SECONDS)).as("the render started").isTrue();

    // when another request asks meanwhile
    String meanwhile = cache.answer("/feed.xml", () -> render("a third render")).body();

    // then it gets the previous answer at once, and once the render is done everyone gets the new one
    assertThat(meanwhile).isEqualTo("old");
    renderMayFinish.countDown();
    assertThat(renderer.get(10, TimeUnit.SECONDS)).isEqualTo("new");
    assertThat(cache.answer("/feed.xml", () -> render("a fourth render")).body()).isEqualTo("new");
    assertThat(renders).hasValue(2);
  }

  private ResponseCache.Answer render(String body) {
    renders.incrementAndGet();
    return ResponseCache.Answer.of(body, "text/plain", null);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).as("the test let the render finish").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
