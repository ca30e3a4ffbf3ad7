package io.paperstream.ingest.feed;

import io.paperstream.config.PipelineTopics;
import io.paperstream.config.Settings;
import io.paperstream.ingest.produce.RawEntryProducer;
import io.paperstream.kafka.TopicAdmin;
import io.paperstream.schemas.Topics;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The Kafka side of a feed: its topics created, its producer connected, its fetch log restored. */
record FeedKafka(RawEntryProducer producer, FetchLog log) {

  static FeedKafka connect(Topics topics, String bootstrapServers, Properties clientOverrides,
      Settings topicSettings) {
    Properties adminConfig = new Properties();
    adminConfig.putAll(clientOverrides);
    adminConfig.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(adminConfig)) {
      TopicAdmin.ensureTopics(admin, PipelineTopics.feedTopics(topics, topicSettings));
    }
    Properties producerConfig = RawEntryProducer.producerConfig(bootstrapServers, clientOverrides);
    if (!clientOverrides.containsKey("client.id")) {
      producerConfig.put("client.id", "paperstream-feed");
    }
    Producer<byte[], byte[]> kafka =
        new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
    RawEntryProducer producer = new RawEntryProducer(kafka, topics);
    try {
      FetchLog log = FetchLog.restore(bootstrapServers, clientOverrides, topics.fetchLog(), kafka);
      return new FeedKafka(producer, log);
    } catch (RuntimeException e) {
      kafka.close();
      throw e;
    }
  }
}
