package io.paperstream.ingest.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a size cap, and gives up (cancelling the download) as soon as it
 * is exceeded, so that a huge or endless page never sits in memory. A body shorter than its
 * declared Content-Length is an error, never a page.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

  /** The body is larger than the cap. */
  static final class TooLargeException extends IOException {
    TooLargeException(String message) {
      super(message);
    }
  }

  /** The connection ended before the declared Content-Length. */
  static final class TruncatedException extends IOException {
    TruncatedException(String message) {
      super(message);
    }
  }

  private final long maxBytes;
  private final long declaredLength;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  CappedBodySubscriber(long maxBytes, long declaredLength) {
    this.maxBytes = maxBytes;
    this.declaredLength = declaredLength;
  }

  static HttpResponse.BodyHandler<byte[]> handler(long maxBytes) {
    return info -> new CappedBodySubscriber(maxBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1));
  }

  static String tooLarge(long maxBytes) {
    return "page larger than the " + maxBytes + "-byte limit (fetch.max-bytes)";
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (declaredLength > maxBytes) {
      subscription.cancel();
      result.completeExceptionally(new TooLargeException(tooLarge(maxBytes) + ": Content-Length " + declaredLength));
      return;
    }
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      if (body.size() + (long) buffer.remaining() > maxBytes) {
        subscription.cancel();
        result.completeExceptionally(new TooLargeException(tooLarge(maxBytes)));
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      body.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable error) {
    // the headers came, the body did not: a page cut off, never to be taken for a whole one
    result.completeExceptionally(new TruncatedException("body cut off after " + body.size()
        + (declaredLength >= 0 ? " of " + declaredLength : "") + " bytes (" + error.getMessage() + ")"));
  }

  @Override
  public void onComplete() {
    if (declaredLength >= 0 && body.size() < declaredLength) {
      result.completeExceptionally(new TruncatedException("body truncated: " + body.size() + " of "
          + declaredLength + " bytes arrived"));
      return;
    }
    result.complete(body.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
