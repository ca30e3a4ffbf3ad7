package io.paperstream.processor.search;

/** A search text that is not a query: the message says where and why, for the person who typed it. */
public final class InvalidQueryException extends IllegalArgumentException {

  InvalidQueryException(String message) {
    super(message);
  }
}
