package io.paperstream.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.schemas.SchemaRegistryException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.internals.DefaultErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/** Which unreadable records become dead letters: the record's fault, never the registry's. */
class DeadLetterHandlersTest {

  private static final String DEAD_LETTERS = "paper-processing-dead-letters";

  private final ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("paper-raw-entries", 1, 42L,
      1_767_312_000_000L, TimestampType.CREATE_TIME, 10, 7, "2601.00001".getBytes(StandardCharsets.UTF_8),
      new byte[] {0, 0, 0, 0, 9, 2, 65}, new RecordHeaders(), Optional.empty());

  @Test
  void anUnreadableRecordIsDeadLetteredWithItsBytesAndSkipped() {
    // given the handler, configured with the dead-letter topic
    DeadLetterHandlers.Deserialization handler = handler();

    // when a record cannot be decoded (not registry-framed, unknown schema id, corrupt body)
    DeserializationExceptionHandler.Response response = handler.handleError(context(), record,
        new SerializationException("cannot decode RawEntry from paper-raw-entries: no schema with id 9"));

    // then processing goes on and the record's own bytes go to the dead-letter topic
    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(deadLetter -> {
      assertThat(deadLetter.topic()).isEqualTo(DEAD_LETTERS);
      assertThat(deadLetter.value()).isEqualTo(record.value());
    });
  }

  @Test
  void aRegistryThatCannotBeUsedFailsTheThreadAndDeadLettersNothing() {
    // given the handler, configured with the dead-letter topic
    DeadLetterHandlers.Deserialization handler = handler();

    // when reading failed because the schema registry did not answer
    DeserializationExceptionHandler.Response response = handler.handleError(context(), record,
        new SerializationException("cannot decode RawEntry", new SchemaRegistryException(
            "schema registry http://registry:8081: no answer to GET /schemas/ids/9 within 10000 ms")));

    // then the thread fails (the record is read again later) and the good record is not dead-lettered
    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  private static DeadLetterHandlers.Deserialization handler() {
    DeadLetterHandlers.Deserialization handler = new DeadLetterHandlers.Deserialization();
    handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, DEAD_LETTERS));
    return handler;
  }

  private ErrorHandlerContext context() {
    return new DefaultErrorHandlerContext(null, record.topic(), record.partition(), record.offset(), new RecordHeaders(),
        "raw-entries", new TaskId(0, 1), record.timestamp(), record.key(), record.value());
  }
}
