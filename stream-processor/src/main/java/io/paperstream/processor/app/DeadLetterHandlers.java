package io.paperstream.processor.app;

import io.paperstream.schemas.SchemaRegistryException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' dead-letter handlers, with dead letters that always fit.
 *
 * <p>A dead letter carries the original record's bytes. When those are too large for the
 * producer (a raw entry of several megabytes that another producer wrote), the dead letter
 * itself fails to send, Kafka Streams treats that as a new production error, builds a dead letter
 * of the dead letter, and so on until the stream thread dies of a stack overflow; the thread is
 * replaced, reprocesses the record, and the processor loops forever. Here a key or value over
 * {@link #MAX_BYTES} is cut to its first {@link #KEPT_BYTES}, with its real size in the header
 * {@value #TRUNCATED_HEADER}; the reason headers ({@code __streams.errors.*}) are untouched.
 */
public final class DeadLetterHandlers {

  /** Largest key or value a dead letter carries whole. */
  public static final int MAX_BYTES = 256 * 1024;
  /** What is kept of a larger one. */
  public static final int KEPT_BYTES = 16 * 1024;
  public static final String TRUNCATED_HEADER = "paperstream.truncated-from-bytes";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandlers.class);

  private DeadLetterHandlers() {}

  /** The three handler settings, for the Streams configuration. */
  static Map<String, Object> streamsConfig() {
    return Map.of(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, Deserialization.class,
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, Processing.class,
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, Production.class);
  }

  static List<ProducerRecord<byte[], byte[]>> bounded(List<ProducerRecord<byte[], byte[]>> deadLetters) {
    return deadLetters == null ? List.of() : deadLetters.stream().map(DeadLetterHandlers::bounded).toList();
  }

  static ProducerRecord<byte[], byte[]> bounded(ProducerRecord<byte[], byte[]> deadLetter) {
    byte[] key = deadLetter.key();
    byte[] value = deadLetter.value();
    boolean keyTooLarge = key != null && key.length > MAX_BYTES;
    boolean valueTooLarge = value != null && value.length > MAX_BYTES;
    if (!keyTooLarge && !valueTooLarge) {
      return deadLetter;
    }
    RecordHeaders headers = new RecordHeaders(deadLetter.headers().toArray());
    headers.add(TRUNCATED_HEADER, ("key=" + (key == null ? 0 : key.length) + ",value=" + (value == null ? 0 : value.length))
        .getBytes(StandardCharsets.UTF_8));
    return new ProducerRecord<>(deadLetter.topic(), deadLetter.partition(), deadLetter.timestamp(),
        keyTooLarge ? Arrays.copyOf(key, KEPT_BYTES) : key, valueTooLarge ? Arrays.copyOf(value, KEPT_BYTES) : value,
        headers);
  }

  /**
   * Records that cannot be read: logged, dead-lettered (bounded), skipped. A schema registry that
   * cannot be used (serde.format=registry) is no fault of the record: the thread fails and the
   * record is read again once the registry answers, never dead-lettered.
   */
  public static final class Deserialization extends LogAndContinueExceptionHandler {
    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
        ConsumerRecord<byte[], byte[]> record, Exception exception) {
      if (SchemaRegistryException.isCauseOf(exception)) {
        LOG.error("cannot read {} at offset {} of partition {}: {}", record.topic(), record.offset(),
            record.partition(), exception.getMessage());
        return DeserializationExceptionHandler.Response.fail();
      }
      DeserializationExceptionHandler.Response response = super.handleError(context, record, exception);
      List<ProducerRecord<byte[], byte[]>> deadLetters = bounded(response.deadLetterQueueRecords());
      return response.result() == DeserializationExceptionHandler.Result.FAIL
          ? DeserializationExceptionHandler.Response.fail(deadLetters)
          : DeserializationExceptionHandler.Response.resume(deadLetters);
    }
  }

  /** Records that cannot be processed (an entry the normalizer rejects): logged, dead-lettered (bounded), skipped. */
  public static final class Processing extends LogAndContinueProcessingExceptionHandler {
    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
        Exception exception) {
      ProcessingExceptionHandler.Response response = super.handleError(context, record, exception);
      List<ProducerRecord<byte[], byte[]>> deadLetters = bounded(response.deadLetterQueueRecords());
      return response.result() == ProcessingExceptionHandler.Result.FAIL
          ? ProcessingExceptionHandler.Response.fail(deadLetters)
          : ProcessingExceptionHandler.Response.resume(deadLetters);
    }
  }

  /**
   * Records that cannot be written. One too large for the broker is dead-lettered (bounded) and
   * skipped rather than failing the thread, which would only retry it forever; a dead letter
   * that still cannot be written is logged, never dead-lettered again. Anything else fails as
   * by default.
   */
  public static final class Production extends DefaultProductionExceptionHandler {

    private String deadLetterTopic;

    @Override
    public void configure(Map<String, ?> configs) {
      super.configure(configs);
      Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
      deadLetterTopic = topic == null ? null : topic.toString();
    }

    @Override
    public ProductionExceptionHandler.Response handleError(ErrorHandlerContext context,
        ProducerRecord<byte[], byte[]> record, Exception exception) {
      if (record.topic().equals(deadLetterTopic)) {
        LOG.error("could not write a dead letter to {} (key {} bytes, value {} bytes): {}", record.topic(),
            record.key() == null ? 0 : record.key().length, record.value() == null ? 0 : record.value().length,
            exception.toString());
        return ProductionExceptionHandler.Response.resume();
      }
      ProductionExceptionHandler.Response response = super.handleError(context, record, exception);
      List<ProducerRecord<byte[], byte[]>> deadLetters = bounded(response.deadLetterQueueRecords());
      if (exception instanceof RecordTooLargeException) {
        LOG.warn("record for {} too large to write ({}); sent to the dead-letter topic", record.topic(),
            exception.getMessage());
        return ProductionExceptionHandler.Response.resume(deadLetters);
      }
      return switch (response.result()) {
        case RESUME -> ProductionExceptionHandler.Response.resume(deadLetters);
        case RETRY -> ProductionExceptionHandler.Response.retry();
        case FAIL -> ProductionExceptionHandler.Response.fail(deadLetters);
      };
    }
  }
}
