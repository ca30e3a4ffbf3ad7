package io.paperstream.schemas;

/**
 * Kafka record headers that carry where a record came from, so that a consumer can route or
 * audit records without decoding their values.
 */
public final class ProvenanceHeaders {

  public static final String SOURCE = "paperstream.source";
  public static final String SOURCE_KIND = "paperstream.source-kind";
  public static final String PAGE_FINGERPRINT = "paperstream.page-fingerprint";
  public static final String POSITION = "paperstream.position";
  public static final String FETCHED_AT = "paperstream.fetched-at";
  public static final String STAGE = "paperstream.stage";

  private ProvenanceHeaders() {}
}
